/**
 * The stack's CloudWatch dashboard body, as data (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html).
 * Laid out for someone answering a page: the alarms first, then one row per layer, in the order a request
 * crosses them (API, function and app, proxy, database), then `migrate`. Each chart carries the threshold of
 * the alarm that watches it. AWS metrics come from `metrics.ts` through `metricOf`, like the alarms'.
 */
import { APP_METRICS, RELAY_METRICS } from "../../app/src/metrics";
import type { AlarmSpec, MonitoredResources } from "./alarms";
import { APP_METRIC_DIMENSIONS, metricOf, type AwsMetricKey } from "./metrics";

export interface DashboardInput {
    readonly title: string;
    readonly region: string;
    readonly resources: MonitoredResources<string>;
    /** The specs the alarms were made from, by key, for their thresholds. */
    readonly alarms: readonly AlarmSpec<string>[];
    readonly alarmArns: readonly string[];
    /** The app's metrics: namespace and `service` dimension of the API function. */
    readonly appNamespace: string;
    readonly appService: string;
}

type MetricLine = (string | Record<string, unknown>)[];

interface Widget {
    readonly type: "metric" | "text" | "alarm";
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
    readonly properties: Record<string, unknown>;
}

/** The grid is 24 columns wide. */
export const DASHBOARD_COLUMNS = 24;

/** The statuses an operator reads an order's refusal by (OrderStatus values, app/src/orders/fold.ts). */
const ORDER_STATUSES = ["open", "confirmed", "cancelled"] as const;

function line(key: AwsMetricKey, dimensions: Record<string, string>, options: Record<string, unknown>): MetricLine {
    const metric = metricOf(key, dimensions);
    return [metric.namespace, metric.name, ...Object.entries(metric.dimensions).flat(), options];
}

export function dashboardBody(input: DashboardInput): { widgets: Widget[] } {
    const { region, resources } = input;
    const api = { ApiId: resources.apiId, Stage: resources.stage };
    const apiFn = { FunctionName: resources.apiFunction.name };
    const migrateFn = { FunctionName: resources.migrateFunction.name };
    const db = { DBInstanceIdentifier: resources.dbInstanceId };
    const proxy = { ProxyName: resources.proxyName };
    const threshold = (key: string, label: string): { horizontal: { label: string; value: number }[] } => {
        const spec = input.alarms.find((a) => a.key === key);
        return { horizontal: spec ? [{ label, value: spec.threshold }] : [] };
    };
    const app = (name: string, extra: Record<string, string>, options: Record<string, unknown>): MetricLine => [
        input.appNamespace,
        name,
        APP_METRIC_DIMENSIONS.service,
        input.appService,
        ...Object.entries(extra).flat(),
        options,
    ];

    const widgets: Widget[] = [];
    let y = 0;
    const row = (height: number, ...cells: { width: number; type: Widget["type"]; properties: Record<string, unknown> }[]) => {
        let x = 0;
        for (const cell of cells) {
            widgets.push({ type: cell.type, x, y, width: cell.width, height, properties: cell.type === "text" ? cell.properties : { region, ...cell.properties } });
            x += cell.width;
        }
        y += height;
    };
    const chart = (width: number, title: string, metrics: MetricLine[], extra: Record<string, unknown> = {}) => ({
        width,
        type: "metric" as const,
        properties: { title, view: "timeSeries", stacked: false, period: 60, metrics, yAxis: { left: { min: 0 } }, ...extra },
    });

    row(2, {
        width: DASHBOARD_COLUMNS,
        type: "text",
        properties: {
            markdown:
                `# ${input.title}\n` +
                "Alarms first, then one row per layer in the order a request crosses them: API, function and app, RDS Proxy, database; `migrate` last. " +
                "Each alarm's description says what to check. Times are UTC.",
        },
    });
    row(3, { width: DASHBOARD_COLUMNS, type: "alarm", properties: { title: "Alarms", alarms: [...input.alarmArns], sortBy: "stateUpdatedTimestamp" } });

    // API: is it failing, and how slow?
    row(
        6,
        chart(8, "API requests and errors (count a minute)", [
            line("apiRequests", api, { stat: "SampleCount", label: "requests" }),
            line("api5xx", api, { stat: "Sum", label: "5xx" }),
            line("api4xx", api, { stat: "Sum", label: "4xx" }),
        ]),
        chart(
            8,
            "API 5xx, % of requests",
            [
                [{ expression: "100 * errors / requests", label: "5xx %", id: "rate" }],
                line("api5xx", api, { stat: "Sum", id: "errors", visible: false }),
                line("apiRequests", api, { stat: "SampleCount", id: "requests", visible: false }),
            ],
            { annotations: threshold("api-5xx-rate", "alarm") },
        ),
        chart(
            8,
            "API latency (ms)",
            [
                line("apiLatency", api, { stat: "p50", label: "p50" }),
                line("apiLatency", api, { stat: "p90", label: "p90" }),
                line("apiLatency", api, { stat: "p99", label: "p99" }),
                line("apiIntegrationLatency", api, { stat: "p90", label: "integration p90" }),
            ],
            { annotations: threshold("api-latency-p90", "p90 alarm") },
        ),
    );

    // The API function and what the app counted.
    row(
        6,
        chart(8, "API function invocations, errors, throttles", [
            line("lambdaInvocations", apiFn, { stat: "Sum", label: "invocations" }),
            line("lambdaErrors", apiFn, { stat: "Sum", label: "errors" }),
            line("lambdaThrottles", apiFn, { stat: "Sum", label: "throttles" }),
        ]),
        chart(
            8,
            `API function duration (ms; timeout ${resources.apiFunction.timeoutSeconds} s)`,
            [line("lambdaDuration", apiFn, { stat: "p90", label: "p90" }), line("lambdaDuration", apiFn, { stat: "Maximum", label: "max" })],
            { annotations: threshold("api-fn-duration", "p90 alarm") },
        ),
        chart(8, "Orders (app metrics, count a minute)", [
            app(APP_METRICS.ordersCreated, {}, { stat: "Sum", label: "orders created" }),
            ...ORDER_STATUSES.map((status) =>
                app(APP_METRICS.commandsRefused, { [APP_METRIC_DIMENSIONS.orderStatus]: status }, { stat: "Sum", label: `refused (${status})` }),
            ),
            app(APP_METRICS.concurrencyRetries, {}, { stat: "Sum", label: "concurrency retries" }),
        ]),
    );

    // RDS Proxy: can the function get a connection?
    row(
        6,
        chart(
            8,
            "Proxy database connections",
            [
                line("proxyDbConnections", proxy, { stat: "Sum", label: "database connections" }),
                line("proxyMaxDbConnections", proxy, { stat: "Sum", label: "allowed" }),
                line("proxyClientConnections", proxy, { stat: "Sum", label: "client connections" }),
            ],
        ),
        chart(8, "Proxy borrow latency (µs)", [line("proxyBorrowLatency", proxy, { stat: "Average", label: "average" })], {
            annotations: threshold("proxy-borrow-latency", "alarm"),
        }),
        chart(8, "Pinning, failed logins, reconnects (count)", [
            line("proxyPinnedConnections", proxy, { stat: "Sum", label: "pinned connections" }),
            line("proxyFailedAuth", proxy, { stat: "Sum", label: "failed client auth" }),
            app(APP_METRICS.databaseReconnects, {}, { stat: "Sum", label: "app reconnects" }),
            app(APP_METRICS.credentialRefreshCount, {}, { stat: "Sum", label: "app credential refreshes" }),
        ]),
    );

    // The database instance.
    row(
        6,
        chart(6, "Database CPU (%)", [line("dbCpu", db, { stat: "Average", label: "CPU" })], {
            annotations: threshold("db-cpu", "alarm"),
            yAxis: { left: { min: 0, max: 100 } },
        }),
        chart(6, "Database freeable memory (bytes)", [line("dbFreeableMemory", db, { stat: "Average", label: "freeable" })], {
            annotations: threshold("db-freeable-memory", "alarm"),
        }),
        chart(6, "Database free storage (bytes)", [line("dbFreeStorage", db, { stat: "Average", label: "free" })], {
            annotations: threshold("db-free-storage", "alarm"),
        }),
        chart(6, "Database connections", [line("dbConnections", db, { stat: "Average", label: "connections" })], {
            annotations: threshold("db-connections", "alarm"),
        }),
    );

    // The events pipeline, when the stack has it: is the relay running and keeping up, is anything lost on the way.
    const { events } = resources;
    if (events !== undefined) {
        const relayFn = { FunctionName: events.relayFunction.name };
        const projectorFn = { FunctionName: events.projectorFunction.name };
        const relay = (name: string, options: Record<string, unknown>): MetricLine => [events.appNamespace, name, APP_METRIC_DIMENSIONS.service, events.relayService, options];
        row(
            6,
            chart(
                6,
                "Events: age of the oldest unpublished and unprojected event (seconds)",
                [
                    relay(RELAY_METRICS.oldestUnpublishedAge, { stat: "Maximum", label: "oldest unpublished (relay)" }),
                    line("sqsOldestMessageAge", { QueueName: events.projectorQueueName }, { stat: "Maximum", label: "oldest in the projector's queue" }),
                ],
                { annotations: { horizontal: [...threshold("relay-backlog", "relay alarm").horizontal, ...threshold("projector-backlog", "projector alarm").horizontal] } },
            ),
            chart(6, "Relay: events published, parked, backlog at run end", [
                relay(RELAY_METRICS.eventsPublished, { stat: "Sum", label: "published" }),
                relay(RELAY_METRICS.eventsParked, { stat: "Sum", label: "parked" }),
                relay(RELAY_METRICS.relayBacklog, { stat: "Maximum", label: "backlog" }),
            ]),
            chart(6, "Relay and projector: runs, errors", [
                line("lambdaInvocations", relayFn, { stat: "Sum", label: "relay runs" }),
                line("lambdaErrors", relayFn, { stat: "Sum", label: "relay errors" }),
                line("lambdaInvocations", projectorFn, { stat: "Sum", label: "projector invocations" }),
                line("lambdaErrors", projectorFn, { stat: "Sum", label: "projector errors" }),
            ]),
            chart(6, "Events dead-letter queue (messages)", [line("sqsMessagesVisible", { QueueName: events.deadLetterQueueName }, { stat: "Maximum", label: "dead letters" })], {
                annotations: threshold("events-dead-letters", "alarm"),
            }),
        );
    }

    // migrate: runs on deploys only, so a day at a time.
    row(
        6,
        chart(
            12,
            "migrate runs, errors, throttles",
            [
                line("lambdaInvocations", migrateFn, { stat: "Sum", label: "runs" }),
                line("lambdaErrors", migrateFn, { stat: "Sum", label: "errors" }),
                line("lambdaThrottles", migrateFn, { stat: "Sum", label: "throttles" }),
            ],
        ),
        chart(12, `migrate duration (ms; timeout ${resources.migrateFunction.timeoutSeconds} s)`, [line("lambdaDuration", migrateFn, { stat: "Maximum", label: "max" })], {
            annotations: threshold("migrate-fn-duration", "alarm"),
        }),
    );

    return { widgets };
}
