/**
 * The CloudWatch metrics the blueprint alarms on and charts, as AWS documents them: namespace, name, every
 * dimension set the service publishes the metric with, unit, and the statistic AWS says to use. Each entry
 * names the page it was checked against (docs/observability.md has the full table and the date). Alarms
 * (`alarms.ts`) and the dashboard (`dashboard.ts`) take their metrics from here only, and `metricOf` refuses
 * a dimension set the entry does not list, so a misspelt metric or dimension fails the plan, not the pager.
 */

/** When the entries below were last checked against their sources. */
export const METRICS_CHECKED_ON = "2026-11-22";

export interface AwsMetric {
    readonly namespace: string;
    readonly name: string;
    /** Each dimension set AWS publishes the metric with; a query must use exactly one of them. */
    readonly dimensionSets: readonly (readonly string[])[];
    readonly unit: "Count" | "Seconds" | "Milliseconds" | "Microseconds" | "Percent" | "Bytes";
    /** The statistic(s) AWS calls most useful for it, or recommends in its alarm. */
    readonly statistics: readonly string[];
    /** The page that documents the name, dimensions and statistic. */
    readonly source: string;
}

const HTTP_API = "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-metrics.html";
const LAMBDA = "https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html";
const RDS = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-metrics.html";
const RDS_PROXY = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-proxy.monitoring.html";
const SQS = "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-available-cloudwatch-metrics.html";

// HTTP APIs publish `4xx`/`5xx`, not the REST API's `4XXError`/`5XXError`, and are identified by ApiId, not
// ApiName (aws/aws-cdk#14503 shipped the REST names for HTTP APIs and charted nothing). The third set,
// ApiId + Stage + Route, exists only with detailed metrics on.
const HTTP_API_DIMENSIONS = [["ApiId"], ["ApiId", "Stage"], ["ApiId", "Stage", "Route"]] as const;
const LAMBDA_DIMENSIONS = [["FunctionName"], ["FunctionName", "Resource"], ["FunctionName", "ExecutedVersion"]] as const;
const RDS_INSTANCE = [["DBInstanceIdentifier"]] as const;
// RDS Proxy dimension sets: 1 ProxyName; 2 ProxyName, EndpointName; 3 ProxyName, TargetGroup, Target;
// 4 ProxyName, TargetGroup, TargetRole. Metrics differ in which sets they have (see each entry).
const PROXY_SET_1 = ["ProxyName"] as const;
const PROXY_SET_2 = ["ProxyName", "EndpointName"] as const;
const PROXY_SET_3 = ["ProxyName", "TargetGroup", "Target"] as const;
const PROXY_SET_4 = ["ProxyName", "TargetGroup", "TargetRole"] as const;

export const AWS_METRICS = {
    apiRequests: { namespace: "AWS/ApiGateway", name: "Count", dimensionSets: HTTP_API_DIMENSIONS, unit: "Count", statistics: ["SampleCount", "Sum"], source: HTTP_API },
    api5xx: { namespace: "AWS/ApiGateway", name: "5xx", dimensionSets: HTTP_API_DIMENSIONS, unit: "Count", statistics: ["Sum", "Average"], source: HTTP_API },
    api4xx: { namespace: "AWS/ApiGateway", name: "4xx", dimensionSets: HTTP_API_DIMENSIONS, unit: "Count", statistics: ["Sum", "Average"], source: HTTP_API },
    apiLatency: { namespace: "AWS/ApiGateway", name: "Latency", dimensionSets: HTTP_API_DIMENSIONS, unit: "Milliseconds", statistics: ["p90"], source: HTTP_API },
    apiIntegrationLatency: { namespace: "AWS/ApiGateway", name: "IntegrationLatency", dimensionSets: HTTP_API_DIMENSIONS, unit: "Milliseconds", statistics: ["p90"], source: HTTP_API },

    lambdaInvocations: { namespace: "AWS/Lambda", name: "Invocations", dimensionSets: LAMBDA_DIMENSIONS, unit: "Count", statistics: ["Sum"], source: LAMBDA },
    lambdaErrors: { namespace: "AWS/Lambda", name: "Errors", dimensionSets: LAMBDA_DIMENSIONS, unit: "Count", statistics: ["Sum"], source: LAMBDA },
    lambdaThrottles: { namespace: "AWS/Lambda", name: "Throttles", dimensionSets: LAMBDA_DIMENSIONS, unit: "Count", statistics: ["Sum"], source: LAMBDA },
    lambdaDuration: { namespace: "AWS/Lambda", name: "Duration", dimensionSets: LAMBDA_DIMENSIONS, unit: "Milliseconds", statistics: ["p90", "Maximum", "Average"], source: LAMBDA },

    dbCpu: { namespace: "AWS/RDS", name: "CPUUtilization", dimensionSets: RDS_INSTANCE, unit: "Percent", statistics: ["Average"], source: RDS },
    dbFreeableMemory: { namespace: "AWS/RDS", name: "FreeableMemory", dimensionSets: RDS_INSTANCE, unit: "Bytes", statistics: ["Average"], source: RDS },
    dbFreeStorage: { namespace: "AWS/RDS", name: "FreeStorageSpace", dimensionSets: RDS_INSTANCE, unit: "Bytes", statistics: ["Average"], source: RDS },
    dbConnections: { namespace: "AWS/RDS", name: "DatabaseConnections", dimensionSets: RDS_INSTANCE, unit: "Count", statistics: ["Average"], source: RDS },

    // Published per proxy node: with ProxyName alone, `Sum` over one minute adds the nodes up (AWS names Sum the
    // most useful statistic for these gauges), so they are read at a 60-second period only.
    proxyPinnedConnections: { namespace: "AWS/RDS", name: "DatabaseConnectionsCurrentlySessionPinned", dimensionSets: [PROXY_SET_1, PROXY_SET_3, PROXY_SET_4], unit: "Count", statistics: ["Sum"], source: RDS_PROXY },
    proxyFailedAuth: { namespace: "AWS/RDS", name: "ClientConnectionsSetupFailedAuth", dimensionSets: [PROXY_SET_1, PROXY_SET_2], unit: "Count", statistics: ["Sum"], source: RDS_PROXY },
    proxyBorrowLatency: { namespace: "AWS/RDS", name: "DatabaseConnectionsBorrowLatency", dimensionSets: [PROXY_SET_1, PROXY_SET_2], unit: "Microseconds", statistics: ["Average"], source: RDS_PROXY },
    proxyDbConnections: { namespace: "AWS/RDS", name: "DatabaseConnections", dimensionSets: [PROXY_SET_1, PROXY_SET_3, PROXY_SET_4], unit: "Count", statistics: ["Sum"], source: RDS_PROXY },
    proxyMaxDbConnections: { namespace: "AWS/RDS", name: "MaxDatabaseConnectionsAllowed", dimensionSets: [PROXY_SET_1, PROXY_SET_3, PROXY_SET_4], unit: "Count", statistics: ["Sum"], source: RDS_PROXY },
    proxyClientConnections: { namespace: "AWS/RDS", name: "ClientConnections", dimensionSets: [PROXY_SET_1, PROXY_SET_2], unit: "Count", statistics: ["Sum"], source: RDS_PROXY },
    // The dead-letter queue of the events consumer. An approximate gauge, reported every minute while the queue is active.
    sqsMessagesVisible: { namespace: "AWS/SQS", name: "ApproximateNumberOfMessagesVisible", dimensionSets: [["QueueName"]], unit: "Count", statistics: ["Maximum"], source: SQS },
    sqsOldestMessageAge: { namespace: "AWS/SQS", name: "ApproximateAgeOfOldestMessage", dimensionSets: [["QueueName"]], unit: "Seconds", statistics: ["Maximum"], source: SQS },
} as const satisfies Record<string, AwsMetric>;

export type AwsMetricKey = keyof typeof AWS_METRICS;

/** One metric with its dimension values, ready for an alarm or a dashboard widget. */
export interface MetricRef<V> {
    readonly namespace: string;
    readonly name: string;
    readonly dimensions: Readonly<Record<string, V>>;
    readonly unit: string;
}

/**
 * The metric `key` with `dimensions`, which must be exactly one of the dimension sets AWS publishes it with:
 * CloudWatch matches dimensions exactly, so a query with one dimension too many or too few finds no data,
 * and an alarm on it never fires.
 */
export function metricOf<V>(key: AwsMetricKey, dimensions: Readonly<Record<string, V>>): MetricRef<V> {
    const metric: AwsMetric = AWS_METRICS[key];
    const names = Object.keys(dimensions).sort();
    if (!metric.dimensionSets.some((set) => set.length === names.length && [...set].sort().every((d, i) => d === names[i]))) {
        throw new Error(
            `${metric.namespace} ${metric.name} is not published with the dimensions [${names.join(", ")}]; ` +
                `AWS documents ${metric.dimensionSets.map((s) => `[${s.join(", ")}]`).join(", ")} (${metric.source})`,
        );
    }
    return { namespace: metric.namespace, name: metric.name, dimensions, unit: metric.unit };
}

/**
 * The app's own metrics, written by the API function as CloudWatch embedded metric format through its log
 * group (app/src/metrics.ts). Namespace: the stack's `<project>-<stack>`; one dimension, `service`, set to
 * POWERTOOLS_SERVICE_NAME; `CommandsRefused` also carries `OrderStatus` (open, confirmed or cancelled).
 */
export const APP_METRIC_DIMENSIONS = { service: "service", orderStatus: "OrderStatus" } as const;

/**
 * One of the app's own metrics (EMF, no AWS documentation to check it against): the namespace and names come from
 * app/src/metrics.ts, and the only dimension is `service`, as Powertools writes it.
 */
export function appMetricOf<V>(namespace: string, name: string, service: V): MetricRef<V> {
    return { namespace, name, dimensions: { [APP_METRIC_DIMENSIONS.service]: service }, unit: "Count" };
}
