import { strict as assert } from "node:assert";
import type { Queryable, QueryOptions } from "../../../app/src/db/connection";
import { DatabaseUnavailableError } from "../../../app/src/db/errors";
import { ChainBrokenError, databaseTime, pingDatabase, waitForDatabase } from "../../../app/src/db/probes";

// The test MariaDB runs in UTC; these pin down the offsets of servers that do not, and what is sent.
function answering(rows: unknown[]) {
    const calls: Array<{ sql: string; values: readonly unknown[]; options: QueryOptions }> = [];
    const db: Queryable = {
        async query<R>(sql: string, values: readonly unknown[], options: QueryOptions): Promise<R> {
            calls.push({ sql, values, options });
            return rows as R;
        },
    };
    return { db, calls };
}

describe("db: probes", () => {
    describe("databaseTime", () => {
        const cases: Array<[number, string]> = [
            [0, "Z"],
            [120, "+02:00"],
            [-330, "-05:30"],
            [345, "+05:45"],
        ];
        for (const [offsetMinutes, suffix] of cases) {
            it(`writes NOW(6) as ISO-8601 with ${suffix} for a session ${offsetMinutes} minutes from UTC`, async () => {
                const { db } = answering([{ now: "2026-01-02 03:04:05.123456", offsetMinutes }]);
                assert.equal(await databaseTime(db), `2026-01-02T03:04:05.123456${suffix}`);
            });
        }

        it("reads the offset in the same statement, which may be retried, instead of setting time_zone", async () => {
            const { db, calls } = answering([{ now: "2026-01-02 03:04:05.123456", offsetMinutes: 0 }]);
            await databaseTime(db);
            assert.equal(calls.length, 1);
            assert.match(calls[0]?.sql ?? "", /^SELECT NOW\(6\)/);
            assert.doesNotMatch(calls[0]?.sql ?? "", /\bSET\b/i);
            assert.equal(calls[0]?.options.retryOnFatal, true);
        });

        it("fails when the database returns no row", async () => {
            await assert.rejects(databaseTime(answering([]).db), /no row/);
        });
    });

    it("pingDatabase sends one retryable trivial statement", async () => {
        const { db, calls } = answering([{ 1: 1 }]);
        await pingDatabase(db);
        assert.deepEqual(calls.map((call) => [call.sql, call.options.retryOnFatal]), [["SELECT 1", true]]);
    });

    describe("waitForDatabase", () => {
        /** A database that fails with `failures` in turn, then answers; and a clock that only the pauses move. */
        function flaky(failures: unknown[]) {
            let clock = 1_000_000;
            const pauses: number[] = [];
            let calls = 0;
            const db: Queryable = {
                async query<R>(): Promise<R> {
                    calls += 1;
                    const failure = failures.shift();
                    if (failure !== undefined) {
                        throw failure;
                    }
                    return [{ 1: 1 }] as R;
                },
            };
            const timing = {
                now: () => clock,
                sleep: async (ms: number) => {
                    pauses.push(ms);
                    clock += ms;
                },
            };
            return { db, timing, pauses, calls: () => calls, start: clock };
        }
        const refused = () => new DatabaseUnavailableError("Could not connect to the database", { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) });
        const borrowTimeout = () =>
            new DatabaseUnavailableError("Could not connect to the database", { cause: Object.assign(new Error("Timed-out waiting to acquire database connection"), { errno: 9501 }) });

        it("retries until the database answers, doubling the pause up to its cap", async () => {
            const { db, timing, pauses } = flaky([refused(), borrowTimeout(), borrowTimeout(), borrowTimeout(), borrowTimeout()]);
            const ready = await waitForDatabase(db, { mode: "iam", deadlineMs: timing.now() + 600_000, firstDelayMs: 1_000, maxDelayMs: 5_000, ...timing });
            assert.deepEqual(pauses, [1_000, 2_000, 4_000, 5_000, 5_000]);
            assert.deepEqual(ready, { attempts: 6, elapsedMs: 17_000 });
        });

        it("gives up before the deadline, naming the link of the last failure and how long it tried", async () => {
            const failures = Array.from({ length: 100 }, borrowTimeout);
            const { db, timing } = flaky(failures);
            const deadlineMs = timing.now() + 60_000;
            const error = await waitForDatabase(db, { mode: "iam", deadlineMs, firstDelayMs: 1_000, maxDelayMs: 10_000, ...timing }).catch((e: unknown) => e);
            assert.ok(error instanceof ChainBrokenError);
            assert.equal(error.diagnosis.link, "proxy-to-database");
            assert.ok(timing.now() < deadlineMs, "no attempt starts after the deadline");
            assert.match(error.message, /^Readiness check failed at link "proxy-to-database" \(errno 9501\), still failing after \d+ attempts over \d+ s: .*registering.*Last error: Timed-out waiting/);
            assert.ok(error.cause instanceof DatabaseUnavailableError, "keeps the last error as its cause");
        });

        it("does not wait on a failure that waiting cannot mend", async () => {
            const untrusted = new DatabaseUnavailableError("Could not connect", { cause: Object.assign(new Error("self-signed certificate in certificate chain"), { code: "HANDSHAKE_SSL_ERROR" }) });
            const { db, timing, pauses, calls } = flaky([untrusted]);
            const error = await waitForDatabase(db, { mode: "secret", deadlineMs: timing.now() + 600_000, ...timing }).catch((e: unknown) => e);
            assert.ok(error instanceof ChainBrokenError);
            assert.equal(error.diagnosis.link, "tls");
            assert.match(error.message, /not retried/);
            assert.deepEqual([calls(), pauses.length], [1, 0]);
        });

        it("asks whether the endpoint takes TCP after a connect timeout, and names the proxy when it does", async () => {
            const timedOut = () => new DatabaseUnavailableError("Could not connect", { cause: Object.assign(new Error("connect ETIMEDOUT"), { code: "ETIMEDOUT" }) });
            const { db, timing } = flaky([timedOut(), refused(), timedOut()]);
            const asked: number[] = [];
            const error = await waitForDatabase(db, {
                mode: "iam",
                deadlineMs: timing.now() + 5_000,
                firstDelayMs: 1_000,
                ...timing,
                endpointAcceptsTcp: async () => {
                    asked.push(timing.now());
                    return true;
                },
            }).catch((e: unknown) => e);
            assert.ok(error instanceof ChainBrokenError);
            assert.equal(error.diagnosis.link, "proxy-to-database");
            assert.equal(asked.length, 2, "asked after each timeout, not after the refused connection");
        });

        it("reports each retried failure with its link", async () => {
            const { db, timing } = flaky([refused()]);
            const seen: Array<[number, string, number]> = [];
            await waitForDatabase(db, { mode: "iam", deadlineMs: timing.now() + 60_000, ...timing, onRetry: (attempt, d, delay) => seen.push([attempt, d.link, delay]) });
            assert.deepEqual(seen, [[1, "network", 1_000]]);
        });
    });
});
