import type { Queryable } from "../db/connection";
import { DatabaseQueryError, driverErrorCode } from "../db/errors";
import type { Logger } from "../logger";
import { toRecordedEvent, type EventRow, type EventStore } from "./eventStore";
import type { ItemAdded, RecordedEvent } from "./events";
import type { OrderState, OrderStatus } from "./fold";

/**
 * The snapshot encoding and the fold rules it was made with. Any change to either takes a new number: rows of
 * another format are never read, and orders are folded from their events until new snapshots exist.
 */
// 2: the state carries its owner (object-level authorization); format-1 rows are never read again.
export const snapshotFormat = 2;

/**
 * Largest encoded state that is saved, in bytes as sent (after mysql2 escapes it). RDS Proxy pins a session on
 * any statement over 16 KB (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-proxy-pinning.html).
 * Items are stored as `["sku",2,9.99]` tuples, so this holds several hundred of them. A bigger order keeps its
 * last snapshot that fitted.
 */
export const maxSnapshotBytes = 12 * 1024;

/** An order as last snapshotted, and what happened since. */
export interface LatestState {
    /** The newest snapshot in this format, if any. */
    readonly snapshot: OrderState | undefined;
    /** The events after the snapshot (the whole stream without one), oldest first. */
    readonly events: RecordedEvent[];
}

interface Encoded {
    readonly owner: string;
    readonly customerId: string;
    readonly status: OrderStatus;
    readonly total: number;
    readonly items: ReadonlyArray<readonly [sku: string, quantity: number, unitPrice: number]>;
}

const statuses: ReadonlySet<unknown> = new Set<OrderStatus>(["open", "confirmed", "cancelled"]);

function encode(state: OrderState): string {
    const encoded: Encoded = {
        owner: state.owner,
        customerId: state.customerId,
        status: state.status,
        total: state.total,
        items: state.items.map((item) => [item.sku, item.quantity, item.unitPrice] as const),
    };
    return JSON.stringify(encoded);
}

/** The state a snapshot row holds, or undefined when it is not one this code wrote (never expected). */
function decode(orderId: string, version: number, data: unknown): OrderState | undefined {
    let value: unknown = data;
    if (typeof data === "string") {
        try {
            value = JSON.parse(data);
        } catch {
            return undefined;
        }
    }
    const { owner, customerId, status, total, items } = (value ?? {}) as Partial<Record<keyof Encoded, unknown>>;
    if (typeof owner !== "string" || typeof customerId !== "string" || !statuses.has(status) || typeof total !== "number" || !Array.isArray(items)) {
        return undefined;
    }
    const decoded: ItemAdded[] = [];
    for (const item of items as unknown[]) {
        if (!Array.isArray(item) || typeof item[0] !== "string" || !Number.isInteger(item[1]) || typeof item[2] !== "number") {
            return undefined;
        }
        decoded.push({ sku: item[0], quantity: item[1] as number, unitPrice: item[2] });
    }
    return { id: orderId, owner, customerId, status: status as OrderStatus, items: decoded, total, version };
}

// Bytes mysql2 sends for a string value: it backslash-escapes \0 \b \t \n \r \x1a " ' and \ (sql-escaper's escapeChars).
function sentBytes(text: string): number {
    let escaped = 0;
    for (let index = 0; index < text.length; index += 1) {
        const code = text.charCodeAt(index);
        if (code === 0 || code === 8 || code === 9 || code === 10 || code === 13 || code === 26 || code === 34 || code === 39 || code === 92) {
            escaped += 1;
        }
    }
    return Buffer.byteLength(text, "utf8") + escaped;
}

/** See `SnapshotStoreOptions.every`. */
export const defaultSnapshotEvery = 10;

export interface SnapshotStoreOptions {
    /**
     * A read or command that folded this many events after the latest snapshot saves a new one, so reads
     * normally fold fewer. Lower means shorter reads and more rows; `npm run bench` times reads at 100 events.
     */
    readonly every?: number;
}

/** A row of the read below: an event, and the snapshot taken at its version if there is one. */
interface EventWithSnapshotRow extends EventRow {
    snapshot: unknown;
}

// The newest events first, each with the snapshot taken at its version: one statement, so one consistent read,
// and no subquery, union or derived table, which cost MariaDB more than the rows (measured). Snapshots are
// saved before `every` events pile up after the last one, so the newest is among the last `every` events.
const latestSql = `SELECT e.aggregate_id, e.version, e.type, e.data, e.created_at, s.state AS snapshot
FROM events e LEFT JOIN order_snapshots s ON s.aggregate_id = e.aggregate_id AND s.state_format = ? AND s.version = e.version
WHERE e.aggregate_id = ? ORDER BY e.version DESC LIMIT ?`;

/**
 * Snapshots of order state in `order_snapshots` (see `app/migrations/002_create_order_snapshots.sql`): a cache
 * that bounds how many events a read folds. Rows are only inserted; a row for version v is only ever the fold
 * of events 1..v, which never change, so a snapshot cannot go stale and concurrent writers cannot corrupt one.
 */
export class SnapshotStore {
    private readonly every: number;

    constructor(
        private readonly db: Queryable,
        private readonly events: EventStore,
        private readonly logger: Logger,
        options: SnapshotStoreOptions = {},
    ) {
        this.every = options.every ?? defaultSnapshotEvery;
    }

    /** The newest snapshot of an order and the events after it; usually one statement. */
    async latest(orderId: string): Promise<LatestState> {
        const window = this.every;
        const rows = await this.db.query<EventWithSnapshotRow[]>(latestSql, [snapshotFormat, orderId, window], { retryOnFatal: true });
        const at = rows.findIndex((row) => row.snapshot !== null);
        if (at === -1) {
            if (rows.length < window) {
                return { snapshot: undefined, events: rows.reverse().map(toRecordedEvent) };
            }
            // A long stream with no snapshot in reach: written before snapshots existed, a save that failed, or a
            // state too large to save. The whole stream it is; the read then saves a snapshot if it can.
            return { snapshot: undefined, events: await this.events.load(orderId) };
        }
        const found = rows[at] as EventWithSnapshotRow;
        const snapshot = decode(orderId, Number(found.version), found.snapshot);
        if (snapshot === undefined) {
            // Only a hand-edited row or a format change without a new number gets here; the events still tell the truth.
            this.logger.warn("Ignoring an unreadable order snapshot", { orderId, version: Number(found.version) });
            return { snapshot: undefined, events: await this.events.load(orderId) };
        }
        return { snapshot, events: rows.slice(0, at).reverse().map(toRecordedEvent) };
    }

    /**
     * Saves `state` if `folded` events were folded to get it since the latest snapshot (see `every`). Callers
     * pass a state read in one statement or one they appended under the version's unique key: either way the
     * fold of exactly events 1..version, so any reader or writer, concurrent or not, saves a true snapshot.
     */
    async saveIfDue(state: OrderState, folded: number): Promise<void> {
        if (folded >= this.every) {
            await this.save(state);
        }
    }

    /**
     * Saves `state`, the fold of the order's events up to `state.version`. Best effort: a snapshot that cannot
     * be written only means that later reads fold more events, so failures are logged, never thrown (the
     * command that led here has already succeeded). Returns whether a row was written.
     */
    async save(state: OrderState): Promise<boolean> {
        const encoded = encode(state);
        if (sentBytes(encoded) > maxSnapshotBytes) {
            return false;
        }
        try {
            // Repeating it after a lost connection is safe: the same row again is a duplicate key, ignored below.
            await this.db.query(
                "INSERT INTO order_snapshots (aggregate_id, state_format, version, state, created_at) VALUES (?, ?, ?, ?, UTC_TIMESTAMP(6))",
                [state.id, snapshotFormat, state.version, encoded],
                { retryOnFatal: true },
            );
            return true;
        } catch (error) {
            if (!(error instanceof DatabaseQueryError && error.isDuplicateKey)) {
                // The driver's error carries the statement and its values; only its code is logged.
                this.logger.warn("Could not save an order snapshot", {
                    orderId: state.id,
                    version: state.version,
                    error: error instanceof Error ? error.name : "unknown",
                    code: driverErrorCode(error instanceof Error ? error.cause : undefined),
                });
            }
            return false;
        }
    }
}
