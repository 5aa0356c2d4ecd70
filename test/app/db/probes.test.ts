import { strict as assert } from "node:assert";
import type { Queryable, QueryOptions } from "../../../app/src/db/connection";
import { databaseTime, pingDatabase } from "../../../app/src/db/probes";

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
});
