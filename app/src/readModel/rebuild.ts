import type { RowDataPacket } from "mysql2";
import type { Queryable } from "../db/connection";
import { CorruptStreamError } from "../orders/errors";
import { toStoredEvent, type PositionedEventRow } from "../orders/eventStore";
import type { Logger } from "../logger";
import { foldSummary, type PositionedEvent } from "./summary";
import { SummaryStore } from "./summaryStore";

export interface RebuildResult {
    /** Orders written to the read model. */
    readonly orders: number;
    /** Orders whose stream could not be folded (logged with their id); the relay parks such events too. */
    readonly skipped: number;
}

interface CreatedRow extends RowDataPacket {
    aggregate_id: string;
    seq: string | number;
}

/**
 * Rebuilds order_summaries from the event store: empties it, then folds every order, a page of orders at a time (by
 * the position of their OrderCreated), so memory stays bounded. Runs as the master user (the app user has no DELETE),
 * from `migrate` with `{"rebuildReadModel": true}`. The projector may keep running meanwhile: rows are written only
 * when newer than what is there, so a rebuild and live deliveries converge on the same table. Lists are incomplete
 * until the rebuild ends.
 */
export async function rebuildReadModel(db: Queryable, logger: Logger, pageSize = 500): Promise<RebuildResult> {
    const store = new SummaryStore(db);
    await db.query("DELETE FROM order_summaries", [], { retryOnFatal: false });
    let after = 0;
    let orders = 0;
    let skipped = 0;
    for (;;) {
        const created = await db.query<CreatedRow[]>(
            "SELECT aggregate_id, seq FROM events WHERE version = 1 AND seq > ? ORDER BY seq LIMIT ?",
            [after, pageSize],
            { retryOnFatal: true },
        );
        if (created.length === 0) {
            break;
        }
        after = Number(created[created.length - 1]?.seq);
        const rows = await db.query<PositionedEventRow[]>(
            "SELECT seq, aggregate_id, version, type, data, created_at FROM events WHERE aggregate_id IN (?) ORDER BY aggregate_id, version",
            [created.map((row) => row.aggregate_id)],
            { retryOnFatal: true },
        );
        const streams = new Map<string, PositionedEvent[]>();
        for (const row of rows) {
            const stream = streams.get(row.aggregate_id) ?? [];
            stream.push(toStoredEvent(row));
            streams.set(row.aggregate_id, stream);
        }
        for (const [orderId, stream] of streams) {
            try {
                const summary = foldSummary(undefined, stream);
                if (summary !== undefined) {
                    await store.upsertIfNewer(summary);
                    orders += 1;
                }
            } catch (error) {
                if (!(error instanceof CorruptStreamError)) {
                    throw error;
                }
                logger.error("Skipped an order whose events cannot be folded", { orderId, reason: error.message });
                skipped += 1;
            }
        }
    }
    return { orders, skipped };
}
