import { strict as assert } from "node:assert";
import { httpChecks, type CheckContext } from "../../../tools/live/checks";
import { CheckFailedError } from "../../../tools/live/errors";
import type { HttpClient } from "../../../tools/live/http";
import { FakeClock, fakeApi, jsonResponse, type Route } from "./fakes";
import { FIXTURE_API_URL, escapeRegExp } from "../../helpers/fixtureValues";

function context(client: HttpClient, clock = new FakeClock(), log: string[] = []): CheckContext {
    return {
        client,
        apiUrl: FIXTURE_API_URL,
        customerId: "live-test-small-live-abc123",
        idempotencyKey: "key-1",
        clock,
        log: (line) => log.push(line),
        readinessTimeoutMs: 60_000,
        retryDelayMs: 5_000,
    };
}

/** Runs every check in order; the name and error of the first failure, or the details of all. */
async function runAll(ctx: CheckContext): Promise<{ details: string[]; failed?: { name: string; error: Error } }> {
    const details: string[] = [];
    for (const check of httpChecks(ctx)) {
        try {
            details.push(await check.run());
        } catch (error) {
            return { details, failed: { name: check.name, error: error as Error } };
        }
    }
    return { details };
}

function failing(route: Route) {
    return runAll(context(fakeApi(route)));
}

describe("live: checks", () => {
    it("pass against an API that answers as app/src/http does", async () => {
        const { details, failed } = await runAll(context(fakeApi()));
        assert.equal(failed, undefined);
        assert.equal(details.length, 6);
        assert.match(details[3] ?? "", /^created \/orders\/[0-9a-f-]{36}$/);
    });

    it("with events, wait for the created order to show up in GET /orders, and fail naming what to look at when it never does", async () => {
        const clock = new FakeClock();
        const slow = fakeApi(undefined, { listedAfter: 3 });
        const { details, failed } = await runAll({ ...context(slow, clock), readModelTimeoutMs: 180_000 });
        assert.equal(failed, undefined);
        assert.match(details.at(-1) ?? "", /^listed after 15s \(4 lists\)$/);
        const lists = slow.requests.filter((r) => r.method === "GET" && new URL(r.url).pathname === "/orders");
        assert.equal(new URL(lists[0]!.url).searchParams.get("customerId"), "live-test-small-live-abc123");

        const never = await runAll({ ...context(fakeApi(undefined, { listedAfter: 1_000 })), readModelTimeoutMs: 30_000 });
        assert.equal(never.failed?.name, "GET /orders?customerId= (read model)");
        assert.match(never.failed?.error.message ?? "", /within 30s: check the relay's and the projector's logs, the projector's queue and dead-letter queue, and the OldestUnpublishedAge metric/);
    });

    it("do not list orders without events", async () => {
        const api = fakeApi();
        await runAll(context(api));
        assert.equal(api.requests.filter((r) => new URL(r.url).pathname === "/orders" && r.method === "GET").length, 0);
    });

    it("send POST /orders as JSON with the Idempotency-Key, twice with the same key, and read back the location", async () => {
        const api = fakeApi();
        await runAll(context(api));
        const posts = api.requests.filter((r) => r.method === "POST");
        assert.equal(posts.length, 2);
        for (const post of posts) {
            assert.equal(post.url, `${FIXTURE_API_URL}orders`);
            assert.equal(post.headers["content-type"], "application/json");
            assert.equal(post.headers["idempotency-key"], "key-1");
            assert.deepEqual(JSON.parse(post.body ?? ""), { customerId: "live-test-small-live-abc123" });
        }
        const last = api.requests.at(-1);
        assert.equal(last?.method, "GET");
        assert.match(last?.url ?? "", new RegExp(`^${escapeRegExp(FIXTURE_API_URL)}orders/[0-9a-f-]{36}$`));
    });

    it("keep paths under a named stage's prefix", async () => {
        const api = fakeApi(() => jsonResponse(200, { status: "ok" }));
        const [health] = httpChecks({ ...context(api), apiUrl: `${FIXTURE_API_URL}v1/` });
        await health?.run();
        assert.equal(api.requests[0]?.url, `${FIXTURE_API_URL}v1/health`);
    });

    it("retry GET /health while it answers 5xx or not at all, then pass", async () => {
        let attempts = 0;
        const clock = new FakeClock();
        const log: string[] = [];
        const base = fakeApi();
        const client: HttpClient = async (request) => {
            attempts += 1;
            if (attempts === 1) {
                throw new TypeError("fetch failed");
            }
            return attempts === 2 ? jsonResponse(503, { message: "Service Unavailable" }) : base(request);
        };
        const [health] = httpChecks(context(client, clock, log));
        assert.equal(await health?.run(), "ok after 3 attempts");
        assert.deepEqual(clock.sleeps, [5_000, 5_000]);
        assert.match(log.join("\n"), /not ready \(fetch failed\)[\s\S]*not ready \(status 503\)/);
    });

    it("fail GET /health with the last status and body once the readiness timeout has passed", async () => {
        const clock = new FakeClock();
        const [health] = httpChecks(context(async () => jsonResponse(502, { message: "Internal Server Error" }), clock));
        await assert.rejects(health!.run(), (error: Error) => {
            assert.ok(error instanceof CheckFailedError);
            assert.match(error.message, /^GET \/health: expected status 200 within 60s \(\d+ attempts\), the last attempt got 502/);
            assert.match(error.message, /body: \{"message":"Internal Server Error"\}/);
            return true;
        });
        assert.ok(clock.sleeps.reduce((a, b) => a + b, 0) <= 60_000);
    });

    it("do not retry GET /health on a 4xx: a refused signature does not heal", async () => {
        const clock = new FakeClock();
        const [health] = httpChecks(context(async () => jsonResponse(403, { message: "Forbidden" }), clock));
        await assert.rejects(health!.run(), /GET \/health: expected status 200, got 403/);
        assert.deepEqual(clock.sleeps, []);
    });

    it("fail GET /time when the body has no time in it", async () => {
        const { failed } = await failing((r) => (r.url.endsWith("/time") ? jsonResponse(200, { now: "soon" }) : undefined));
        assert.equal(failed?.name, "GET /time");
        assert.match(failed?.error.message ?? "", /expected \{"now": "<ISO-8601 time>"\}/);
    });

    it("fail POST /orders without a location header", async () => {
        const { failed } = await failing((r) => (r.method === "POST" ? jsonResponse(201, { id: "x" }, { etag: '"1"' }) : undefined));
        assert.equal(failed?.name, "POST /orders");
        assert.match(failed?.error.message ?? "", /expected a location header \/orders\/<uuid>, got ""/);
    });

    it("fail POST /orders when the order is not the customer's", async () => {
        const id = "0cdaf2b7-71f5-4412-911e-d702323249a0";
        const { failed } = await failing((r) =>
            r.method === "POST" ? jsonResponse(201, { id, customerId: "someone-else", status: "open", version: 1 }, { location: `/orders/${id}`, etag: '"1"' }) : undefined,
        );
        assert.match(failed?.error.message ?? "", /expected customerId = "live-test-small-live-abc123", got "someone-else"/);
    });

    it("fail the replay when it is not marked as one", async () => {
        let posts = 0;
        const { failed } = await failing((r) => {
            if (r.method === "POST" && ++posts === 2) {
                const id = "0cdaf2b7-71f5-4412-911e-d702323249a0";
                return jsonResponse(201, { id, customerId: "live-test-small-live-abc123", status: "open", version: 1 }, { location: `/orders/${id}`, etag: '"1"' });
            }
            return undefined;
        });
        assert.equal(failed?.name, "POST /orders (same Idempotency-Key)");
        assert.match(failed?.error.message ?? "", /expected header idempotent-replayed: true, got none/);
    });

    it("fail GET /orders/{id} when the ETag or the order read back differ from what was created", async () => {
        const wrongTag = await failing((r) => (r.method === "GET" && r.url.includes("/orders/") ? jsonResponse(200, {}, { etag: 'W/"1"' }) : undefined));
        assert.equal(wrongTag.failed?.name, "GET /orders/{id}");
        assert.match(wrongTag.failed?.error.message ?? "", /expected header etag: "1", got W\/"1"/);

        const wrongBody = await failing((r) => (r.method === "GET" && r.url.includes("/orders/") ? jsonResponse(200, { status: "cancelled" }, { etag: '"1"' }) : undefined));
        assert.match(wrongBody.failed?.error.message ?? "", /expected the order as created/);
    });

    it("check that a request without credentials is refused when the API has an authorizer", async () => {
        const api = fakeApi(undefined, { requireAuth: true });
        const signed: HttpClient = (request) => api({ ...request, headers: { ...request.headers, authorization: "AWS4-HMAC-SHA256 …" } });
        const checks = httpChecks({ ...context(signed), anonymous: api });
        assert.equal(checks.at(-1)?.name, "GET /orders/{id} without credentials");
        assert.equal(checks.at(-1)?.needs, "POST /orders");
        const { details, failed } = await runAll({ ...context(signed), anonymous: api });
        assert.equal(failed, undefined);
        assert.equal(details.at(-1), "refused with 403");
    });

    it("fail when a request without credentials gets through", async () => {
        const api = fakeApi();
        const { failed } = await runAll({ ...context(api), anonymous: api });
        assert.equal(failed?.name, "GET /orders/{id} without credentials");
        assert.match(failed?.error.message ?? "", /expected 401 or 403 for a request without credentials, got 200/);
    });

    it("fail on a body that is not JSON, quoting it", async () => {
        const { failed } = await failing((r) => (r.url.endsWith("/time") ? { status: 200, headers: {}, body: "<html>gateway</html>" } : undefined));
        assert.match(failed?.error.message ?? "", /GET \/time: expected a JSON body\n {2}status: 200\n {2}body: <html>gateway<\/html>/);
    });

    it("cut long bodies in messages", async () => {
        const { failed } = await failing((r) => (r.url.endsWith("/time") ? { status: 500, headers: {}, body: "x".repeat(5000) } : undefined));
        assert.match(failed?.error.message ?? "", /x{1000}… \(5000 chars\)/);
    });
});
