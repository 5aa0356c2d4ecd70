/**
 * How the relay paces itself; each can be set in the relay function's environment (docs/app.md "Environment"), which
 * app/src/config.ts reads with these defaults.
 */
export interface RelayTuning {
    /** RELAY_POLL_MS: once caught up, how long the relay waits before it looks for new events again. */
    readonly pollMs: number;
    /** RELAY_MAX_IN_FLIGHT: PutEvents requests in flight at once. */
    readonly maxInFlight: number;
    /** RELAY_BATCH_SIZE: rows read per round (one high-water mark, one read, one checkpoint). */
    readonly batchSize: number;
}

/**
 * - pollMs 250: an event waits at most this long to be noticed, a quarter of the 2 s lag goal (issue 19), for about four
 *   cheap `SELECT MAX(seq)` a second while idle;
 * - maxInFlight 10: 10 requests of 10 entries at 30 ms each is about 3,300 events a second, a third of the largest
 *   regions' PutEvents quota (10,000 a second) and above the 2,000 goal; smaller regions throttle, and the relay backs off;
 * - batchSize 500: 50 requests per round, so the round's fixed cost (high-water mark, read, checkpoint) is spread thin.
 */
export const RELAY_TUNING_DEFAULTS: RelayTuning = { pollMs: 250, maxInFlight: 10, batchSize: 500 };
