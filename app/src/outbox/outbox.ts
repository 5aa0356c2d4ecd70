import type { ResultSetHeader, RowDataPacket } from "mysql2";
import type { Queryable } from "../db/connection";
import { DatabaseQueryError } from "../db/errors";

/** One row of the event store, as the relay reads it: still raw, since a malformed row must be parked, not thrown. */
export interface OutboxRow {
    /** events.seq */
    readonly position: number;
    readonly eventId: string;
    readonly orderId: string;
    readonly version: number;
    readonly type: string;
    /** The JSON column as the driver returns it: parsed (MySQL) or text (MariaDB). */
    readonly data: unknown;
    /** 'YYYY-MM-DD hh:mm:ss.ffffff', UTC. */
    readonly createdAt: string;
}

interface HighRow extends RowDataPacket {
    high: string | number | null;
}

interface EventRow extends RowDataPacket {
    seq: string | number;
    event_id: string;
    aggregate_id: string;
    version: number;
    type: string;
    data: unknown;
    created_at: string;
}

/** What the outbox needs of the database: statements, and one short transaction for the high-water mark. */
export interface TransactionalDb extends Queryable {
    transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
}

/** The event store seen as an outbox: read in position order, never past a position an append in flight could still take. */
export class Outbox {
    constructor(
        private readonly db: TransactionalDb,
        private readonly relay: string,
    ) {}

    /**
     * The highest position below which every append has committed or rolled back: taken under the gate row's
     * exclusive lock, which waits for the appends in flight (each holds the row's shared lock from before it takes
     * a position until it commits) and holds new ones back for as long as this short transaction lasts.
     */
    async highWaterMark(): Promise<number> {
        return this.db.transaction(async (tx) => {
            await tx.query("SELECT id FROM outbox_gate WHERE id = 1 FOR UPDATE", [], { retryOnFatal: false });
            const rows = await tx.query<HighRow[]>("SELECT MAX(seq) AS high FROM events", [], { retryOnFatal: false });
            return Number(rows[0]?.high ?? 0);
        });
    }

    /**
     * The highest committed position, read without the gate's lock: a cheap look, once caught up, whether anything new
     * has committed since. It may be below a position an append in flight still holds, so only `highWaterMark` bounds a read.
     */
    async latestCommitted(): Promise<number> {
        const rows = await this.db.query<HighRow[]>("SELECT MAX(seq) AS high FROM events", [], { retryOnFatal: true });
        return Number(rows[0]?.high ?? 0);
    }

    /** How long ago, in the database's clock, the first event after `position` was appended; 0 when there is none. */
    async oldestAgeMsAfter(position: number): Promise<number> {
        const rows = await this.db.query<(RowDataPacket & { age: string | number | null })[]>(
            "SELECT TIMESTAMPDIFF(MICROSECOND, created_at, UTC_TIMESTAMP(6)) AS age FROM events WHERE seq > ? ORDER BY seq LIMIT 1",
            [position],
            { retryOnFatal: true },
        );
        return Math.max(0, Number(rows[0]?.age ?? 0) / 1000);
    }

    /** Events with `after` < position ≤ `upTo`, oldest first, at most `limit`. */
    async read(after: number, upTo: number, limit: number): Promise<OutboxRow[]> {
        const rows = await this.db.query<EventRow[]>(
            "SELECT seq, event_id, aggregate_id, version, type, data, created_at FROM events WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?",
            [after, upTo, limit],
            { retryOnFatal: true },
        );
        return rows.map((row) => ({
            position: Number(row.seq),
            eventId: row.event_id,
            orderId: row.aggregate_id,
            version: Number(row.version),
            type: row.type,
            data: row.data,
            createdAt: row.created_at,
        }));
    }

    /** Events still to publish after `position` (for the backlog metric). */
    async countAfter(position: number): Promise<number> {
        const rows = await this.db.query<(RowDataPacket & { n: number | string })[]>("SELECT COUNT(*) AS n FROM events WHERE seq > ?", [position], {
            retryOnFatal: true,
        });
        return Number(rows[0]?.n ?? 0);
    }

    /** Records a row the relay passes over; parking it twice (a repeated run) keeps the first reason. */
    async park(position: number, reason: string): Promise<void> {
        try {
            await this.db.query<ResultSetHeader>(
                "INSERT INTO parked_events (seq, relay, reason, parked_at) VALUES (?, ?, ?, UTC_TIMESTAMP(6))",
                [position, this.relay, reason.slice(0, 512)],
                { retryOnFatal: true },
            );
        } catch (error) {
            if (!(error instanceof DatabaseQueryError && error.isDuplicateKey)) {
                throw error;
            }
        }
    }
}
