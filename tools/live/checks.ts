import { isDeepStrictEqual } from "node:util";
import { CheckFailedError } from "./errors";
import { apiEndpoint, type HttpClient, type HttpRequest, type HttpResponse } from "./http";
import type { Clock, LogSink } from "./ports";

export interface CheckContext {
    readonly client: HttpClient;
    /** The transport without credentials, when the API has an authorizer: adds a check that it refuses them. */
    readonly anonymous?: HttpClient;
    /** The stack output `apiUrl`. */
    readonly apiUrl: string;
    /** The customer of the order the checks create; names the run, so it can be found in the table. */
    readonly customerId: string;
    readonly idempotencyKey: string;
    readonly clock: Clock;
    readonly log: LogSink;
    /**
     * How long GET /health and GET /ready may answer 5xx or not at all before the check fails. Right after `up`
     * the first request pays the Lambda's cold start in the VPC, its secret fetch and the proxy's
     * first connection to the database.
     */
    readonly readinessTimeoutMs: number;
    /** Wait between two probe attempts, and between two GET /orders lists. */
    readonly retryDelayMs: number;
    /**
     * With `events` (the stack has an `eventBusName` output): how long the created order may take to show up in
     * `GET /orders`, the read model the relay (polling while it holds its lease) and the projector keep. Unset: no such check.
     */
    readonly readModelTimeoutMs?: number;
}

export interface HttpCheck {
    /** Method and path, as printed in the summary. */
    readonly name: string;
    /** A check that must have passed first (the order these read back). */
    readonly needs?: string;
    /** Runs the request and its assertions; a line of detail on success, CheckFailedError otherwise. */
    run(): Promise<string>;
}

interface CreatedOrder {
    readonly id: string;
    readonly location: string;
    readonly body: Record<string, unknown>;
}

const ORDER_LOCATION = /^\/orders\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/**
 * The HTTP checks, in order, against the routes of app/src/http/router.ts: the API answers (health), the
 * database answers through the proxy (ready, time), an order is created, replayed with the same Idempotency-Key, and read back.
 * Each request is what a client would send; the expected statuses and headers are the API's
 * contract (201 with `location` and a strong ETag, 200 with the same ETag on read).
 */
export function httpChecks(ctx: CheckContext): readonly HttpCheck[] {
    let order: CreatedOrder | undefined;
    const created = (): CreatedOrder => {
        if (order === undefined) {
            throw new Error("no order was created");
        }
        return order;
    };
    const createRequest = (): HttpRequest => ({
        method: "POST",
        url: apiEndpoint(ctx.apiUrl, "/orders"),
        headers: { "content-type": "application/json", "idempotency-key": ctx.idempotencyKey },
        body: JSON.stringify({ customerId: ctx.customerId }),
    });

    const checks: HttpCheck[] = [
        // Public and shallow: the API and its function answer. Then the deep check, signed like every other
        // request: the function reaches the database through the proxy.
        { name: "GET /health", run: () => untilReady(ctx, "/health", { status: "ok" }) },
        { name: "GET /ready", run: () => untilReady(ctx, "/ready", { status: "ok", database: "ok" }) },
        {
            name: "GET /time",
            run: async () => {
                const request = get(ctx, "/time");
                const response = await ctx.client(request);
                expectStatus(request, response, 200);
                const body = jsonObject(request, response);
                if (typeof body.now !== "string" || Number.isNaN(Date.parse(body.now))) {
                    throw new CheckFailedError(request, 'expected {"now": "<ISO-8601 time>"}', response);
                }
                return `database time ${body.now}`;
            },
        },
        {
            name: "POST /orders",
            run: async () => {
                const request = createRequest();
                const response = await ctx.client(request);
                expectStatus(request, response, 201);
                const location = response.headers.location ?? "";
                const id = ORDER_LOCATION.exec(location)?.[1];
                if (id === undefined) {
                    throw new CheckFailedError(request, `expected a location header /orders/<uuid>, got ${JSON.stringify(location)}`, response);
                }
                expectHeader(request, response, "etag", '"1"');
                const body = jsonObject(request, response);
                const expected = { id, customerId: ctx.customerId, status: "open", version: 1 };
                for (const [field, value] of Object.entries(expected)) {
                    if (body[field] !== value) {
                        throw new CheckFailedError(request, `expected ${field} = ${JSON.stringify(value)}, got ${JSON.stringify(body[field])}`, response);
                    }
                }
                order = { id, location, body };
                return `created ${location}`;
            },
        },
        {
            name: "POST /orders (same Idempotency-Key)",
            needs: "POST /orders",
            run: async () => {
                const request = createRequest();
                const response = await ctx.client(request);
                expectStatus(request, response, 201);
                expectHeader(request, response, "idempotent-replayed", "true");
                const body = jsonObject(request, response);
                if (body.id !== created().id) {
                    throw new CheckFailedError(request, `expected the first order ${created().id} again, got ${JSON.stringify(body.id)}`, response);
                }
                return `replayed ${created().location}`;
            },
        },
        {
            name: "GET /orders/{id}",
            needs: "POST /orders",
            run: async () => {
                const request = get(ctx, created().location);
                const response = await ctx.client(request);
                expectStatus(request, response, 200);
                expectHeader(request, response, "etag", '"1"');
                const body = jsonObject(request, response);
                if (!isDeepStrictEqual(body, created().body)) {
                    throw new CheckFailedError(request, `expected the order as created: ${JSON.stringify(created().body)}`, response);
                }
                return `read back ${created().location}`;
            },
        },
    ];
    const readModelTimeoutMs = ctx.readModelTimeoutMs;
    if (readModelTimeoutMs !== undefined) {
        checks.push({
            name: "GET /orders?customerId= (read model)",
            needs: "POST /orders",
            run: () => listed(ctx, created().id, readModelTimeoutMs),
        });
    }
    const anonymous = ctx.anonymous;
    if (anonymous !== undefined) {
        checks.push({
            name: "GET /orders/{id} without credentials",
            needs: "POST /orders",
            run: async () => {
                const request = get(ctx, created().location);
                const response = await anonymous(request);
                // 403 from IAM authorization, 401 from a JWT authorizer; either way the Lambda never ran.
                if (response.status !== 401 && response.status !== 403) {
                    throw new CheckFailedError(request, `expected 401 or 403 for a request without credentials, got ${response.status}`, response);
                }
                return `refused with ${response.status}`;
            },
        });
    }
    return checks;
}

/**
 * Polls the list of the run's customer until the created order is in it: the whole events path at once (append,
 * relay on its schedule, PutEvents through the endpoint, the rule, the projector, the read model), which no offline
 * test can show.
 */
async function listed(ctx: CheckContext, orderId: string, timeoutMs: number): Promise<string> {
    const request = get(ctx, `/orders?customerId=${encodeURIComponent(ctx.customerId)}`);
    const started = ctx.clock.now();
    for (let attempt = 1; ; attempt += 1) {
        const response = await ctx.client(request);
        expectStatus(request, response, 200);
        const orders = jsonObject(request, response).orders;
        if (!Array.isArray(orders)) {
            throw new CheckFailedError(request, 'expected {"orders": [...]}', response);
        }
        if (orders.some((o: { id?: unknown }) => o?.id === orderId)) {
            return `listed after ${Math.round((ctx.clock.now() - started) / 1000)}s (${attempt} ${attempt === 1 ? "list" : "lists"})`;
        }
        if (ctx.clock.now() + ctx.retryDelayMs - started > timeoutMs) {
            throw new CheckFailedError(
                request,
                `expected order ${orderId} in the list within ${Math.round(timeoutMs / 1000)}s: check the relay's and the projector's logs, the projector's queue and dead-letter queue, and the OldestUnpublishedAge metric`,
                response,
            );
        }
        await ctx.clock.sleep(ctx.retryDelayMs);
    }
}

function get(ctx: CheckContext, path: string): HttpRequest {
    return { method: "GET", url: apiEndpoint(ctx.apiUrl, path), headers: { accept: "application/json" } };
}

/** Worth another try right after a deployment: throttled, or not (yet) able to reach the database. */
function notReady(status: number): boolean {
    return status === 429 || status >= 500;
}

/** Polls a probe route until it answers 200 with the expected body, or the readiness timeout passes. */
async function untilReady(ctx: CheckContext, path: string, expected: Readonly<Record<string, string>>): Promise<string> {
    const request = get(ctx, path);
    const deadline = ctx.clock.now() + ctx.readinessTimeoutMs;
    for (let attempt = 1; ; attempt += 1) {
        let response: HttpResponse | undefined;
        let failure: unknown;
        try {
            response = await ctx.client(request);
        } catch (error) {
            failure = error;
        }
        if (response !== undefined && !notReady(response.status)) {
            expectStatus(request, response, 200);
            const body = jsonObject(request, response);
            if (Object.entries(expected).some(([field, value]) => body[field] !== value)) {
                throw new CheckFailedError(request, `expected ${JSON.stringify(expected)}`, response);
            }
            return attempt === 1 ? "ok" : `ok after ${attempt} attempts`;
        }
        const reason = response !== undefined ? `status ${response.status}` : String((failure as Error)?.message ?? failure);
        if (ctx.clock.now() + ctx.retryDelayMs > deadline) {
            const waited = `within ${Math.round(ctx.readinessTimeoutMs / 1000)}s (${attempt} attempts)`;
            if (response !== undefined) {
                throw new CheckFailedError(request, `expected status 200 ${waited}, the last attempt got ${response.status}`, response);
            }
            throw new Error(`GET ${path}: no answer ${waited}: ${reason}`, { cause: failure });
        }
        ctx.log(`  GET ${path} not ready (${reason}); retrying in ${Math.round(ctx.retryDelayMs / 1000)}s`);
        await ctx.clock.sleep(ctx.retryDelayMs);
    }
}

function expectStatus(request: HttpRequest, response: HttpResponse, status: number): void {
    if (response.status !== status) {
        throw new CheckFailedError(request, `expected status ${status}, got ${response.status}`, response);
    }
}

function expectHeader(request: HttpRequest, response: HttpResponse, name: string, value: string): void {
    const actual = response.headers[name];
    if (actual !== value) {
        throw new CheckFailedError(request, `expected header ${name}: ${value}, got ${actual === undefined ? "none" : actual}`, response);
    }
}

function jsonObject(request: HttpRequest, response: HttpResponse): Record<string, unknown> {
    let value: unknown;
    try {
        value = JSON.parse(response.body);
    } catch {
        throw new CheckFailedError(request, "expected a JSON body", response);
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
        throw new CheckFailedError(request, "expected a JSON object", response);
    }
    return value as Record<string, unknown>;
}
