import { strict as assert } from "node:assert";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { createConnection, type Connection, type RowDataPacket } from "mysql2/promise";
import { withEnvironment } from "../../app/dev/localEnvironment";
import { handler } from "../../app/src/migrate";
import { identifiedClause } from "../../app/src/migrator/appUser";
import { useLocalEnvironment } from "./support/localEnvironment";

// Every migration the app ships, in the order they apply.
const shipped = readdirSync(path.join(__dirname, "../../app/migrations"))
    .filter((name) => name.endsWith(".sql"))
    .sort();

describe("migrate (against MariaDB)", function () {
    this.timeout(30_000);
    const local = useLocalEnvironment();
    let admin: Connection;

    before(async () => {
        admin = await local.env().mariadb.connectAdmin();
    });
    after(async () => {
        await admin?.end();
    });

    async function appGrants(): Promise<string[]> {
        const [rows] = await admin.query<RowDataPacket[]>("SHOW GRANTS FOR 'app'@'%'");
        return rows.map((row) => String(Object.values(row)[0])).sort();
    }

    async function appConnection(): Promise<Connection> {
        const { mariadb, secrets, appSecretId } = local.env();
        const { username, password } = JSON.parse(secrets.current(appSecretId) ?? "{}") as { username: string; password: string };
        return createConnection({
            host: mariadb.host,
            port: mariadb.port,
            user: username,
            password,
            database: mariadb.database,
            ssl: { ca: readFileSync(mariadb.certificates.caFile, "utf8"), rejectUnauthorized: true, verifyIdentity: true },
        });
    }

    it("applied every migration on the first run and recorded it", async () => {
        assert.ok(shipped.length >= 4 && shipped.includes("003_create_outbox_relay.sql"));
        assert.deepEqual(local.env().migration.applied, shipped);
        const [rows] = await admin.query<RowDataPacket[]>("SELECT name FROM schema_migrations ORDER BY name");
        assert.deepEqual(rows.map((row) => row.name), shipped);
    });

    it("applies nothing the second time and returns no secret", async () => {
        const result = await local.env().migrate();
        assert.deepEqual(result, { applied: [], skipped: shipped.length, appUser: "app" });
    });

    it("is safe to run from two invocations at once", async () => {
        const results = await Promise.all([local.env().migrate(), local.env().migrate()]);
        assert.deepEqual(results.map((result) => result.applied), [[], []]);
    });

    it("applies a new migration once when two invocations race for it", async () => {
        const dir = mkdtempSync(path.join(tmpdir(), "migrations-"));
        try {
            writeFileSync(path.join(dir, "001_create_events.sql"), readFileSync(path.join(__dirname, "../../app/migrations/001_create_events.sql")));
            writeFileSync(path.join(dir, "002_create_scratch.sql"), "-- test only\nCREATE TABLE scratch (id INT PRIMARY KEY);\n");
            const env = { ...local.env().migrateEnv, MIGRATIONS_DIR: dir };
            const results = await withEnvironment(env, () => Promise.all([handler({}), handler({ trigger: "x" })]));
            assert.deepEqual(results.map((result) => result.applied).sort(), [[], ["002_create_scratch.sql"]]);
        } finally {
            rmSync(dir, { recursive: true, force: true });
            await admin.query("DROP TABLE IF EXISTS scratch");
            await admin.query("DELETE FROM schema_migrations WHERE name = '002_create_scratch.sql'");
        }
    });

    it("refuses to run when an applied migration was edited", async () => {
        const dir = mkdtempSync(path.join(tmpdir(), "migrations-"));
        try {
            writeFileSync(path.join(dir, "001_create_events.sql"), "CREATE TABLE IF NOT EXISTS events (id INT);\n");
            await assert.rejects(withEnvironment({ ...local.env().migrateEnv, MIGRATIONS_DIR: dir }, () => handler({})), /001_create_events\.sql was edited/);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it("grants the app user SELECT and INSERT on events, and nothing that could rewrite history", async () => {
        const [rows] = await admin.query<RowDataPacket[]>("SHOW GRANTS FOR 'app'@'%'");
        const grants = rows.map((row) => String(Object.values(row)[0])).join("\n");
        assert.match(grants, /GRANT SELECT, INSERT ON `orders`\.`events` TO `app`@`%`/);
        assert.doesNotMatch(grants, /DELETE|ALL PRIVILEGES|DROP|ALTER/);
        // UPDATE only where the relay and the projector keep their state, never on the history.
        const updatable = [...grants.matchAll(/GRANT [^\n]*UPDATE[^\n]* ON `orders`\.`(\w+)`/g)].map((match) => match[1]).sort();
        assert.deepEqual(updatable, ["order_summaries", "outbox_gate", "relay_checkpoints"]);
        const app = await appConnection();
        try {
            await assert.rejects(app.query("DELETE FROM events"), /command denied/);
            await assert.rejects(app.query("UPDATE events SET type = 'x'"), /command denied/);
        } finally {
            await app.end();
        }
    });

    it("keeps the outbox gate one row with id 1 whatever the app user tries", async () => {
        const app = await appConnection();
        try {
            await assert.rejects(app.query("UPDATE outbox_gate SET id = 2"), /constraint|CHECK/i);
            await assert.rejects(app.query("DELETE FROM outbox_gate"), /command denied/);
            await assert.rejects(app.query("INSERT INTO outbox_gate (id) VALUES (1)"), /command denied/);
            const [rows] = await app.query<RowDataPacket[]>("SELECT id FROM outbox_gate");
            assert.deepEqual(rows.map((row) => row.id), [1]);
        } finally {
            await app.end();
        }
    });

    it("grants SELECT and INSERT on order_snapshots: snapshots are added, never changed", async () => {
        const [rows] = await admin.query<RowDataPacket[]>("SHOW GRANTS FOR 'app'@'%'");
        const grants = rows.map((row) => String(Object.values(row)[0])).join("\n");
        assert.match(grants, /GRANT SELECT, INSERT ON `orders`\.`order_snapshots` TO `app`@`%`/);
        const app = await appConnection();
        try {
            await assert.rejects(app.query("DELETE FROM order_snapshots"), /command denied/);
            await assert.rejects(app.query("UPDATE order_snapshots SET version = 0"), /command denied/);
        } finally {
            await app.end();
        }
    });

    it("revokes privileges granted to the app user outside the migrations, keeping exactly SELECT and INSERT on events", async () => {
        const before = await appGrants();
        await admin.query("GRANT UPDATE, DELETE ON orders.events TO 'app'@'%'");
        await admin.query("GRANT SELECT ON orders.* TO 'app'@'%'");
        await admin.query("GRANT PROCESS ON *.* TO 'app'@'%' WITH GRANT OPTION");
        assert.notDeepEqual(await appGrants(), before);
        await local.env().migrate();
        assert.deepEqual(await appGrants(), before);
    });

    it("sets the app user's password from the app secret on every run", async () => {
        const env = local.env();
        // Generated per run, like every password in these tests.
        await admin.query("ALTER USER 'app'@'%' IDENTIFIED BY ?", [randomBytes(18).toString("base64url")]);
        await assert.rejects(appConnection(), /Access denied/, "the app secret's password no longer works");
        await env.migrate();
        const app = await appConnection();
        try {
            const [rows] = await app.query<RowDataPacket[]>("SELECT CURRENT_USER() AS user");
            assert.equal(rows[0]?.user, "app@%");
        } finally {
            await app.end();
        }
    });

    it("in IAM mode asks for RDS's IAM plugin: MariaDB parses the statement and refuses only the plugin it lacks", async () => {
        const clause = identifiedClause({ username: "app", iam: true });
        await assert.rejects(admin.query(`ALTER USER ?@'%' ${clause.sql}`, ["app", ...clause.values]), (error: { code?: string }) => {
            assert.notEqual(error.code, "ER_PARSE_ERROR");
            return true;
        });
        const [warnings] = await admin.query<RowDataPacket[]>("SHOW WARNINGS");
        assert.ok(warnings.some((w) => /Plugin 'AWSAuthenticationPlugin' is not loaded/.test(String(w.Message))), JSON.stringify(warnings));
    });

    it("in IAM mode fails the deploy on a server without the plugin and leaves the password login as it was", async () => {
        const env = local.env();
        const iamEnv = { ...env.migrateEnv, DB_APP_AUTH: "iam", DB_APP_USER: "app", DB_APP_SECRET_ARN: "" };
        await assert.rejects(withEnvironment(iamEnv, () => handler({})), { name: "AppUserError", message: "Could not set the login for the app user (ER_CANNOT_USER)" });
        const app = await appConnection();
        await app.end();
    });

    it("fails, without leaking the password, when the instance's CA is not trusted", async () => {
        const env = local.env();
        await assert.rejects(
            withEnvironment({ ...env.migrateEnv, DB_TLS_CA_FILE: env.mariadb.certificates.otherCaFile }, () => handler({})),
            (error: unknown) => {
                const text = String(error) + JSON.stringify(error);
                assert.match(text, /certificate|self.signed|verify/i, "refused because of the certificate");
                assert.equal(text.includes(env.mariadb.admin.password), false);
                return true;
            },
        );
    });
});
