import type { ResultSetHeader, RowDataPacket } from "mysql2";
import type { Queryable } from "../db/connection";
import { fromSqlDateTime } from "../db/dateTime";
import { DatabaseQueryError } from "../db/errors";
import { ConcurrencyConflictError, CorruptStreamError } from "./errors";
import { orderEvent, type OrderEvent, type RecordedEvent } from "./events";

/** An event to append; the id is chosen by the caller so that a repeated append is recognised as a replay. */
export type NewEvent = OrderEvent & { readonly eventId: string };

export type AppendOutcome = "appended" | "replayed";

/** An event with its place in the store's global order, not yet validated. */
export interface StoredEvent {
    readonly orderId: string;
    readonly version: number;
    readonly position: number;
    readonly type: string;
    readonly data: unknown;
    /** ISO-8601 UTC. */
    readonly occurredAt: string;
}

/** A row of `events` as the store selects it. */
export interface EventRow extends RowDataPacket {
    aggregate_id: string;
    version: number;
    type: string;
    data: unknown;
    created_at: string;
}

const columns = "aggregate_id, version, type, data, created_at";

/** A row of `events` with its position. */
export interface PositionedEventRow extends EventRow {
    seq: string | number;
}

/**
 * A row as a StoredEvent, not validated. Data that is not JSON becomes `undefined`, which no event type accepts: the
 * read model then refuses the event (CorruptStreamError) like any other invalid one, instead of failing on a parse.
 */
export function toStoredEvent(row: PositionedEventRow): StoredEvent {
    let data: unknown = row.data;
    if (typeof data === "string") {
        try {
            data = JSON.parse(data);
        } catch {
            data = undefined;
        }
    }
    return {
        orderId: row.aggregate_id,
        version: Number(row.version),
        position: Number(row.seq),
        type: row.type,
        data,
        occurredAt: fromSqlDateTime(row.created_at),
    };
}

/**
 * Validates a stored event. MySQL returns a JSON column parsed, MariaDB (where JSON is LONGTEXT) as text; this accepts both.
 * @throws CorruptStreamError when the row does not hold an event of its type.
 */
export function toRecordedEvent(row: EventRow): RecordedEvent {
    const data: unknown = typeof row.data === "string" ? JSON.parse(row.data) : row.data;
    const parsed = orderEvent.safeParse({ type: row.type, data });
    if (!parsed.success) {
        throw new CorruptStreamError(`Stored event ${row.aggregate_id}@${row.version} does not match its type ${row.type}`);
    }
    // The column holds UTC (written with UTC_TIMESTAMP), read as a string: 'YYYY-MM-DD hh:mm:ss.ffffff'.
    return { ...parsed.data, version: Number(row.version), createdAt: fromSqlDateTime(row.created_at) };
}

/**
 * Append-only event streams in the `events` table. UNIQUE(aggregate_id, version) makes a concurrent append
 * at the same version fail; UNIQUE(event_id) makes the repeat of an append that already happened detectable.
 */
export class EventStore {
    constructor(private readonly db: Queryable) {}

    /** The stream of one aggregate, oldest first; empty when it does not exist. */
    async load(aggregateId: string): Promise<RecordedEvent[]> {
        const rows = await this.db.query<EventRow[]>(
            `SELECT ${columns} FROM events WHERE aggregate_id = ? ORDER BY version`,
            [aggregateId],
            { retryOnFatal: true },
        );
        return rows.map(toRecordedEvent);
    }

    /**
     * Events `afterVersion` < version ≤ `upToVersion` of one aggregate with their positions, oldest first, as stored
     * (not validated: the read model validates what it applies).
     */
    async loadRange(aggregateId: string, afterVersion: number, upToVersion: number): Promise<StoredEvent[]> {
        const rows = await this.db.query<PositionedEventRow[]>(
            `SELECT seq, ${columns} FROM events WHERE aggregate_id = ? AND version > ? AND version <= ? ORDER BY version`,
            [aggregateId, afterVersion, upToVersion],
            { retryOnFatal: true },
        );
        return rows.map(toStoredEvent);
    }

    /** Which aggregate an event id belongs to, if it was appended. */
    async aggregateOf(eventId: string): Promise<{ aggregateId: string; event: RecordedEvent } | undefined> {
        const rows = await this.db.query<EventRow[]>(`SELECT ${columns} FROM events WHERE event_id = ?`, [eventId], {
            retryOnFatal: true,
        });
        const [row] = rows;
        return row === undefined ? undefined : { aggregateId: row.aggregate_id, event: toRecordedEvent(row) };
    }

    /**
     * Appends events after `expectedVersion` in one INSERT (atomic: all rows or none).
     * Returns "replayed" when the first event id is already stored, i.e. this exact append happened before.
     *
     * The INSERT reads the outbox gate row LOCK IN SHARE MODE before it takes any `seq`, and holds that lock until it
     * commits: appends never wait on each other (shared locks), while the relay's FOR UPDATE on the row waits for every
     * append in flight, so the high-water mark it reads under the lock has no uncommitted `seq` below it
     * (app/migrations/003_create_outbox_relay.sql). One statement, as before: no transaction, no extra round trip.
     * @throws ConcurrencyConflictError when another writer already appended after `expectedVersion`.
     */
    async append(aggregateId: string, expectedVersion: number, events: readonly NewEvent[]): Promise<AppendOutcome> {
        const [first] = events;
        if (first === undefined) {
            return "appended";
        }
        const rows = events.map(() => "SELECT ? AS event_id, ? AS aggregate_id, ? AS version, ? AS type, ? AS data").join(" UNION ALL ");
        const values = events.flatMap((event, index) => [
            event.eventId,
            aggregateId,
            expectedVersion + index + 1,
            event.type,
            JSON.stringify(event.data),
        ]);
        let inserted: ResultSetHeader;
        try {
            // The event id is fixed before the first attempt, so repeating this INSERT after a lost connection
            // either appends once or finds the id already there: safe to retry.
            inserted = await this.db.query<ResultSetHeader>(
                `INSERT INTO events (event_id, ${columns}) ` +
                    `SELECT n.event_id, n.aggregate_id, n.version, n.type, n.data, UTC_TIMESTAMP(6) FROM outbox_gate g JOIN (${rows}) n ` +
                    // Ordered so that an order's events take increasing positions in version order.
                    "WHERE g.id = 1 ORDER BY n.version LOCK IN SHARE MODE",
                values,
                { retryOnFatal: true },
            );
        } catch (error) {
            if (!(error instanceof DatabaseQueryError && error.isDuplicateKey)) {
                throw error;
            }
            if ((await this.aggregateOf(first.eventId)) !== undefined) {
                return "replayed";
            }
            throw new ConcurrencyConflictError(aggregateId, expectedVersion, { cause: error });
        }
        if (inserted.affectedRows !== events.length) {
            // Only when the gate row is missing (migration 003 creates it): nothing was stored, and saying so beats a silent loss.
            throw new DatabaseQueryError(`Appended ${inserted.affectedRows} of ${events.length} events: is the outbox_gate row missing?`, { cause: inserted });
        }
        return "appended";
    }
}
