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
 * Publishes entries in order. A request that partly fails (FailedEntryCount > 0) is retried with the failed entries
 * only, after a backoff; a request that fails as a whole (throttled beyond the SDK's own retries, endpoint down) is
 * retried the same way. Once an entry has failed every attempt, later requests are not sent: the checkpoint could not
 * pass that entry anyway, and the next run starts from it.
 */
export async function publishInOrder(putEvents: PutEvents, entries: readonly BusEntry[], options: PublishOptions): Promise<PublishOutcome> {
    const sleep = options.sleep ?? defaultSleep;
    const random = options.random ?? Math.random;
    const accepted = new Array<boolean>(entries.length).fill(false);
    let offset = 0;
    for (const chunk of chunkEntries(entries)) {
        let pending = chunk.map((_, index) => offset + index);
        let lastFailure: { index: number; code: string; message?: string } | undefined;
        for (let attempt = 1; attempt <= options.maxAttempts && pending.length > 0; attempt += 1) {
            if (attempt > 1) {
                await sleep(Math.floor(random() * options.baseDelayMs * 2 ** (attempt - 2)));
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
        offset += chunk.length;
        if (pending.length > 0) {
            return summarize(accepted, lastFailure);
        }
    }
    return summarize(accepted, undefined);
}

function summarize(accepted: readonly boolean[], failure: PublishOutcome["failure"]): PublishOutcome {
    const firstMissing = accepted.indexOf(false);
    const acceptedPrefix = firstMissing === -1 ? accepted.length : firstMissing;
    return { acceptedPrefix, accepted: accepted.filter(Boolean).length, ...(failure === undefined ? {} : { failure }) };
}
