import { strict as assert } from "node:assert";
import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import type { Connection, ConnectionOptions } from "mysql2/promise";
import { Database } from "../../../app/src/db/connection";
import type { CredentialSource } from "../../../app/src/db/credentials";
import { DatabaseQueryError, DatabaseUnavailableError } from "../../../app/src/db/errors";
import { silentLogger } from "../support/silentLogger";

// The real driver against a real server is covered by the integration tests; these pin down the
// reconnect and credential-refresh rules with a scripted connection.
type Outcome = "ok" | Error;

class ScriptedConnection extends EventEmitter {
    destroyed = false;
    queries: string[] = [];
    constructor(private readonly outcomes: Outcome[]) {
        super();
    }
    async query(options: { sql: string }): Promise<[unknown, unknown]> {
        this.queries.push(options.sql);
        const outcome = this.outcomes.shift() ?? "ok";
        if (outcome instanceof Error) {
            throw outcome;
        }
        return [[{ ok: 1 }], []];
    }
    destroy(): void {
        this.destroyed = true;
    }
    async end(): Promise<void> {}
}

const fatal = () => Object.assign(new Error("Connection lost"), { fatal: true, code: "PROTOCOL_CONNECTION_LOST" });
const denied = () => Object.assign(new Error("Access denied"), { errno: 1045, code: "ER_ACCESS_DENIED_ERROR" });

// Generated per run: no credential, not even a fake one, lives in the repository.
const passwords = { cached: randomBytes(18).toString("base64url"), refreshed: randomBytes(18).toString("base64url") };

function setup(connectScript: Array<Outcome[] | Error>) {
    const logins: Array<string | undefined> = [];
    const connections: ScriptedConnection[] = [];
    const refreshes: boolean[] = [];
    const credentials: CredentialSource = {
        async get({ refresh }) {
            refreshes.push(refresh);
            return { username: "app", password: refresh ? passwords.refreshed : passwords.cached };
        },
    };
    const db = new Database({
        connection: { host: "db" },
        credentials,
        logger: silentLogger(),
        queryTimeoutMs: 1000,
        connect: async (options: ConnectionOptions) => {
            logins.push(options.password);
            const next = connectScript.shift() ?? [];
            if (next instanceof Error) {
                throw next;
            }
            const connection = new ScriptedConnection(next);
            connections.push(connection);
            return connection as unknown as Connection;
        },
    });
    return { db, logins, connections, refreshes };
}

describe("db: Database", () => {
    it("opens one connection lazily and reuses it", async () => {
        const { db, connections } = setup([[]]);
        assert.equal(db.connectionsOpened, 0);
        await db.query("SELECT 1", [], { retryOnFatal: true });
        await db.query("SELECT 2", [], { retryOnFatal: true });
        assert.equal(connections.length, 1);
        assert.equal(db.connectionsOpened, 1);
    });

    it("reconnects and retries once when a retryable statement hits a dead connection", async () => {
        const { db, connections } = setup([[fatal()], []]);
        await db.query("SELECT 1", [], { retryOnFatal: true });
        assert.equal(connections.length, 2);
        assert.equal(connections[0]?.destroyed, true);
        assert.deepEqual(connections[1]?.queries, ["SELECT 1"]);
    });

    it("opens one replacement when statements sharing a connection all find it dead", async () => {
        const { db, connections } = setup([[fatal(), fatal(), fatal()], []]);
        await Promise.all([1, 2, 3].map((n) => db.query(`SELECT ${n}`, [], { retryOnFatal: true })));
        assert.equal(connections.length, 2);
        assert.deepEqual([...(connections[1]?.queries ?? [])].sort(), ["SELECT 1", "SELECT 2", "SELECT 3"]);
        await db.query("SELECT 4", [], { retryOnFatal: true });
        assert.equal(connections.length, 2, "the replacement stays the connection in use");
    });

    it("gives up with DatabaseUnavailableError when the retry fails too", async () => {
        const { db } = setup([[fatal()], [fatal()]]);
        await assert.rejects(db.query("SELECT 1", [], { retryOnFatal: true }), DatabaseUnavailableError);
    });

    it("does not repeat a statement that is not safe to repeat", async () => {
        const { db, connections } = setup([[fatal()], []]);
        await assert.rejects(db.query("INSERT", [], { retryOnFatal: false }), DatabaseUnavailableError);
        assert.equal(connections.length, 1);
    });

    it("reports a failed statement on a live connection as a query error, without reconnecting", async () => {
        const { db, connections } = setup([[Object.assign(new Error("dup"), { errno: 1062 })]]);
        await assert.rejects(db.query("INSERT", [], { retryOnFatal: true }), DatabaseQueryError);
        assert.equal(connections[0]?.destroyed, false);
    });

    it("refreshes the credentials once when the login is refused", async () => {
        const { db, logins, refreshes } = setup([denied(), []]);
        await db.query("SELECT 1", [], { retryOnFatal: true });
        assert.deepEqual(logins, [passwords.cached, passwords.refreshed]);
        assert.deepEqual(refreshes, [false, true]);
    });

    it("reports 'unavailable' when the refreshed login is refused as well, and tries again on the next call", async () => {
        const { db, logins } = setup([denied(), denied(), []]);
        await assert.rejects(db.query("SELECT 1", [], { retryOnFatal: true }), DatabaseUnavailableError);
        await db.query("SELECT 1", [], { retryOnFatal: true });
        assert.equal(logins.length, 3);
    });

    it("forgets a connection that closes while idle, so the next call reconnects", async () => {
        const { db, connections } = setup([[], []]);
        await db.query("SELECT 1", [], { retryOnFatal: true });
        connections[0]?.emit("error", fatal());
        await new Promise((resolve) => setImmediate(resolve));
        await db.query("SELECT 1", [], { retryOnFatal: false });
        assert.equal(connections.length, 2);
    });
});
