/**
 * The stack's CloudWatch alarms, as data: which metric, statistic, period, how many breaching minutes, the
 * threshold (from config) and what missing data means. Pure: the Observability component turns each spec
 * into an `aws.cloudwatch.MetricAlarm`, and tests read the specs directly.
 *
 * Where AWS's "Recommended alarms" page covers a metric (API Gateway, Lambda, RDS), statistic, period and
 * datapoints follow it; RDS Proxy has no entry there, so those follow the metric's own documentation (the
 * statistic it calls most useful, one-minute data). Each spec's `basis` says which. Every alarm notifies on
 * ALARM and on OK; none on INSUFFICIENT_DATA.
 */
import { RELAY_METRICS } from "../../app/src/metrics";
import { appMetricOf, metricOf, type AwsMetricKey, type MetricRef } from "./metrics";

export const RECOMMENDED_ALARMS = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Best_Practice_Recommended_Alarms_AWS_Services.html";

/** The thresholds, one config key each (infra/config.ts `alarm*`). */
export interface AlarmThresholds {
    /** Share of API requests answered 5xx, in percent. */
    readonly api5xxPercent: number;
    readonly apiLatencyP90Ms: number;
    /** API and projector function errors a minute tolerated. `migrate` and the relay tolerate none (see `MIGRATE_TOLERATES`, `eventAlarmSpecs`). */
    readonly lambdaErrors: number;
    /** API function throttles a minute tolerated. */
    readonly lambdaThrottles: number;
    /** Duration alarm threshold, in percent of each function's timeout. */
    readonly lambdaDurationPercent: number;
    readonly dbCpuPercent: number;
    readonly dbFreeableMemoryMb: number;
    readonly dbFreeStorageGb: number;
    readonly dbConnections: number;
    readonly proxyPinnedConnections: number;
    readonly proxyFailedAuth: number;
    readonly proxyBorrowLatencyMs: number;
    /** Proxy database connections, in percent of MaxDatabaseConnectionsAllowed. */
    readonly proxyConnectionsPercent: number;
}

export interface MonitoredFunction<V> {
    readonly name: V;
    readonly timeoutSeconds: number;
}

/** What the alarms watch, by the values CloudWatch dimensions carry. `V` is a string, or a Pulumi output of one. */
export interface MonitoredResources<V> {
    readonly apiId: V;
    /** The stage's name, `$default`. */
    readonly stage: V;
    readonly apiFunction: MonitoredFunction<V>;
    readonly migrateFunction: MonitoredFunction<V>;
    readonly dbInstanceId: V;
    readonly proxyName: V;
    /** With `events` on: the relay, the projector, the consumer's dead-letter queue and the app's metric namespace. */
    readonly events?: MonitoredEvents<V>;
}

export interface MonitoredEvents<V> {
    readonly relayFunction: MonitoredFunction<V>;
    readonly projectorFunction: MonitoredFunction<V>;
    readonly deadLetterQueueName: V;
    /** The queue the projector reads (infra/components/events.ts): its oldest message is how far the read model lags the bus. */
    readonly projectorQueueName: V;
    /** The app's CloudWatch namespace and the relay's `service` (app/src/metrics.ts RELAY_METRICS). */
    readonly appNamespace: string;
    readonly relayService: string;
}

/** CloudWatch's TreatMissingData values used here. */
export type MissingData = "missing" | "notBreaching" | "breaching";
export type Comparison = "GreaterThanThreshold" | "GreaterThanOrEqualToThreshold" | "LessThanThreshold";

export interface MetricStat<V> {
    readonly metric: MetricRef<V>;
    /** A CloudWatch statistic (`Sum`, `Average`, `Maximum`, `SampleCount`) or percentile (`p90`). */
    readonly stat: string;
    readonly period: number;
}

export type AlarmMetric<V> =
    | { readonly kind: "single"; readonly stat: MetricStat<V> }
    /** Metric math: `expression` over the inputs, keyed by the ids it uses. */
    | { readonly kind: "math"; readonly expression: string; readonly label: string; readonly inputs: Readonly<Record<string, MetricStat<V>>> };

export interface AlarmSpec<V> {
    /** Suffix of the alarm's name: `<project>-<stack>-<key>`; renaming one replaces the alarm. */
    readonly key: string;
    /** What happened and what to do; CloudWatch puts it in every notification. At most 1,024 characters. */
    readonly description: string;
    readonly metric: AlarmMetric<V>;
    readonly comparison: Comparison;
    readonly threshold: number;
    readonly evaluationPeriods: number;
    readonly datapointsToAlarm: number;
    readonly treatMissingData: MissingData;
    /** Where statistic, period and datapoints come from. */
    readonly basis: string;
}

/** AlarmDescription: 0 to 1,024 characters (CloudWatch PutMetricAlarm). */
export const MAX_ALARM_DESCRIPTION = 1024;

const MINUTE = 60;

/**
 * `migrate` runs once per deploy, synchronously, and Lambda does not retry a synchronous invocation: one failed
 * or throttled run is one datapoint of 1. A tolerance above 0 would silence these alarms, so they take none.
 */
export const MIGRATE_TOLERATES = 0;

function stat<V>(key: AwsMetricKey, dimensions: Readonly<Record<string, V>>, statistic: string, period = MINUTE): MetricStat<V> {
    return { metric: metricOf(key, dimensions), stat: statistic, period };
}

const single = <V>(s: MetricStat<V>): AlarmMetric<V> => ({ kind: "single", stat: s });

const round = (n: number) => Math.round(n * 100) / 100;

/** "at least one failure" for a threshold of 0, "more than 3 failures" otherwise: the alarm fires above it. */
const above = (threshold: number, singular: string, plural = `${singular}s`) => (threshold === 0 ? `at least one ${singular}` : `more than ${threshold} ${plural}`);

/** Every alarm of the stack, in the order the dashboard shows them: the API first, then what it depends on. */
export function alarmSpecs<V>(resources: MonitoredResources<V>, t: AlarmThresholds): AlarmSpec<V>[] {
    const api = { ApiId: resources.apiId, Stage: resources.stage };
    const apiFn = { FunctionName: resources.apiFunction.name };
    const migrateFn = { FunctionName: resources.migrateFunction.name };
    const db = { DBInstanceIdentifier: resources.dbInstanceId };
    const proxy = { ProxyName: resources.proxyName };
    const apiDurationMs = round((resources.apiFunction.timeoutSeconds * 1000 * t.lambdaDurationPercent) / 100);
    const migrateDurationMs = round((resources.migrateFunction.timeoutSeconds * 1000 * t.lambdaDurationPercent) / 100);

    return [
        {
            key: "api-5xx-rate",
            description:
                `More than ${t.api5xxPercent}% of requests to the orders API were answered 5xx in each of 3 minutes. API Gateway answers 5xx when the ` +
                "API function fails, times out or is throttled; the app answers 503 when it cannot reach the database. Look at the function and " +
                "database rows of the stack's dashboard, then search the API function's log group for \"Unhandled error\" and \"Database unavailable\". " +
                "A deploy just before the alarm is the first suspect. Threshold: config alarmApi5xxPercent.",
            // 100 x errors / requests: `5xx` summed over requests counted. No request, no datapoint: nothing failed.
            metric: {
                kind: "math",
                expression: "100 * errors / requests",
                label: "5xx, % of requests",
                inputs: { errors: stat("api5xx", api, "Sum"), requests: stat("apiRequests", api, "SampleCount") },
            },
            comparison: "GreaterThanThreshold",
            threshold: t.api5xxPercent,
            evaluationPeriods: 3,
            datapointsToAlarm: 3,
            treatMissingData: "notBreaching",
            basis: `${RECOMMENDED_ALARMS} (API Gateway 5XXError: error rate, 60 s, 3 of 3), with the HTTP API's metric names`,
        },
        {
            key: "api-latency-p90",
            description:
                `The 90th percentile of the orders API's latency was ${t.apiLatencyP90Ms} ms or more in each of 5 minutes. Compare IntegrationLatency ` +
                "on the dashboard: as high means the API function is slow (cold starts, the database, waiting for a pooled connection), much lower " +
                "means the time goes in API Gateway. Then check the function's Duration and the proxy's borrow latency. Threshold: config alarmApiLatencyP90Ms.",
            metric: single(stat("apiLatency", api, "p90")),
            comparison: "GreaterThanOrEqualToThreshold",
            threshold: t.apiLatencyP90Ms,
            evaluationPeriods: 5,
            datapointsToAlarm: 5,
            treatMissingData: "notBreaching",
            basis: `${RECOMMENDED_ALARMS} (API Gateway Latency: p90, 60 s, 5 of 5, GreaterThanOrEqualToThreshold)`,
        },
        {
            key: "api-fn-errors",
            description:
                `The API function had ${above(t.lambdaErrors, "error")} a minute for 3 minutes: exceptions that escaped the handler, timeouts, ` +
                "out-of-memory or a failed start (the 4xx and 5xx answers the app itself chooses are not errors). Search the function's log group for " +
                "ERROR lines and for REPORT lines with \"Status: timeout\"; roll back a deploy that preceded it. Threshold: config alarmLambdaErrors.",
            metric: single(stat("lambdaErrors", apiFn, "Sum")),
            comparison: "GreaterThanThreshold",
            threshold: t.lambdaErrors,
            evaluationPeriods: 3,
            datapointsToAlarm: 3,
            treatMissingData: "notBreaching",
            basis: `${RECOMMENDED_ALARMS} (Lambda Errors: Sum, 60 s, 3 of 3)`,
        },
        {
            key: "api-fn-throttles",
            description:
                `Lambda throttled ${above(t.lambdaThrottles, "invocation")} of the API function a minute for 5 minutes, for lack of concurrency: ` +
                "callers got errors. The function has no reserved concurrency, so the account's concurrency in this Region is used up, by this " +
                "function or others. Check ConcurrentExecutions for the account, then request a higher quota or give the function reserved " +
                "concurrency. Threshold: config alarmLambdaThrottles.",
            metric: single(stat("lambdaThrottles", apiFn, "Sum")),
            comparison: "GreaterThanThreshold",
            threshold: t.lambdaThrottles,
            evaluationPeriods: 5,
            datapointsToAlarm: 5,
            treatMissingData: "notBreaching",
            basis: `${RECOMMENDED_ALARMS} (Lambda Throttles: Sum, 60 s, 5 of 5)`,
        },
        {
            key: "api-fn-duration",
            description:
                `The API function's p90 duration stayed above ${apiDurationMs} ms (${t.lambdaDurationPercent}% of its ${resources.apiFunction.timeoutSeconds} s ` +
                "timeout) for 15 minutes: requests are close to timing out. Check the proxy's borrow latency and the database's CPU on the dashboard, " +
                "then the slowquery log. Raise lambdaTimeoutSeconds only if the work is slow by nature. Threshold: config alarmLambdaDurationPercent.",
            metric: single(stat("lambdaDuration", apiFn, "p90")),
            comparison: "GreaterThanThreshold",
            threshold: apiDurationMs,
            evaluationPeriods: 15,
            datapointsToAlarm: 15,
            treatMissingData: "notBreaching",
            basis: `${RECOMMENDED_ALARMS} (Lambda Duration: p90, 60 s, 15 of 15; threshold below the timeout)`,
        },
        {
            key: "migrate-failed",
            description:
                "The migrate function failed. It runs during pulumi up when migrations, its code or the app login changed, so that deploy failed as " +
                "well: its error is in the pulumi up output and in the migrate function's log group. Fix the migration or the database access and run " +
                "pulumi up again; applied migrations are recorded and skipped. Threshold: any failure (not configurable: one run per deploy).",
            // One run per deploy: a single failed minute is the incident, so 1 of 1.
            metric: single(stat("lambdaErrors", migrateFn, "Sum")),
            comparison: "GreaterThanThreshold",
            threshold: MIGRATE_TOLERATES,
            evaluationPeriods: 1,
            datapointsToAlarm: 1,
            treatMissingData: "notBreaching",
            basis: `${RECOMMENDED_ALARMS} (Lambda Errors: Sum, 60 s), 1 of 1 because migrate runs once per deploy`,
        },
        {
            key: "migrate-fn-throttles",
            description:
                "Lambda throttled the migrate function for lack of concurrency in the account: the deploy that invoked it failed. Check the " +
                "account's ConcurrentExecutions and run pulumi up again once concurrency is free. Threshold: any throttle (not configurable: one " +
                "run per deploy).",
            metric: single(stat("lambdaThrottles", migrateFn, "Sum")),
            comparison: "GreaterThanThreshold",
            threshold: MIGRATE_TOLERATES,
            evaluationPeriods: 1,
            datapointsToAlarm: 1,
            treatMissingData: "notBreaching",
            basis: `${RECOMMENDED_ALARMS} (Lambda Throttles: Sum, 60 s), 1 of 1 because migrate runs once per deploy`,
        },
        {
            key: "migrate-fn-duration",
            description:
                `A migrate run took longer than ${migrateDurationMs} ms (${t.lambdaDurationPercent}% of its ${resources.migrateFunction.timeoutSeconds} s ` +
                "timeout): the next, larger migration may time out and fail its deploy. Look in the migrate function's log group for a long ALTER TABLE " +
                "or a wait on the migrations lock; split the migration or run it in a quiet hour. Threshold: config alarmLambdaDurationPercent.",
            // One run per deploy: the longest run is the one that matters, not a percentile of one sample.
            metric: single(stat("lambdaDuration", migrateFn, "Maximum")),
            comparison: "GreaterThanThreshold",
            threshold: migrateDurationMs,
            evaluationPeriods: 1,
            datapointsToAlarm: 1,
            treatMissingData: "notBreaching",
            basis: `${RECOMMENDED_ALARMS} (Lambda Duration, threshold below the timeout), Maximum and 1 of 1 because migrate runs once per deploy`,
        },
        {
            key: "proxy-pinned-connections",
            description:
                `RDS Proxy reports ${above(t.proxyPinnedConnections, "database connection")} pinned to a client session. The app promises never to ` +
                "pin (no SET, server-side prepared statements, temporary tables or locks: app/src/db/connection.ts), so a change broke that promise or " +
                "another client uses the proxy. Pinned connections are not shared, so the pool drains. Turn the proxy's debug logging on briefly to see " +
                "which statement pinned, and fix it. Threshold: config alarmProxyPinnedConnections.",
            metric: single(stat("proxyPinnedConnections", proxy, "Sum")),
            comparison: "GreaterThanThreshold",
            threshold: t.proxyPinnedConnections,
            evaluationPeriods: 1,
            datapointsToAlarm: 1,
            treatMissingData: "notBreaching",
            basis: "RDS Proxy metrics page: Sum (most useful), reported every minute; 1 of 1 because any pinning breaks a promise",
        },
        {
            key: "proxy-failed-auth",
            description:
                `RDS Proxy refused ${above(t.proxyFailedAuth, "client login")} in 5 minutes (an IAM token or password it did not accept, ` +
                "or no TLS). In IAM mode check the API role's rds-db:connect grant on the proxy's prx- resource id and that the function signs tokens " +
                "for the proxy endpoint and the app user; in secret mode check the app secret. The API function's log group has the driver's error. " +
                "Threshold: config alarmProxyFailedAuth.",
            // Connections are opened once per container: failures are sparse, so they are summed over 5 minutes.
            metric: single(stat("proxyFailedAuth", proxy, "Sum", 5 * MINUTE)),
            comparison: "GreaterThanThreshold",
            threshold: t.proxyFailedAuth,
            evaluationPeriods: 1,
            datapointsToAlarm: 1,
            treatMissingData: "notBreaching",
            basis: "RDS Proxy metrics page: Sum (most useful), 1 minute and above; 5 minutes, 1 of 1",
        },
        {
            key: "proxy-borrow-latency",
            description:
                `Borrowing a database connection from RDS Proxy took more than ${t.proxyBorrowLatencyMs} ms on average for 5 minutes: the pool is used ` +
                "up or opening database connections is slow. Check the proxy connections and pinning alarms and the database's CPU; raise " +
                "proxyMaxConnectionsPercent or the instance class. Threshold: config alarmProxyBorrowLatencyMs.",
            metric: single(stat("proxyBorrowLatency", proxy, "Average")),
            comparison: "GreaterThanThreshold",
            // The metric is in microseconds.
            threshold: t.proxyBorrowLatencyMs * 1000,
            evaluationPeriods: 5,
            datapointsToAlarm: 5,
            treatMissingData: "notBreaching",
            basis: "RDS Proxy metrics page: Average (most useful), microseconds, 1 minute and above; 5 of 5 as AWS recommends for latency elsewhere",
        },
        {
            key: "proxy-connections-near-max",
            description:
                `RDS Proxy has held more than ${t.proxyConnectionsPercent}% of the database connections it may open (MaxDatabaseConnectionsAllowed: ` +
                "proxyMaxConnectionsPercent of max_connections) for 5 minutes. Clients will soon wait up to proxyConnectionBorrowTimeoutSeconds for a " +
                "connection, then fail. Look for long transactions and pinning; raise proxyMaxConnectionsPercent or the instance class. Threshold: " +
                "config alarmProxyConnectionsPercent.",
            // Both are gauges per proxy node: their one-minute Sums add the nodes up, so the ratio is the proxy's.
            metric: {
                kind: "math",
                expression: "100 * connections / allowed",
                label: "proxy database connections, % of allowed",
                inputs: { connections: stat("proxyDbConnections", proxy, "Sum"), allowed: stat("proxyMaxDbConnections", proxy, "Sum") },
            },
            comparison: "GreaterThanThreshold",
            threshold: t.proxyConnectionsPercent,
            evaluationPeriods: 5,
            datapointsToAlarm: 5,
            treatMissingData: "notBreaching",
            basis: "RDS Proxy metrics page: Sum (most useful), reported every minute; 5 of 5 as AWS recommends for RDS DatabaseConnections",
        },
        {
            key: "db-cpu",
            description:
                `The database instance's CPU stayed above ${t.dbCpuPercent}% for 5 minutes: statements queue and API latency rises. Find the statements ` +
                "responsible (Performance Insights where on, the slowquery log), then add an index or choose a larger dbInstanceClass. On burstable " +
                "classes (db.t4g) check CPUCreditBalance too: at zero the instance runs at its baseline. Threshold: config alarmDbCpuPercent.",
            metric: single(stat("dbCpu", db, "Average")),
            comparison: "GreaterThanThreshold",
            threshold: t.dbCpuPercent,
            evaluationPeriods: 5,
            datapointsToAlarm: 5,
            treatMissingData: "missing",
            basis: `${RECOMMENDED_ALARMS} (RDS CPUUtilization: Average, 60 s, 5 of 5, 90%)`,
        },
        {
            key: "db-freeable-memory",
            description:
                `The database instance had less than ${t.dbFreeableMemoryMb} MiB of freeable memory for 15 minutes: MySQL may swap or refuse connections. ` +
                "Check DatabaseConnections (each connection holds buffers) and SwapUsage, then choose a larger dbInstanceClass, which also raises " +
                "max_connections. Threshold: config alarmDbFreeableMemoryMb.",
            metric: single(stat("dbFreeableMemory", db, "Average")),
            comparison: "LessThanThreshold",
            threshold: t.dbFreeableMemoryMb * 1024 * 1024,
            evaluationPeriods: 15,
            datapointsToAlarm: 15,
            treatMissingData: "missing",
            basis: `${RECOMMENDED_ALARMS} (RDS FreeableMemory: Average, 60 s, 15 of 15, about 25% of memory)`,
        },
        {
            key: "db-free-storage",
            description:
                `Free storage on the database instance stayed below ${t.dbFreeStorageGb} GiB for 5 minutes. Storage autoscaling grows the volume once 10% ` +
                "is left, so it could not: it reached dbMaxAllocatedStorageGb, or the last storage change was less than six hours ago. Raise " +
                "dbMaxAllocatedStorageGb or free space (a runaway table, binary logs). With no space left MySQL stops accepting writes. Threshold: " +
                "config alarmDbFreeStorageGb.",
            metric: single(stat("dbFreeStorage", db, "Average")),
            comparison: "LessThanThreshold",
            threshold: t.dbFreeStorageGb * 1024 * 1024 * 1024,
            evaluationPeriods: 5,
            datapointsToAlarm: 5,
            treatMissingData: "missing",
            basis: `${RECOMMENDED_ALARMS} (RDS FreeStorageSpace: Average, 60 s, 5 of 5), set below storage autoscaling's 10% trigger`,
        },
        {
            key: "db-connections",
            description:
                `More than ${t.dbConnections} connections were open on the database instance for 5 minutes, close to its max_connections (which RDS sets ` +
                "from instance memory): new connections will be refused. The proxy opens at most proxyMaxConnectionsPercent of max_connections, so the " +
                "rest come from elsewhere (migrate, admin sessions, a client bypassing the proxy): find them with SHOW PROCESSLIST. Threshold: config " +
                "alarmDbConnections.",
            metric: single(stat("dbConnections", db, "Average")),
            comparison: "GreaterThanThreshold",
            threshold: t.dbConnections,
            evaluationPeriods: 5,
            datapointsToAlarm: 5,
            treatMissingData: "missing",
            basis: `${RECOMMENDED_ALARMS} (RDS DatabaseConnections: Average, 60 s, 5 of 5, 90-95% of max_connections)`,
        },
        ...(resources.events === undefined ? [] : eventAlarmSpecs(resources.events, t)),
    ];
}

/** How old, in seconds, the oldest unpublished event may get before `relay-backlog` counts a minute as late: 15 × the 2 s lag goal. */
export const RELAY_LATE_SECONDS = 30;

/** How old, in seconds, the oldest message in the projector's queue may get before `projector-backlog` counts a minute. */
export const PROJECTOR_LATE_SECONDS = 60;

/** The events pipeline's alarms: the relay stalled or failing, events parked, deliveries the consumer gave up on. */
export function eventAlarmSpecs<V>(events: MonitoredEvents<V>, t: AlarmThresholds): AlarmSpec<V>[] {
    const relayFn = { FunctionName: events.relayFunction.name };
    const projectorFn = { FunctionName: events.projectorFunction.name };
    const relayMetric = (name: string, statistic: string): MetricStat<V> => ({
        metric: appMetricOf(events.appNamespace, name, events.relayService as unknown as V),
        stat: statistic,
        period: MINUTE,
    });
    return [
        {
            key: "relay-fn-errors",
            description:
                "The relay failed in 3 runs in a row (it runs every minute): it could not start, reach the database through the proxy, or keep its " +
                "lease, so no event reaches the bus and GET /orders falls behind. Search the relay function's log group for ERROR lines. Events are " +
                "not lost: the next successful run publishes from its checkpoint. Threshold: any failed run (not configurable).",
            metric: single(stat("lambdaErrors", relayFn, "Sum")),
            comparison: "GreaterThanThreshold",
            threshold: 0,
            evaluationPeriods: 3,
            datapointsToAlarm: 3,
            treatMissingData: "notBreaching",
            basis: `${RECOMMENDED_ALARMS} (Lambda Errors: Sum, 60 s, 3 of 3), threshold 0 because the relay runs once a minute`,
        },
        {
            key: "relay-not-running",
            description:
                "The relay was not invoked for 5 minutes although EventBridge Scheduler should start it every minute: the schedule is disabled or " +
                "deleted, its role cannot invoke the function, or Lambda throttles it. Check the schedule and its role in the EventBridge Scheduler " +
                "console and the function's Throttles. Until it runs again, nothing reaches the bus. Threshold: not configurable.",
            metric: single(stat("lambdaInvocations", relayFn, "Sum")),
            comparison: "LessThanThreshold",
            threshold: 1,
            evaluationPeriods: 5,
            datapointsToAlarm: 5,
            // No invocation, no datapoint: missing is exactly what this alarm is about.
            treatMissingData: "breaching",
            basis: "Lambda Invocations (Sum, 60 s) against the schedule's rate of one a minute; 5 of 5 so that a slow minute does not page",
        },
        {
            key: "relay-backlog",
            description:
                `Events have waited more than ${RELAY_LATE_SECONDS} s to be published in 3 of the last 5 minutes (OldestUnpublishedAge, the age of ` +
                "the oldest event a relay run found unpublished; under 2 s when it keeps up): the bus keeps refusing entries (the relay logs " +
                "\"PutEvents kept failing\" with the error code), or more events arrive than the relay publishes. Check the relay's log group, the " +
                "EventBridge interface endpoint and its policy, and PutEvents throttling. GET /orders lags as much. Threshold: not configurable.",
            metric: single(relayMetric(RELAY_METRICS.oldestUnpublishedAge, "Maximum")),
            comparison: "GreaterThanThreshold",
            threshold: RELAY_LATE_SECONDS,
            evaluationPeriods: 5,
            datapointsToAlarm: 3,
            treatMissingData: "notBreaching",
            basis: "The relay's own metric (app/src/metrics.ts), one datapoint per run (a run lasts about a minute); 3 of 5 so that one slow hand-over or burst does not page",
        },
        {
            key: "events-parked",
            description:
                "The relay parked at least one event it cannot publish (a row that is not a valid event, or one larger than EventBridge accepts) and " +
                "went on without it: consumers and the read model miss it. Find it in the database (SELECT * FROM parked_events ORDER BY parked_at " +
                "DESC) and in the relay's log (\"Parked an event\", with its position); repair the data, then publish or rebuild. Threshold: any parked event.",
            metric: single(relayMetric(RELAY_METRICS.eventsParked, "Sum")),
            comparison: "GreaterThanThreshold",
            threshold: 0,
            evaluationPeriods: 1,
            datapointsToAlarm: 1,
            treatMissingData: "notBreaching",
            basis: "The relay's own metric (app/src/metrics.ts); 1 of 1 because every parked event needs a person",
        },
        {
            key: "projector-fn-errors",
            description:
                `The projector had ${above(t.lambdaErrors, "error")} a minute for 3 minutes: it could not start or read its queue's batches (database ` +
                "unreachable, or configuration). SQS delivers each message again, and after five receives it lands in the dead-letter queue. Search " +
                "the projector's log group for ERROR lines. Threshold: config alarmLambdaErrors.",
            metric: single(stat("lambdaErrors", projectorFn, "Sum")),
            comparison: "GreaterThanThreshold",
            threshold: t.lambdaErrors,
            evaluationPeriods: 3,
            datapointsToAlarm: 3,
            treatMissingData: "notBreaching",
            basis: `${RECOMMENDED_ALARMS} (Lambda Errors: Sum, 60 s, 3 of 3)`,
        },
        {
            key: "projector-backlog",
            description:
                `The projector's queue has held an event for more than ${PROJECTOR_LATE_SECONDS} s for 5 minutes (ApproximateAgeOfOldestMessage): the ` +
                "read model behind GET /orders lags the bus by that much. Expected for a while during a replay of a large backlog (the queue runs " +
                "at most 5 projector instances); otherwise the projector is failing its batches (search its log group for \"Could not apply\") or " +
                "Lambda throttles it (check its Throttles and the account's concurrency). Threshold: not configurable.",
            metric: single(stat("sqsOldestMessageAge", { QueueName: events.projectorQueueName }, "Maximum")),
            comparison: "GreaterThanThreshold",
            threshold: PROJECTOR_LATE_SECONDS,
            evaluationPeriods: 5,
            datapointsToAlarm: 5,
            treatMissingData: "notBreaching",
            basis: "SQS metrics page: ApproximateAgeOfOldestMessage (QueueName), Maximum over 60 s; 5 of 5 so that a short replay does not page",
        },
        {
            key: "events-dead-letters",
            description:
                "Events the read model never received are in the consumer's dead-letter queue: EventBridge could not deliver them to the projector's " +
                "queue, or the projector failed them five times (the queue's redrive). Read a message to see why (EventBridge adds ERROR_CODE and " +
                "ERROR_MESSAGE attributes; a redriven message is the event itself: search the projector's log for its messageId), fix the cause, then " +
                "rebuild the read model (migrate with {\"rebuildReadModel\": true}) and purge the queue. Threshold: any message.",
            metric: single(stat("sqsMessagesVisible", { QueueName: events.deadLetterQueueName }, "Maximum")),
            comparison: "GreaterThanThreshold",
            threshold: 0,
            evaluationPeriods: 1,
            datapointsToAlarm: 1,
            treatMissingData: "notBreaching",
            basis: "SQS metrics page: ApproximateNumberOfMessagesVisible (QueueName), Maximum over 60 s; 1 of 1 because every dead letter is an event the read model lacks",
        },
    ];
}

