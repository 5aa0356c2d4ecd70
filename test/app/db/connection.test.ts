import { strict as assert } from "node:assert";
import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import { createConnection, type Connection, type ConnectionOptions } from "mysql2/promise";
import { loadApiConfig } from "../../../app/src/config";
import { Database } from "../../../app/src/db/connection";
import { baseConnectionOptions } from "../../../app/src/db/connectionOptions";
import type { CredentialSource } from "../../../app/src/db/credentials";
import { DatabaseQueryError, DatabaseUnavailableError } from "../../../app/src/db/errors";
import { StatementTimeoutError } from "../../../app/src/db/statementTimeout";
import { useLocalEnvironment } from "../support/localEnvironment";
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
    const counted: string[] = [];
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
        metrics: { reconnected: () => counted.push("reconnect"), credentialsRefreshed: () => counted.push("refresh") },
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
    return { db, logins, connections, refreshes, counted };
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

    it("counts reconnects, not the container's first connection, and a refresh per refused login", async () => {
        const { db, counted } = setup([["ok", fatal()], denied(), []]);
        await db.query("SELECT 1", [], { retryOnFatal: true });
        assert.deepEqual(counted, []);
        await db.query("SELECT 2", [], { retryOnFatal: true });
        assert.deepEqual(counted, ["refresh", "reconnect"]);
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

describe("db: Database statement timeout (against MariaDB)", function () {
    this.timeout(30_000);
    const local = useLocalEnvironment();
    const databases: Database[] = [];
    after(() => Promise.all(databases.map((db) => db.close())));

    // The real driver and server: the timeout lives on mysql2's socket, which a scripted connection does not have.
    function database(queryTimeoutMs: number): Database {
        const env = local.env();
        const login = JSON.parse(env.secrets.current(env.appSecretId) ?? "{}") as { username: string; password: string };
        const db = new Database({
            connection: baseConnectionOptions(loadApiConfig(env.apiEnv).db),
            credentials: { get: async () => login },
            connect: createConnection,
            logger: silentLogger(),
            queryTimeoutMs,
        });
        databases.push(db);
        return db;
    }

    it("fails a statement the server leaves unanswered, drops that connection, and reconnects for the next one", async () => {
        const db = database(300);
        const started = Date.now();
        await assert.rejects(db.query("SELECT SLEEP(5)", [], { retryOnFatal: false }), (error: unknown) => {
            assert.ok(error instanceof DatabaseUnavailableError, String(error));
            assert.ok(error.cause instanceof StatementTimeoutError, String(error.cause));
            return true;
        });
        assert.ok(Date.now() - started < 3000, `gave up after ${Date.now() - started} ms`);
        assert.deepEqual(await db.query("SELECT 1 AS one", [], { retryOnFatal: true }), [{ one: 1 }]);
        assert.equal(db.connectionsOpened, 2);
    });

    it("retries a repeatable statement once on a new connection, then gives up", async () => {
        const db = database(300);
        await assert.rejects(db.query("SELECT SLEEP(5)", [], { retryOnFatal: true }), /lost twice/);
        assert.equal(db.connectionsOpened, 2);
    });

    it("keeps a connection that is merely idle for longer than the timeout", async () => {
        const db = database(200);
        await db.query("SELECT 1", [], { retryOnFatal: true });
        await new Promise((resolve) => setTimeout(resolve, 500));
        await db.query("SELECT 2", [], { retryOnFatal: false });
        assert.equal(db.connectionsOpened, 1);
    });

    it("lets a statement that answers within the timeout finish, however many run", async () => {
        const db = database(1000);
        const results = await Promise.all(Array.from({ length: 20 }, (_, n) => db.query<Array<{ n: number }>>("SELECT ? AS n", [n], { retryOnFatal: true })));
        assert.deepEqual(results.map(([row]) => row?.n), Array.from({ length: 20 }, (_, n) => n));
        assert.equal(db.connectionsOpened, 1);
    });
});
