import { strict as assert } from "node:assert";
import { randomBytes, randomUUID } from "node:crypto";
import { connect as netConnect } from "node:net";
import { readFileSync } from "node:fs";
import { createConnection, type Connection, type RowDataPacket } from "mysql2/promise";
import { loadApiConfig } from "../../app/src/config";
import { createApiContainer, type ApiContainer } from "../../app/src/container";
import { handler, resetContainer } from "../../app/src/handler";
import { withEnvironment } from "../../app/dev/localEnvironment";
import { apiEvent, lambdaContext } from "./support/apiEvents";
import { invoke, type Reply } from "./support/invoke";
import { CapturingLogger } from "./support/capturingLogger";
import { useLocalEnvironment } from "./support/localEnvironment";

const item = { sku: "sku-1", quantity: 2, unitPrice: 9.99 };

function assertErrorBody(reply: Reply, status: number, code: string): void {
    assert.equal(reply.status, status, reply.text);
    assert.deepEqual(Object.keys(reply.body).slice(0, 3).sort(), ["error", "message", "requestId"]);
    assert.equal(reply.body.error, code);
    assert.equal(typeof reply.body.requestId, "string");
}

async function statusCounters(admin: Connection): Promise<Record<string, number>> {
    const [rows] = await admin.query<RowDataPacket[]>(
        "SHOW GLOBAL STATUS WHERE Variable_name IN ('Com_stmt_prepare', 'Com_stmt_execute', 'Com_set_option', 'Connections')",
    );
    return Object.fromEntries(rows.map((row) => [String(row.Variable_name), Number(row.Value)]));
}

async function killAppConnections(admin: Connection): Promise<number> {
    const [rows] = await admin.query<RowDataPacket[]>("SELECT ID FROM information_schema.PROCESSLIST WHERE USER = 'app'");
    for (const row of rows) {
        await admin.query("KILL ?", [row.ID]);
    }
    return rows.length;
}

describe("handler (against MariaDB)", function () {
    this.timeout(30_000);
    const local = useLocalEnvironment();
    let api: ApiContainer;
    let admin: Connection;

    before(async () => {
        api = local.container();
        admin = await local.env().mariadb.connectAdmin();
    });
    after(async () => {
        await admin?.end();
    });

    async function createOrder(customerId = "c-1"): Promise<Reply> {
        const reply = await invoke(api, "POST", "/orders", { body: { customerId } });
        assert.equal(reply.status, 201, reply.text);
        return reply;
    }

    describe("the exported handler", () => {
        after(() => resetContainer());

        it("serves GET /time from the environment it reads once, with NOW(6) as ISO-8601", async () => {
            const result = await withEnvironment(local.env().apiEnv, () => handler(apiEvent("GET", "/time"), lambdaContext() as never));
            assert.equal(result.statusCode, 200);
            assert.match(JSON.parse(String(result.body)).now, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
        });

        it("answers 500 with the error body when the environment is invalid", async () => {
            await resetContainer();
            const result = await withEnvironment({ ...local.env().apiEnv, DB_PORT: "not-a-port" }, () => handler(apiEvent("GET", "/time"), lambdaContext() as never));
            assert.equal(result.statusCode, 500);
            assert.equal(JSON.parse(String(result.body)).error, "internal_error");
            assert.doesNotMatch(String(result.body), /DB_PORT/);
        });
    });

    describe("routes", () => {
        it("GET /ready answers 200 when the database answers", async () => {
            const reply = await invoke(api, "GET", "/ready");
            assert.equal(reply.status, 200);
            assert.deepEqual(reply.body, { status: "ok", database: "ok" });
        });

        it("GET /health (public) answers 200 without touching the database", async () => {
            const before = await statusCounters(admin);
            const container = local.container();
            const reply = await invoke(container, "GET", "/health");
            assert.equal(reply.status, 200);
            assert.deepEqual(reply.body, { status: "ok" });
            assert.equal(container.db.connectionsOpened, 0, "no connection opened for an anonymous probe");
            assert.equal((await statusCounters(admin)).Connections, before.Connections, "the server saw no new connection");
        });

        it("POST /orders answers 201 with Location, ETag and the new order", async () => {
            const reply = await createOrder("c-42");
            assert.equal(reply.headers.location, `/orders/${reply.body.id}`);
            assert.equal(reply.headers.etag, '"1"');
            assert.deepEqual({ ...reply.body, id: undefined }, { id: undefined, customerId: "c-42", status: "open", items: [], total: 0, version: 1 });
        });

        it("POST /orders with the same Idempotency-Key and body returns the same order and appends nothing", async () => {
            const key = randomUUID();
            const first = await invoke(api, "POST", "/orders", { body: { customerId: "c-7" }, headers: { "Idempotency-Key": key } });
            const second = await invoke(api, "POST", "/orders", { body: { customerId: "c-7" }, headers: { "Idempotency-Key": key } });
            assert.equal(first.status, 201);
            assert.equal(second.status, 201);
            assert.equal(second.body.id, first.body.id);
            assert.equal(first.headers["idempotent-replayed"], undefined);
            assert.equal(second.headers["idempotent-replayed"], "true");
            const events = await invoke(api, "GET", `/orders/${first.body.id}/events`);
            assert.equal(events.body.length, 1);
        });

        it("POST /orders with a reused Idempotency-Key and another body answers 422", async () => {
            const key = randomUUID();
            await invoke(api, "POST", "/orders", { body: { customerId: "c-8" }, headers: { "Idempotency-Key": key } });
            assertErrorBody(await invoke(api, "POST", "/orders", { body: { customerId: "c-9" }, headers: { "Idempotency-Key": key } }), 422, "idempotency_key_reused");
        });

        describe("Idempotency-Key per caller", () => {
            const alice = "arn:aws:sts::123456789012:assumed-role/orders-client/alice";
            const bob = "arn:aws:iam::123456789012:user/bob";

            it("creates two orders for the same key and body from two callers", async () => {
                const spec = { body: { customerId: "c-shared" }, headers: { "Idempotency-Key": randomUUID() } };
                const fromAlice = await invoke(api, "POST", "/orders", { ...spec, caller: alice });
                const fromBob = await invoke(api, "POST", "/orders", { ...spec, caller: bob });
                const fromToken = await invoke(api, "POST", "/orders", { ...spec, caller: "user-1" });
                const anonymous = await invoke(api, "POST", "/orders", spec);
                assert.deepEqual([fromAlice, fromBob, fromToken, anonymous].map((reply) => reply.status), [201, 201, 201, 201]);
                assert.equal(new Set([fromAlice, fromBob, fromToken, anonymous].map((reply) => reply.body.id)).size, 4);
                assert.deepEqual([fromBob, fromToken, anonymous].map((reply) => reply.headers["idempotent-replayed"]), [undefined, undefined, undefined]);
            });

            it("replays for the caller who sent the key first, whoever else used it since", async () => {
                const spec = { body: { customerId: "c-replay" }, headers: { "Idempotency-Key": randomUUID() } };
                const first = await invoke(api, "POST", "/orders", { ...spec, caller: alice });
                await invoke(api, "POST", "/orders", { ...spec, caller: bob });
                const again = await invoke(api, "POST", "/orders", { ...spec, caller: alice });
                assert.equal(again.status, 201);
                assert.equal(again.body.id, first.body.id);
                assert.equal(again.headers["idempotent-replayed"], "true");
            });

            it("answers 422 only to the caller who used the key with another body", async () => {
                const key = randomUUID();
                await invoke(api, "POST", "/orders", { body: { customerId: "c-a" }, headers: { "Idempotency-Key": key }, caller: alice });
                assertErrorBody(await invoke(api, "POST", "/orders", { body: { customerId: "c-b" }, headers: { "Idempotency-Key": key }, caller: alice }), 422, "idempotency_key_reused");
                assert.equal((await invoke(api, "POST", "/orders", { body: { customerId: "c-b" }, headers: { "Idempotency-Key": key }, caller: bob })).status, 201);
            });

            it("does not let a client pick its scope with the dev server's header", async () => {
                const key = randomUUID();
                const first = await invoke(api, "POST", "/orders", { body: { customerId: "c-h" }, headers: { "Idempotency-Key": key }, caller: alice });
                const spoofed = await invoke(api, "POST", "/orders", { body: { customerId: "c-h" }, headers: { "Idempotency-Key": key, "X-Dev-Caller": alice } });
                assert.notEqual(spoofed.body.id, first.body.id);
            });

            it("answers 403 caller_not_identified for a token without sub, and creates nothing", async () => {
                const event = apiEvent("POST", "/orders", { body: { customerId: "c-nosub" } });
                const withoutSub = { ...event, requestContext: { ...event.requestContext, authorizer: { jwt: { claims: { iss: "https://idp.example.com/" }, scopes: null } } } };
                const result = await api.handle(withoutSub as typeof event, lambdaContext());
                assert.equal(result.statusCode, 403);
                assert.equal(JSON.parse(String(result.body)).error, "caller_not_identified");
                const [[counted]] = await admin.query<RowDataPacket[]>(
                    "SELECT COUNT(*) AS events FROM events WHERE JSON_UNQUOTE(JSON_EXTRACT(data, '$.customerId')) = 'c-nosub'",
                );
                assert.equal(Number(counted?.events), 0);
            });
        });

        it("GET /orders/{id} answers 200 with the state and its ETag", async () => {
            const created = await createOrder();
            const reply = await invoke(api, "GET", `/orders/${created.body.id}`);
            assert.equal(reply.status, 200);
            assert.equal(reply.headers.etag, '"1"');
            assert.deepEqual(reply.body, created.body);
        });

        it("GET /orders/{id} answers 404 for an unknown order, and for an id that is not a UUID", async () => {
            assertErrorBody(await invoke(api, "GET", `/orders/${randomUUID()}`), 404, "not_found");
            assertErrorBody(await invoke(api, "GET", "/orders/42"), 404, "not_found");
        });

        it("POST /orders/{id}/items answers 200 with the new state", async () => {
            const created = await createOrder();
            const reply = await invoke(api, "POST", `/orders/${created.body.id}/items`, { body: item });
            assert.equal(reply.status, 200, reply.text);
            assert.deepEqual(reply.body.items, [item]);
            assert.equal(reply.body.total, 19.98);
            assert.equal(reply.body.version, 2);
            assert.equal(reply.headers.etag, '"2"');
        });

        it("POST /orders/{id}/items on an unknown order answers 404", async () => {
            assertErrorBody(await invoke(api, "POST", `/orders/${randomUUID()}/items`, { body: item }), 404, "not_found");
        });

        it("accepts a matching If-Match and answers 412 with the current version for a stale one", async () => {
            const { body } = await createOrder();
            const ok = await invoke(api, "POST", `/orders/${body.id}/items`, { body: item, headers: { "If-Match": '"1"' } });
            assert.equal(ok.status, 200);
            const stale = await invoke(api, "POST", `/orders/${body.id}/items`, { body: item, headers: { "If-Match": '"1"' } });
            assertErrorBody(stale, 412, "precondition_failed");
            assert.equal(stale.body.currentVersion, 2);
            assert.equal(stale.headers.etag, '"2"');
        });

        it("confirms an order with items, then refuses more items with 409 invalid_transition", async () => {
            const { body } = await createOrder();
            await invoke(api, "POST", `/orders/${body.id}/items`, { body: item });
            const confirmed = await invoke(api, "POST", `/orders/${body.id}/confirm`);
            assert.equal(confirmed.status, 200);
            assert.equal(confirmed.body.status, "confirmed");
            assertErrorBody(await invoke(api, "POST", `/orders/${body.id}/items`, { body: item }), 409, "invalid_transition");
            assertErrorBody(await invoke(api, "POST", `/orders/${body.id}/confirm`), 409, "invalid_transition");
        });

        it("refuses to confirm an empty order with 409 invalid_transition", async () => {
            const { body } = await createOrder();
            assertErrorBody(await invoke(api, "POST", `/orders/${body.id}/confirm`), 409, "invalid_transition");
        });

        it("cancels an order, after which every command answers 409 invalid_transition", async () => {
            const { body } = await createOrder();
            const cancelled = await invoke(api, "POST", `/orders/${body.id}/cancel`, { body: {} });
            assert.equal(cancelled.status, 200);
            assert.equal(cancelled.body.status, "cancelled");
            for (const [path, spec] of [["items", { body: item }], ["confirm", {}], ["cancel", {}]] as const) {
                assertErrorBody(await invoke(api, "POST", `/orders/${body.id}/${path}`, spec), 409, "invalid_transition");
            }
        });

        it("GET /orders/{id}/events answers the stream, oldest first", async () => {
            const { body } = await createOrder("c-events");
            await invoke(api, "POST", `/orders/${body.id}/items`, { body: item });
            const reply = await invoke(api, "GET", `/orders/${body.id}/events`);
            assert.equal(reply.status, 200);
            assert.deepEqual(
                reply.body.map((event: Record<string, unknown>) => ({ ...event, createdAt: undefined })),
                [
                    { version: 1, type: "OrderCreated", data: { customerId: "c-events" }, createdAt: undefined },
                    { version: 2, type: "ItemAdded", data: item, createdAt: undefined },
                ],
            );
            assert.match(reply.body[0].createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
        });

        it("GET /orders/{id}/events answers 404 for an unknown order", async () => {
            assertErrorBody(await invoke(api, "GET", `/orders/${randomUUID()}/events`), 404, "not_found");
        });

        it("answers 400 naming the field for an invalid body", async () => {
            const { body } = await createOrder();
            const reply = await invoke(api, "POST", `/orders/${body.id}/items`, { body: { ...item, quantity: 0 } });
            assertErrorBody(reply, 400, "validation_error");
            assert.match(reply.body.message, /^quantity: /);
            assert.equal(reply.body.field, "quantity");
        });

        it("answers 400 malformed_json for a body that is not JSON", async () => {
            assertErrorBody(await invoke(api, "POST", "/orders", { body: "{", headers: { "content-type": "application/json" } }), 400, "malformed_json");
        });

        it("answers 404 for an unknown route and 405 with Allow for a wrong method", async () => {
            assertErrorBody(await invoke(api, "GET", "/nope"), 404, "not_found");
            const reply = await invoke(api, "DELETE", "/orders");
            assertErrorBody(reply, 405, "method_not_allowed");
            assert.equal(reply.headers.allow, "GET, POST");
        });

        it("answers 413 for a body over 64 KiB", async () => {
            assertErrorBody(await invoke(api, "POST", "/orders", { body: { customerId: "x".repeat(70_000) } }), 413, "payload_too_large");
        });

        it("answers 415 for a body that is not declared as JSON", async () => {
            assertErrorBody(await invoke(api, "POST", "/orders", { body: '{"customerId":"c"}', headers: { "content-type": "text/plain" } }), 415, "unsupported_media_type");
        });

        it("answers 500 without internals for a stream the app cannot read", async () => {
            const orderId = randomUUID();
            await admin.query(
                "INSERT INTO events (event_id, aggregate_id, version, type, data, created_at) VALUES (?, ?, 1, 'Bogus', '{}', UTC_TIMESTAMP(6))",
                [randomUUID(), orderId],
            );
            const reply = await invoke(api, "GET", `/orders/${orderId}`);
            assertErrorBody(reply, 500, "internal_error");
            assert.doesNotMatch(reply.text, /Bogus|events|SELECT|stack|\.ts/);
        });
    });

    describe("concurrency", () => {
        it("lets exactly one of two concurrent appends with the same If-Match win; the other gets 412", async () => {
            const { body } = await createOrder();
            const [a, b] = [local.container(), local.container()];
            const replies = await Promise.all([a, b].map((container) => invoke(container, "POST", `/orders/${body.id}/items`, { body: item, headers: { "If-Match": '"1"' } })));
            assert.deepEqual(replies.map((reply) => reply.status).sort(), [200, 412]);
            const events = await invoke(api, "GET", `/orders/${body.id}/events`);
            assert.equal(events.body.length, 2);
        });

        it("creates one order for two concurrent requests with the same Idempotency-Key and body", async () => {
            for (let round = 0; round < 3; round += 1) {
                const key = randomUUID();
                const customerId = `c-${key}`;
                const spec = { body: { customerId }, headers: { "Idempotency-Key": key } };
                const replies = await Promise.all([local.container(), local.container()].map((container) => invoke(container, "POST", "/orders", spec)));
                assert.deepEqual(replies.map((reply) => reply.status), [201, 201], replies.map((reply) => reply.text).join("\n"));
                assert.equal(replies[1]?.body.id, replies[0]?.body.id);
                assert.deepEqual(replies.map((reply) => reply.headers["idempotent-replayed"] ?? "-").sort(), ["-", "true"]);
                // Across all orders, not just the one returned: the loser must not have left an order of its own.
                const [[counted]] = await admin.query<RowDataPacket[]>(
                    "SELECT COUNT(*) AS events FROM events WHERE JSON_UNQUOTE(JSON_EXTRACT(data, '$.customerId')) = ?",
                    [customerId],
                );
                assert.equal(Number(counted?.events), 1);
            }
        });

        it("retries a lost race without If-Match, so both concurrent appends land", async () => {
            const { body } = await createOrder();
            const containers = [local.container(), local.container(), local.container()];
            const replies = await Promise.all(containers.map((container) => invoke(container, "POST", `/orders/${body.id}/items`, { body: item })));
            assert.deepEqual(replies.map((reply) => reply.status), [200, 200, 200]);
            const order = await invoke(api, "GET", `/orders/${body.id}`);
            assert.equal(order.body.version, 4);
            assert.equal(order.body.items.length, 3);
        });
    });

    describe("connection handling", () => {
        it("keeps one connection and one secret fetch across many requests", async () => {
            const container = local.container();
            for (let i = 0; i < 20; i += 1) {
                assert.equal((await invoke(container, "GET", "/time")).status, 200);
            }
            assert.equal(container.db.connectionsOpened, 1);
            assert.equal(container.secretCache?.fetchCount, 1);
        });

        it("runs no prepared statement and no SET, from connect to the last request", async () => {
            const before = await statusCounters(admin);
            const container = local.container();
            const { body } = await invoke(container, "POST", "/orders", { body: { customerId: "c-pin" }, headers: { "Idempotency-Key": randomUUID() } });
            await invoke(container, "POST", `/orders/${body.id}/items`, { body: item, headers: { "If-Match": '"1"' } });
            await invoke(container, "GET", `/orders/${body.id}`);
            await invoke(container, "GET", `/orders/${body.id}/events`);
            await invoke(container, "GET", "/time");
            await invoke(container, "GET", "/ready");
            const after = await statusCounters(admin);
            assert.equal(after.Connections! - before.Connections!, 1, "one new connection");
            assert.equal(after.Com_stmt_prepare, before.Com_stmt_prepare);
            assert.equal(after.Com_stmt_execute, before.Com_stmt_execute);
            assert.equal(after.Com_set_option, before.Com_set_option);
        });

        it("recovers when the connection was killed between invocations", async () => {
            const container = local.container();
            assert.equal((await invoke(container, "GET", "/ready")).status, 200);
            assert.ok((await killAppConnections(admin)) >= 1);
            const reply = await invoke(container, "GET", "/time");
            assert.equal(reply.status, 200, reply.text);
            assert.equal(container.db.connectionsOpened, 2);
        });

        it("recovers when the app password was changed and the secret updated", async () => {
            const env = local.env();
            const container = local.container();
            assert.equal((await invoke(container, "GET", "/ready")).status, 200);
            const password = randomBytes(18).toString("base64url");
            await admin.query("ALTER USER 'app'@'%' IDENTIFIED BY ?", [password]);
            env.secrets.put(env.appSecretId, { username: "app", password });
            await killAppConnections(admin);
            const reply = await invoke(container, "GET", "/ready");
            assert.equal(reply.status, 200, reply.text);
            assert.equal(container.secretCache?.fetchCount, 2);
        });

        it("logs neither the password nor the secret while recovering from a rotation", async () => {
            const env = local.env();
            const logger = new CapturingLogger();
            const password = randomBytes(18).toString("base64url");
            const container = createApiContainer(loadApiConfig(env.apiEnv), { logger });
            try {
                await invoke(container, "GET", "/ready");
                await admin.query("ALTER USER 'app'@'%' IDENTIFIED BY ?", [password]);
                env.secrets.put(env.appSecretId, { username: "app", password });
                await killAppConnections(admin);
                await invoke(container, "GET", "/ready");
                await invoke(container, "POST", "/orders", { body: "{", headers: { "content-type": "application/json" } });
            } finally {
                await container.db.close();
            }
            const output = logger.lines.join("\n");
            assert.match(output, /refreshing credentials once/, "the rotation was logged");
            assert.equal(output.includes(password), false);
            assert.doesNotMatch(output, /SecretString/);
        });

        it("logs neither the password nor the secret when the login keeps failing", async () => {
            const env = local.env();
            const logger = new CapturingLogger();
            const container = createApiContainer(loadApiConfig(env.apiEnv), { logger });
            // The secret now holds a password the server does not know: both logins fail, a 503 is logged.
            const wrong = randomBytes(18).toString("base64url");
            const previous = env.secrets.current(env.appSecretId);
            env.secrets.put(env.appSecretId, { username: "app", password: wrong });
            try {
                assertErrorBody(await invoke(container, "GET", "/ready"), 503, "service_unavailable");
            } finally {
                env.secrets.put(env.appSecretId, previous);
                await container.db.close();
            }
            const output = logger.lines.join("\n");
            assert.match(output, /Database unavailable/);
            assert.equal(output.includes(wrong), false);
        });

        it("answers 503 with Retry-After and no internals when the database is stopped", async function () {
            this.timeout(90_000);
            const env = local.env();
            const container = local.container();
            assert.equal((await invoke(container, "GET", "/ready")).status, 200);
            await env.mariadb.stop();
            try {
                for (const [method, path] of [["GET", "/ready"], ["GET", "/time"], ["GET", `/orders/${randomUUID()}`]] as const) {
                    const reply = await invoke(container, method, path);
                    assertErrorBody(reply, 503, "service_unavailable");
                    assert.equal(reply.headers["retry-after"], "5");
                    assert.deepEqual({ ...reply.body, requestId: "-" }, {
                        error: "service_unavailable",
                        message: "The database is unavailable; retry later",
                        requestId: "-",
                    });
                }
            } finally {
                await env.mariadb.start();
            }
            assert.equal((await invoke(container, "GET", "/ready")).status, 200);
        });
    });

    describe("TLS", () => {
        function connectAs(options: { ca: string; host?: string }) {
            const { mariadb } = local.env();
            return createConnection({
                host: options.host ?? mariadb.host,
                port: mariadb.port,
                user: mariadb.admin.username,
                password: mariadb.admin.password,
                ssl: { ca: readFileSync(options.ca, "utf8"), rejectUnauthorized: true, verifyIdentity: true },
                // Reaches the server whatever the host name says, so that only the certificate check can fail.
                stream: () => netConnect(mariadb.port, "127.0.0.1"),
            });
        }

        it("connects when the certificate chains to the configured CA and names the host", async () => {
            const connection = await connectAs({ ca: local.env().mariadb.certificates.caFile });
            const [rows] = await connection.query<RowDataPacket[]>("SHOW SESSION STATUS LIKE 'Ssl_version'");
            assert.match(String(rows[0]?.Value), /^TLSv1\.[23]$/);
            await connection.end();
        });

        it("refuses a server whose certificate chains to another CA", async () => {
            await assert.rejects(connectAs({ ca: local.env().mariadb.certificates.otherCaFile }), /certificate|self.signed|verify/i);
        });

        it("refuses a server whose certificate does not name the host", async () => {
            await assert.rejects(connectAs({ ca: local.env().mariadb.certificates.caFile, host: "db.example.invalid" }), /altnames|does not match/i);
        });

        it("answers 503 when the API is configured with the wrong CA", async () => {
            const container = local.container({ DB_TLS_CA_FILE: local.env().mariadb.certificates.otherCaFile });
            assertErrorBody(await invoke(container, "GET", "/ready"), 503, "service_unavailable");
        });
    });
});
