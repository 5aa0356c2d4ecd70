import { randomUUID } from "node:crypto";
import type { HttpClient, HttpRequest, HttpResponse } from "../../../tools/live/http";
import type { AwsAccount, Clock, LiveStack, LiveWorkspace, PreviewOutcome } from "../../../tools/live/ports";
import { FIXTURE_API_URL, FIXTURE_PREFIX, fixtureArn } from "../../helpers/fixtureValues";

/** The topic the fixture stack's alarms notify (its `alarmTopicArn` output). */
/** What the deploy's readiness check reports: the probe's result as the invocation keeps it. */
export const FIXTURE_READINESS = JSON.stringify({ ready: true, attempts: 7, elapsedMs: 95_000, auth: "iam", host: "proxy.example" });
export const FIXTURE_ALARM_TOPIC_ARN = fixtureArn("sns", `${FIXTURE_PREFIX}-alarms-1a2b3c4`);

/** A clock that only moves when told to, or when something sleeps. */
export class FakeClock implements Clock {
    private t = 1_000_000;
    readonly sleeps: number[] = [];
    now(): number {
        return this.t;
    }
    async sleep(ms: number): Promise<void> {
        this.sleeps.push(ms);
        this.t += ms;
    }
    advance(ms: number): void {
        this.t += ms;
    }
}

export type Operation = "createStack" | "up" | "preview" | "prepareDestroy" | "destroy" | "removeStack";

export interface FakeWorkspaceOptions {
    /** Operations that throw, with the error they throw. */
    readonly failures?: Partial<Record<Operation, Error>>;
    readonly outputs?: Record<string, unknown>;
    readonly preview?: PreviewOutcome;
    readonly lifted?: readonly string[];
    /** How many times an operation in `failures` fails before it succeeds; always when absent. */
    readonly failTimes?: Partial<Record<Operation, number>>;
    /** How long each operation takes on the fake clock. */
    readonly durations?: Partial<Record<Operation, number>>;
}

/** A workspace that records the order of operations and fails where told to. */
export class FakeWorkspace implements LiveWorkspace {
    readonly stackName = "small-live-abc123";
    readonly calls: Operation[] = [];

    constructor(
        private readonly clock: FakeClock,
        private readonly options: FakeWorkspaceOptions = {},
    ) {}

    async createStack(): Promise<LiveStack> {
        await this.op("createStack");
        return {
            up: async () => {
                await this.op("up");
                return this.options.outputs ?? { apiUrl: FIXTURE_API_URL, apiAuth: "iam", alarmTopicArn: FIXTURE_ALARM_TOPIC_ARN, readiness: FIXTURE_READINESS };
            },
            preview: async () => {
                await this.op("preview");
                return this.options.preview ?? { changeSummary: { same: 42 }, changes: [] };
            },
            prepareDestroy: async () => {
                await this.op("prepareDestroy");
                return this.options.lifted ?? [];
            },
            destroy: () => this.op("destroy"),
        };
    }

    removeStack(): Promise<void> {
        return this.op("removeStack");
    }

    private async op(name: Operation): Promise<void> {
        this.calls.push(name);
        this.clock.advance(this.options.durations?.[name] ?? 1000);
        const failure = this.options.failures?.[name];
        const times = this.options.failTimes?.[name];
        if (failure && (times === undefined || this.calls.filter((c) => c === name).length <= times)) {
            throw failure;
        }
    }
}

export type Route = (request: HttpRequest) => HttpResponse | undefined;

const json = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({
    status,
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
});

/**
 * The deployed API in memory, answering as app/src/http/api.ts does. `override` answers first
 * when it returns a response, to break one route at a time. With `requireAuth`, the order routes
 * refuse requests without an Authorization header, as API Gateway does in front of them.
 */
export function fakeApi(override: Route = () => undefined, options: { requireAuth?: boolean; listedAfter?: number } = {}): HttpClient & { requests: HttpRequest[] } {
    const orders = new Map<string, Record<string, unknown>>();
    let lists = 0;
    const keys = new Map<string, string>();
    const requests: HttpRequest[] = [];
    const client = async (request: HttpRequest): Promise<HttpResponse> => {
        requests.push(request);
        const overridden = override(request);
        if (overridden) {
            return overridden;
        }
        const path = new URL(request.url).pathname;
        if (options.requireAuth && path.startsWith("/orders") && request.headers.authorization === undefined) {
            return json(403, { message: "Forbidden" });
        }
        if (request.method === "GET" && path === "/health") {
            return json(200, { status: "ok" });
        }
        if (options.requireAuth && path === "/ready" && request.headers.authorization === undefined) {
            return json(403, { message: "Forbidden" });
        }
        if (request.method === "GET" && path === "/ready") {
            return json(200, { status: "ok", database: "ok" });
        }
        if (request.method === "GET" && path === "/time") {
            return json(200, { now: "2025-01-01T12:00:00.000000Z" });
        }
        if (request.method === "POST" && path === "/orders") {
            const key = request.headers["idempotency-key"] ?? "";
            const replayed = keys.get(key);
            if (replayed) {
                return json(201, orders.get(replayed), { location: `/orders/${replayed}`, etag: '"1"', "idempotent-replayed": "true" });
            }
            const id = randomUUID();
            const { customerId } = JSON.parse(request.body ?? "{}") as { customerId: string };
            const order = { id, customerId, status: "open", items: [], total: 0, version: 1 };
            orders.set(id, order);
            keys.set(key, id);
            return json(201, order, { location: `/orders/${id}`, etag: '"1"' });
        }
        if (request.method === "GET" && path === "/orders") {
            // The read model: orders show up only after `listedAfter` lists of them (the relay's minute, compressed).
            const customerId = new URL(request.url).searchParams.get("customerId");
            lists += 1;
            const listed = lists > (options.listedAfter ?? 0) ? [...orders.values()].filter((o) => o.customerId === customerId).reverse() : [];
            return json(200, { orders: listed.map(({ items: _items, total, ...rest }) => ({ ...rest, itemCount: 0, total })) });
        }
        const match = /^\/orders\/([0-9a-f-]{36})$/.exec(path);
        if (request.method === "GET" && match?.[1] && orders.has(match[1])) {
            return json(200, orders.get(match[1]), { etag: '"1"' });
        }
        return json(404, { error: "not_found", message: "no route", requestId: "r" });
    };
    return Object.assign(client, { requests });
}

export { json as jsonResponse };

export interface FakeAwsOptions {
    /** The MySQL versions RDS offers the class with; the fixture stack's major by default. */
    readonly orderableVersions?: readonly string[];
    readonly concurrency?: { readonly limit: number; readonly unreserved: number };
    /** Alarms on the topic; one by default. */
    readonly alarms?: readonly string[];
    /** What CloudWatch records for the alarm's action, and after how many history reads it shows up. */
    readonly delivery?: "executed" | "failed" | "never";
    readonly deliveredAfterReads?: number;
}

/** The account as AWS would answer for it: what it offers, its alarms and their history, in memory. */
export class FakeAwsAccount implements AwsAccount {
    readonly states: string[] = [];
    private reads = 0;
    private alarmSince: Date | undefined;

    constructor(
        private readonly clock: FakeClock,
        private readonly options: FakeAwsOptions = {},
    ) {}

    async orderableMysqlVersions(): Promise<readonly string[]> {
        return this.options.orderableVersions ?? ["8.4.5", "8.4.6"];
    }

    async lambdaConcurrency(): Promise<{ limit: number; unreserved: number }> {
        return this.options.concurrency ?? { limit: 1000, unreserved: 1000 };
    }

    async alarmsNotifying(): Promise<readonly string[]> {
        return this.options.alarms ?? ["fixture-api-errors"];
    }

    async setAlarmState(alarmName: string, state: "ALARM" | "OK"): Promise<void> {
        this.states.push(`${alarmName}: ${state}`);
        if (state === "ALARM") {
            this.alarmSince = new Date(this.clock.now());
            this.reads = 0;
        }
    }

    async alarmActions(_alarmName: string, since: Date): Promise<readonly { timestamp: Date; summary: string }[]> {
        this.reads += 1;
        const delivery = this.options.delivery ?? "executed";
        if (this.alarmSince === undefined || delivery === "never" || this.reads <= (this.options.deliveredAfterReads ?? 1) || this.alarmSince < since) {
            return [];
        }
        const topic = FIXTURE_ALARM_TOPIC_ARN;
        return [
            {
                timestamp: this.alarmSince,
                summary:
                    delivery === "executed"
                        ? `Successfully executed action ${topic}`
                        : `Failed to execute action ${topic}. Received error: "null (Service: AWSKMS; Status Code: 400; Error Code: AccessDeniedException)"`,
            },
        ];
    }
}
