import { entrySize, PUT_EVENTS_LIMITS, type BusEntry } from "./contract";

/** What PutEvents answers, per entry in request order: an EventId when accepted, an ErrorCode when not. */
export interface PutEventsResult {
    readonly FailedEntryCount?: number;
    readonly Entries?: readonly { readonly EventId?: string; readonly ErrorCode?: string; readonly ErrorMessage?: string }[];
}

/** The one call the relay makes; the EventBridge client in Lambda, a stub in tests and `npm run dev`. */
export type PutEvents = (entries: readonly BusEntry[]) => Promise<PutEventsResult>;

export interface PublishOptions {
    /** Attempts per request, the first included; only the entries that failed are sent again. */
    readonly maxAttempts: number;
    /** Backoff before attempt n+1: base × 2^(n-1), with full jitter. */
    readonly baseDelayMs: number;
    /** PutEvents requests in flight at once (1: one after the other). */
    readonly maxInFlight?: number;
    readonly sleep?: (ms: number) => Promise<void>;
    readonly random?: () => number;
}

export interface PublishOutcome {
    /** How many of the entries, from the first, were accepted without a gap: the checkpoint may pass exactly these. */
    readonly acceptedPrefix: number;
    readonly accepted: number;
    /** Why the first entry that was never accepted failed, when one was not. */
    readonly failure?: { readonly index: number; readonly code: string; readonly message?: string };
}

/**
 * The codes EventBridge answers when the account's PutEvents quota is used up, for a whole request or per entry
 * (https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEventsResultEntry.html: retryable).
 */
const THROTTLED = new Set(["ThrottlingException"]);

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Splits entries into PutEvents requests: at most 10 entries and under 256 KB each, in order.
 * An entry alone over the limit never fits; the relay parks such events before they get here.
 */
export function chunkEntries<T extends Pick<BusEntry, "Source" | "DetailType" | "Detail">>(entries: readonly T[]): T[][] {
    const chunks: T[][] = [];
    let current: T[] = [];
    let bytes = 0;
    for (const entry of entries) {
        const size = entrySize(entry);
        if (current.length > 0 && (current.length === PUT_EVENTS_LIMITS.maxEntries || bytes + size > PUT_EVENTS_LIMITS.maxBytes)) {
            chunks.push(current);
            current = [];
            bytes = 0;
        }
        current.push(entry);
        bytes += size;
    }
    if (current.length > 0) {
        chunks.push(current);
    }
    return chunks;
}

/**
 * Publishes entries with up to `maxInFlight` PutEvents requests at once, cut by `chunkEntries` and sent in position
 * order. A request that partly fails (FailedEntryCount > 0) is retried with the failed entries only, after a backoff;
 * a request that fails as a whole (throttled beyond the SDK's own retries, endpoint down) is retried the same way.
 * A throttled answer holds back every request of the batch for that backoff, not only its own retry, so the relay
 * slows down as a whole against the account's quota. Once an entry has failed every attempt, no further request is
 * sent: the checkpoint could not pass that entry anyway, and the next round starts from it; the requests already in
 * flight finish.
 *
 * With `orderIds` (one per entry), a request that carries an event of an order is sent only once the requests
 * carrying that order's earlier events have been answered (and their retries with them): the bus never has two
 * requests of one order in flight at once, so each order's events reach it in position order, except within one
 * request, whose entries EventBridge takes in no promised order, and across a give-up (the next round sends again).
 *
 * Hand-written rather than p-limit or p-map: the window must also wait per order, share one throttling pause and stop
 * sending at the first give-up, which neither offers.
 */
export async function publishInOrder(
    putEvents: PutEvents,
    entries: readonly BusEntry[],
    options: PublishOptions,
    orderIds?: readonly string[],
): Promise<PublishOutcome> {
    const sleep = options.sleep ?? defaultSleep;
    const random = options.random ?? Math.random;
    const maxInFlight = Math.max(1, options.maxInFlight ?? 1);
    const accepted = new Array<boolean>(entries.length).fill(false);
    let failure: PublishOutcome["failure"];
    let throttled: Promise<void> | undefined;

    const backOff = async (attempt: number, wasThrottled: boolean) => {
        const delay = Math.floor(random() * options.baseDelayMs * 2 ** (attempt - 2));
        if (!wasThrottled) {
            await sleep(delay);
            return;
        }
        // One pause for everyone: the requests about to go wait for it too (see `send`).
        throttled ??= sleep(delay).finally(() => (throttled = undefined));
        await throttled;
    };

    const send = async (indexes: readonly number[]): Promise<void> => {
        let pending: number[] = [...indexes];
        let lastFailure: { index: number; code: string; message?: string } | undefined;
        for (let attempt = 1; attempt <= options.maxAttempts && pending.length > 0; attempt += 1) {
            if (attempt > 1) {
                await backOff(attempt, lastFailure !== undefined && THROTTLED.has(lastFailure.code));
            } else if (throttled !== undefined) {
                await throttled;
            }
            const sending = pending;
            let result: PutEventsResult;
            try {
                result = await putEvents(sending.map((index) => entries[index] as BusEntry));
            } catch (error) {
                const code = (error as { name?: string }).name ?? "Error";
                lastFailure = { index: sending[0] as number, code, message: error instanceof Error ? error.message : String(error) };
                continue;
            }
            const answers = result.Entries ?? [];
            pending = [];
            sending.forEach((index, position) => {
                const answer = answers[position];
                // An entry without an answer is not known to be accepted: it is sent again (at least once, never lost).
                if (answer?.EventId !== undefined && answer.ErrorCode === undefined) {
                    accepted[index] = true;
                } else {
                    pending.push(index);
                }
            });
            if (pending.length > 0) {
                const first = pending[0] as number;
                const answer = answers[sending.indexOf(first)];
                lastFailure = { index: first, code: answer?.ErrorCode ?? "NoAnswer", ...(answer?.ErrorMessage ? { message: answer.ErrorMessage } : {}) };
            }
        }
        if (pending.length > 0 && lastFailure !== undefined && (failure === undefined || lastFailure.index < failure.index)) {
            failure = lastFailure;
        }
    };

    const inFlight = new Set<Promise<void>>();
    const lastRequestOf = new Map<string, Promise<void>>();
    let offset = 0;
    for (const chunk of chunkEntries(entries)) {
        const indexes = chunk.map((_, n) => offset + n);
        offset += chunk.length;
        while (inFlight.size >= maxInFlight && failure === undefined) {
            await Promise.race(inFlight);
        }
        if (failure !== undefined) {
            break;
        }
        const keys = orderIds === undefined ? [] : [...new Set(indexes.map((index) => orderIds[index] as string))];
        const earlier = [...new Set(keys.map((key) => lastRequestOf.get(key)).filter((p): p is Promise<void> => p !== undefined))];
        const request = (async () => {
            await Promise.all(earlier);
            if (failure === undefined) {
                await send(indexes);
            }
        })();
        for (const key of keys) {
            lastRequestOf.set(key, request);
        }
        inFlight.add(request);
        void request.finally(() => inFlight.delete(request));
    }
    await Promise.all(inFlight);
    return summarize(accepted, failure);
}
function summarize(accepted: readonly boolean[], failure: PublishOutcome["failure"]): PublishOutcome {
    const firstMissing = accepted.indexOf(false);
    const acceptedPrefix = firstMissing === -1 ? accepted.length : firstMissing;
    return { acceptedPrefix, accepted: accepted.filter(Boolean).length, ...(failure === undefined ? {} : { failure }) };
}
