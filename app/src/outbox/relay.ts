import { fromSqlDateTime } from "../db/dateTime";
import type { Logger } from "../logger";
import { orderEvent } from "../orders/events";
import { LeaseLostError, type RelayCheckpoint } from "./checkpoint";
import { entrySize, PUT_EVENTS_LIMITS, toBusEntry, type BusEntry } from "./contract";
import type { Outbox, OutboxRow } from "./outbox";
import { publishInOrder, type PublishOptions, type PublishOutcome, type PutEvents } from "./publisher";
import { RELAY_TUNING_DEFAULTS } from "./tuning";

/** What a relay run counts; written as EMF metrics by the handler (EventsPublished, EventsParked, RelayBacklog, OldestUnpublishedAge). */
export interface RelayRunResult {
    readonly status: "caughtUp" | "handedOver" | "outOfTime" | "publishFailed" | "leaseHeld" | "leaseLost";
    readonly published: number;
    readonly parked: number;
    /** The checkpoint when the run ended. */
    readonly position: number;
    /** Events after the checkpoint when the run ended (0 once caught up). */
    readonly backlog: number;
    /**
     * The age of the oldest event the run found still unpublished, at worst over the run, in milliseconds: how late
     * events were, which is what an operator wants to know (0 when it never found one waiting).
     */
    readonly oldestUnpublishedAgeMs: number;
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
    /**
     * Set (as deployed): the run waits for a lease another run holds, and once caught up keeps looking for new events
     * every `pollMs` until a successor waits for the lease or its time runs out. Unset: it returns at once when the
     * lease is held, and as soon as it has caught up (tests, a one-off drain).
     */
    readonly pollMs?: number;
    /** The longest pause between rounds while the bus keeps refusing an entry (polling runs only). */
    readonly maxBackoffMs?: number;
    readonly sleep?: (ms: number) => Promise<void>;
    readonly now?: () => number;
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

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Takes the lease; a polling run that finds it held says it waits (`queue`) and tries again every `pollMs`. */
async function takeLease(options: RelayOptions, hasTime: () => boolean, sleep: (ms: number) => Promise<void>): Promise<number | undefined> {
    const { checkpoint, pollMs } = options;
    // The lease outlives the invocation by a margin, so no other run starts while this one can still write.
    const leaseMs = () => options.remainingMs() + 5_000;
    let start = await checkpoint.acquire(leaseMs());
    if (start !== undefined || pollMs === undefined) {
        return start;
    }
    await checkpoint.queue();
    while (start === undefined && hasTime()) {
        await sleep(pollMs);
        start = await checkpoint.acquire(leaseMs());
    }
    return start;
}

interface RoundResult {
    /** The new checkpoint: every row up to the first entry the bus never accepted, parked rows included. */
    readonly reached: number;
    readonly accepted: number;
    readonly parked: number;
    /** When the first row read was appended (epoch ms): the oldest unpublished event this round found. */
    readonly oldestCreatedAt?: number;
    readonly failure?: PublishOutcome["failure"];
}

/** One round: read up to `batchSize` rows after the checkpoint, publish them, park the rows that cannot be published. */
async function publishRound(
    options: RelayOptions,
    publish: PublishOptions,
    window: { readonly after: number; readonly high: number; readonly batchSize: number },
): Promise<RoundResult> {
    const { outbox, logger } = options;
    const rows = await outbox.read(window.after, window.high, window.batchSize);
    const prepared = rows.map((row) => prepare(row, options.eventBusName));
    const publishable = prepared.filter((item): item is Extract<Prepared, { entry: BusEntry }> => "entry" in item);
    const outcome = await publishInOrder(
        options.putEvents,
        publishable.map((item) => item.entry),
        publish,
        publishable.map((item) => item.row.orderId),
    );
    let reached = window.after;
    let parked = 0;
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
    if (!blocked && rows.length < window.batchSize) {
        reached = window.high;
    }
    return {
        reached,
        accepted: outcome.accepted,
        parked,
        ...(rows[0] === undefined ? {} : { oldestCreatedAt: Date.parse(fromSqlDateTime(rows[0].createdAt)) }),
        ...(outcome.failure === undefined ? {} : { failure: outcome.failure }),
    };
}

/**
 * One relay run: takes the lease, then publishes rounds of events after the checkpoint up to the high-water mark. The
 * checkpoint advances only past events the bus accepted (or rows parked), in position order, so a crash anywhere
 * repeats events (at least once) and never skips one.
 *
 * As deployed (`pollMs` set) a run is a long invocation: EventBridge Scheduler starts one a minute, the function's
 * timeout is longer than that, and each run keeps draining and polling while it holds the lease, so events are found
 * within `pollMs` of their commit instead of on the next minute. The next run waits for the lease (`queue`); the
 * holder sees it waiting at its next poll and hands over (releases), so there is one active relay at a time and no
 * gap beyond a poll. Without a successor the holder keeps going until only `reserveMs` is left. A bus that keeps
 * refusing an entry is tried again after a growing pause, from the checkpoint, for as long as the run lasts.
 */
export async function runRelay(options: RelayOptions): Promise<RelayRunResult> {
    const batchSize = options.batchSize ?? RELAY_TUNING_DEFAULTS.batchSize;
    const reserveMs = options.reserveMs ?? 10_000;
    const publish: PublishOptions = { maxAttempts: 4, baseDelayMs: 200, maxInFlight: RELAY_TUNING_DEFAULTS.maxInFlight, ...options.publish };
    const maxBackoffMs = options.maxBackoffMs ?? 5_000;
    const sleep = options.sleep ?? defaultSleep;
    const now = options.now ?? Date.now;
    const { outbox, checkpoint, logger, pollMs } = options;
    const hasTime = () => options.remainingMs() > reserveMs;
    // A pause never runs into the reserve.
    const pause = (ms: number) => sleep(Math.max(0, Math.min(ms, options.remainingMs() - reserveMs)));

    const start = await takeLease(options, hasTime, pause);
    if (start === undefined) {
        logger.info("Another relay run holds the lease; nothing to do");
        return { status: "leaseHeld", published: 0, parked: 0, position: -1, backlog: -1, oldestUnpublishedAgeMs: -1 };
    }
    let position: number = start;
    let published = 0;
    let parked = 0;
    let oldestAgeMs = 0;
    let caughtUp = false;
    let failures = 0;
    let handedOver = false;
    try {
        while (hasTime()) {
            if (pollMs !== undefined && (await checkpoint.successorWaiting())) {
                handedOver = true;
                break;
            }
            if (caughtUp) {
                await pause(pollMs ?? 0);
                if ((await outbox.latestCommitted()) <= position) {
                    continue;
                }
            }
            const high = await outbox.highWaterMark();
            if (high <= position) {
                caughtUp = true;
                if (pollMs === undefined) {
                    break;
                }
                continue;
            }
            caughtUp = false;
            const round = await publishRound(options, publish, { after: position, high, batchSize });
            published += round.accepted;
            parked += round.parked;
            if (round.oldestCreatedAt !== undefined) {
                oldestAgeMs = Math.max(oldestAgeMs, now() - round.oldestCreatedAt);
            }
            if (round.reached > position) {
                await checkpoint.advance(round.reached);
                position = round.reached;
            }
            if (round.failure === undefined) {
                failures = 0;
                continue;
            }
            failures += 1;
            logger.warn("PutEvents kept failing; trying again from the checkpoint", {
                position,
                errorCode: round.failure.code,
                errorMessage: round.failure.message,
            });
            if (pollMs === undefined) {
                break;
            }
            await pause(Math.min(maxBackoffMs, publish.baseDelayMs * 2 ** failures));
        }
    } catch (error) {
        if (!(error instanceof LeaseLostError)) {
            throw error;
        }
        logger.warn("The lease passed to another run; stopping", { position });
        return { status: "leaseLost", published, parked, position, backlog: -1, oldestUnpublishedAgeMs: oldestAgeMs };
    } finally {
        // Releasing is also the hand-over: the successor's next try takes the lease.
        await checkpoint.release().catch((error: unknown) => logger.warn("Could not release the relay lease", { error }));
    }
    const backlog = caughtUp && failures === 0 ? 0 : await outbox.countAfter(position);
    const status: RelayRunResult["status"] = failures > 0 ? "publishFailed" : handedOver ? "handedOver" : backlog === 0 ? "caughtUp" : "outOfTime";
    if (backlog > 0) {
        oldestAgeMs = Math.max(oldestAgeMs, await outbox.oldestAgeMsAfter(position));
    }
    return { status, published, parked, position, backlog, oldestUnpublishedAgeMs: Math.round(oldestAgeMs) };
}
