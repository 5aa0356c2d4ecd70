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
 * - pollMs 250: an event waits at most this long to be noticed, an eighth of the 2 s lag goal (issue 19), for about four
 *   cheap `SELECT MAX(seq)` a second while idle;
 * - maxInFlight 16: 16 requests of 10 entries at 30 ms each is at most about 5,300 events a second, half of the
 *   largest regions' PutEvents quota (10,000 a second, per account); measured, about 2,500-3,000 a second (`npm run
 *   bench`), since the SDK costs about 1.4 ms of CPU per request. Smaller regions (2,400 or fewer) throttle it, and the
 *   relay backs off; lower it there, or raise the quota;
 * - batchSize 1000: 100 requests per round, so the round's fixed cost (high-water mark, read, checkpoint, and the wait
 *   for its last request) is spread thin; 1000 order events are well under a megabyte in memory.
 */
export const RELAY_TUNING_DEFAULTS: RelayTuning = { pollMs: 250, maxInFlight: 16, batchSize: 1000 };
