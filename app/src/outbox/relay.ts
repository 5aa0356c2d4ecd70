import { fromSqlDateTime } from "../db/dateTime";
import type { Logger } from "../logger";
import { orderEvent } from "../orders/events";
import { LeaseLostError, type RelayCheckpoint } from "./checkpoint";
import { entrySize, PUT_EVENTS_LIMITS, toBusEntry, type BusEntry } from "./contract";
import type { Outbox, OutboxRow } from "./outbox";
import { publishInOrder, type PublishOptions, type PutEvents } from "./publisher";

/** What a relay run counts; written as EMF metrics by the handler (EventsPublished, EventsParked, RelayBacklog). */
export interface RelayRunResult {
    readonly status: "caughtUp" | "outOfTime" | "publishFailed" | "leaseHeld" | "leaseLost";
    readonly published: number;
    readonly parked: number;
    /** The checkpoint when the run ended. */
    readonly position: number;
    /** Events after the checkpoint when the run ended (0 once caught up). */
    readonly backlog: number;
}

export interface RelayOptions {
    readonly outbox: Outbox;
    readonly checkpoint: RelayCheckpoint;
    readonly putEvents: PutEvents;
    readonly eventBusName: string;
    readonly logger: Logger;
    /** Rows read per round; each round is one high-water mark, one read, ceil(n / 10) PutEvents and one checkpoint. */
    readonly batchSize?: number;
    readonly publish?: Partial<PublishOptions>;
    /** Time left in the invocation (Lambda's context.getRemainingTimeInMillis()). */
    readonly remainingMs: () => number;
    /** No new round starts with less time left than this: a round must finish, checkpoint included, before the timeout. */
    readonly reserveMs?: number;
}

type Prepared = { readonly row: OutboxRow; readonly entry: BusEntry } | { readonly row: OutboxRow; readonly parkReason: string };

/** Turns a row into its bus entry, or says why it cannot be published. Pure. */
export function prepare(row: OutboxRow, eventBusName: string): Prepared {
    let data: unknown;
    try {
        data = typeof row.data === "string" ? JSON.parse(row.data) : row.data;
    } catch {
        return { row, parkReason: "data is not valid JSON" };
    }
    const parsed = orderEvent.safeParse({ type: row.type, data });
    if (!parsed.success) {
        return { row, parkReason: `not a valid ${row.type} event` };
    }
    if (!/^[0-9a-f-]{36}$/.test(row.orderId) || !Number.isInteger(row.version) || row.version < 1) {
        return { row, parkReason: "invalid order id or version" };
    }
    const entry = toBusEntry(
        row.type,
        {
            eventId: row.eventId,
            orderId: row.orderId,
            version: row.version,
            position: row.position,
            occurredAt: fromSqlDateTime(row.createdAt),
            data: parsed.data.data,
        },
        eventBusName,
    );
    if (entrySize(entry) > PUT_EVENTS_LIMITS.maxBytes) {
        return { row, parkReason: `entry of ${entrySize(entry)} bytes exceeds EventBridge's 256 KB` };
    }
    return { row, entry };
}

/**
 * One relay run: takes the lease, then publishes rounds of events after the checkpoint until it catches up with the
 * high-water mark, runs out of time, or an entry keeps failing. The checkpoint advances only past events the bus
 * accepted (or rows parked), in position order, so a crash anywhere repeats events (at least once) and never skips one.
 */
export async function runRelay(options: RelayOptions): Promise<RelayRunResult> {
    const batchSize = options.batchSize ?? 100;
    const reserveMs = options.reserveMs ?? 10_000;
    const publish: PublishOptions = { maxAttempts: 4, baseDelayMs: 200, ...options.publish };
    const { outbox, checkpoint, logger } = options;

    // The lease outlives the invocation by a margin, so no other run starts while this one can still write.
    const start = await checkpoint.acquire(options.remainingMs() + 5_000);
    if (start === undefined) {
        logger.info("Another relay run holds the lease; nothing to do");
        return { status: "leaseHeld", published: 0, parked: 0, position: -1, backlog: -1 };
    }
    let position: number = start;
    let published = 0;
    let parked = 0;
    let status: RelayRunResult["status"] = "outOfTime";
    try {
        while (options.remainingMs() > reserveMs) {
            const high = await outbox.highWaterMark();
            if (high <= position) {
                status = "caughtUp";
                break;
            }
            const rows = await outbox.read(position, high, batchSize);
            const prepared = rows.map((row) => prepare(row, options.eventBusName));
            const publishable = prepared.filter((item): item is Extract<Prepared, { entry: BusEntry }> => "entry" in item);
            const outcome = await publishInOrder(options.putEvents, publishable.map((item) => item.entry), publish);
            published += outcome.accepted;

            // The new checkpoint: every row up to the first entry the bus never accepted; parked rows count as done.
            let reached: number = position;
            let publishIndex = 0;
            let blocked = false;
            for (const item of prepared) {
                if ("parkReason" in item) {
                    await outbox.park(item.row.position, item.parkReason);
                    logger.error("Parked an event the relay cannot publish", { position: item.row.position, reason: item.parkReason });
                    parked += 1;
                } else {
                    if (publishIndex >= outcome.acceptedPrefix) {
                        blocked = true;
                        break;
                    }
                    publishIndex += 1;
                }
                reached = item.row.position;
            }
            // A short read saw every committed row up to the mark: positions after the last row are gaps (rolled back).
            if (!blocked && rows.length < batchSize) {
                reached = high;
            }
            if (reached > position) {
                await checkpoint.advance(reached);
                position = reached;
            }
            if (outcome.failure !== undefined) {
                logger.warn("PutEvents kept failing; the next run starts again from the checkpoint", {
                    position,
                    errorCode: outcome.failure.code,
                    errorMessage: outcome.failure.message,
                });
                status = "publishFailed";
                break;
            }
        }
    } catch (error) {
        if (!(error instanceof LeaseLostError)) {
            throw error;
        }
        logger.warn("The lease passed to another run; stopping", { position });
        return { status: "leaseLost", published, parked, position, backlog: -1 };
    } finally {
        await checkpoint.release().catch((error: unknown) => logger.warn("Could not release the relay lease", { error }));
    }
    const backlog = status === "caughtUp" ? 0 : await outbox.countAfter(position);
    return { status, published, parked, position, backlog };
}
