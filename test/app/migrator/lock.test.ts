import { strict as assert } from "node:assert";
import type { Connection } from "mysql2/promise";
import { MigrationLockError, withNamedLock } from "../../../app/src/migrator/lock";

// The lock against a real server (two migrate runs racing) is covered in migrate.test.ts; this scripts the
// answers a server gives only in rare cases: a timeout, and a session lost while the lock was held.
function scriptedConnection(acquired: number | null, release: "ok" | Error = "ok") {
    const statements: string[] = [];
    const connection = {
        async query(sql: string) {
            statements.push(sql);
            if (sql.startsWith("SELECT GET_LOCK")) {
                return [[{ acquired }], []];
            }
            if (release instanceof Error) {
                throw release;
            }
            return [[{ released: 1 }], []];
        },
    };
    return { connection: connection as unknown as Connection, statements };
}

describe("migrator: withNamedLock", () => {
    it("runs the work between GET_LOCK and RELEASE_LOCK and returns its result", async () => {
        const { connection, statements } = scriptedConnection(1);
        assert.equal(await withNamedLock(connection, "migrations.orders", 60, async () => "done"), "done");
        assert.deepEqual(statements, ["SELECT GET_LOCK(?, ?) AS acquired", "SELECT RELEASE_LOCK(?)"]);
    });

    for (const acquired of [0, null]) {
        it(`refuses to run the work when GET_LOCK answers ${acquired}`, async () => {
            const { connection } = scriptedConnection(acquired);
            let ran = false;
            await assert.rejects(
                withNamedLock(connection, "migrations.orders", 60, async () => {
                    ran = true;
                }),
                MigrationLockError,
            );
            assert.equal(ran, false);
        });
    }

    it("reports the work's error, not the failed release, when the session was lost", async () => {
        const { connection } = scriptedConnection(1, Object.assign(new Error("Connection lost"), { fatal: true }));
        await assert.rejects(
            withNamedLock(connection, "migrations.orders", 60, async () => {
                throw new Error("001_create_events.sql: statement 1 failed");
            }),
            /001_create_events\.sql/,
        );
    });
});
