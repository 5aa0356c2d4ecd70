/**
 * The price table behind `npm run cost`: on-demand list prices in USD, per region, each with the page it
 * comes from, the date it was checked and what the page showed (or why it could not be confirmed there).
 * Data only; tools/cost/estimate.ts applies it to a plan, docs/costs.md is generated from it.
 *
 * AWS's own pricing pages render their tables with scripts, so a stored copy of the page often lacks the
 * number: `confirmed` is true only where a page read on {@link PRICE_DATE} showed it (AWS's page, or a dated
 * third-party summary of it, named in `evidence`). Unconfirmed prices are printed as such.
 */

/** When every price below was last checked. */
export const PRICE_DATE = "2026-11-22";

/** AWS bills hourly resources for 730 hours in a month (8,760 / 12), as its pricing examples do. */
export const HOURS_PER_MONTH = 730;

export interface Price {
    readonly usd: number;
    /** One unit: "instance-hour", "GB-month", "1M requests". */
    readonly per: string;
    /** The AWS pricing page for this price. */
    readonly source: string;
    readonly confirmed: boolean;
    /** What the page read on PRICE_DATE showed, or why the number is not confirmed. */
    readonly evidence: string;
}

export const SOURCES = {
    rdsMysql: "https://aws.amazon.com/rds/mysql/pricing/",
    rdsMultiAz: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_OnDemandDBInstances.html",
    rdsClasses: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.DBInstanceClass.Summary.html",
    rdsProxy: "https://aws.amazon.com/rds/proxy/pricing/",
    performanceInsights: "https://aws.amazon.com/rds/performance-insights/pricing/",
    privateLink: "https://aws.amazon.com/privatelink/pricing/",
    kms: "https://aws.amazon.com/kms/pricing/",
    secretsManager: "https://aws.amazon.com/secrets-manager/pricing/",
    cloudWatch: "https://aws.amazon.com/cloudwatch/pricing/",
    sns: "https://aws.amazon.com/sns/pricing/",
    lambda: "https://aws.amazon.com/lambda/pricing/",
    apiGateway: "https://aws.amazon.com/api-gateway/pricing/",
    eventBridge: "https://aws.amazon.com/eventbridge/pricing/",
    sqs: "https://aws.amazon.com/sqs/pricing/",
} as const;

export interface RegionPrices {
    /** RDS for MySQL, single-AZ, on-demand, per instance class. A class missing here is reported as not priced. */
    readonly rdsInstanceHour: Readonly<Record<string, Price>>;
    readonly rdsGp3GbMonth: Price;
    /** Automated backups beyond 100% of the provisioned storage (that much is free). */
    readonly rdsBackupGbMonth: Price;
    readonly rdsProxyVcpuHour: Price;
    readonly interfaceEndpointAzHour: Price;
    readonly interfaceEndpointGb: Price;
    readonly kmsKeyMonth: Price;
    readonly kmsRequests10k: Price;
    readonly secretMonth: Price;
    readonly secretsApiCalls10k: Price;
    readonly alarmMetricMonth: Price;
    readonly highResolutionAlarmMetricMonth: Price;
    readonly compositeAlarmMonth: Price;
    readonly dashboardMonth: Price;
    /** A custom metric (one name and dimension set), such as the app's EMF metrics, first 10,000. */
    readonly customMetricMonth: Price;
    readonly snsRequestsMillion: Price;
    readonly lambdaRequestsMillion: Price;
    /** Custom events published to an event bus (PutEvents), per 64 KB chunk of each entry. */
    readonly eventBridgeCustomEventsMillion: Price;
    /** EventBridge Scheduler invocations (the first 14 million a month are free). */
    readonly schedulerInvocationsMillion: Price;
    /** SQS standard queue requests (the first million a month are free). */
    readonly sqsRequestsMillion: Price;
    readonly lambdaArmGbSecond: Price;
    readonly httpApiRequestsMillion: Price;
    /** Standard-class ingestion: API Gateway access logs, RDS log exports. */
    readonly logsIngestionGb: Price;
    /** Vended logs delivered to CloudWatch Logs (Lambda function logs, VPC flow logs), first tier (10 TB). */
    readonly vendedLogsIngestionGb: Price;
    readonly logsStorageGbMonth: Price;
}

export type PricedRegion = "us-east-1" | "eu-west-1";

/** Prices for a region that is not in the table: us-east-1's, with a warning (see estimate.ts). */
export const FALLBACK_REGION: PricedRegion = "us-east-1";

const confirmed = (usd: number, per: string, source: string, evidence: string): Price => ({ usd, per, source, confirmed: true, evidence });
const unconfirmed = (usd: number, per: string, source: string, evidence: string): Price => ({ usd, per, source, confirmed: false, evidence });

const SCRIPT_RENDERED = "AWS's page renders its tables with scripts; no stored copy showed this region's number";

const US_EAST_1: RegionPrices = {
    rdsInstanceHour: {
        "db.t4g.micro": confirmed(0.016, "instance-hour", SOURCES.rdsMysql, "$0.016/h single-AZ, $0.032 Multi-AZ (infratally.com, RDS pricing explained 2026, us-east-1 table)"),
        "db.t4g.small": confirmed(0.032, "instance-hour", SOURCES.rdsMysql, "$0.032/h single-AZ, $0.064 Multi-AZ (infratally.com, RDS pricing explained 2026)"),
        "db.t4g.medium": confirmed(0.065, "instance-hour", SOURCES.rdsMysql, "$0.065/h single-AZ, $0.130 Multi-AZ (infratally.com, RDS pricing explained 2026)"),
        "db.t4g.large": unconfirmed(0.129, "instance-hour", SOURCES.rdsMysql, `not confirmed: ${SCRIPT_RENDERED}; twice db.t4g.medium, as the family's other sizes are`),
    },
    rdsGp3GbMonth: confirmed(0.115, "GB-month", SOURCES.rdsMysql, "$0.115 per GB-month gp3, 3,000 IOPS and 125 MB/s included (usage.ai RDS pricing calculator, June 2026; infratally.com 2026)"),
    rdsBackupGbMonth: confirmed(0.095, "GB-month", SOURCES.rdsMysql, "~$0.095 per GB-month above 100% of provisioned storage (usage.ai, June 2026)"),
    rdsProxyVcpuHour: unconfirmed(0.015, "vCPU-hour", SOURCES.rdsProxy, `not confirmed: ${SCRIPT_RENDERED}; the per-vCPU model is confirmed (AWS launch text: "you pay per vCPU of the database instance for which the proxy is enabled")`),
    interfaceEndpointAzHour: confirmed(0.01, "endpoint AZ-hour", SOURCES.privateLink, "$0.01/hour per interface endpoint per AZ (awsnegotiations.com PrivateLink cost analysis, May 2026; c3x.dev); billed per AZ-hour per AWS's page"),
    interfaceEndpointGb: confirmed(0.01, "GB processed", SOURCES.privateLink, "$0.01 per GB for the first PB a month in a region (copy of AWS's PrivateLink pricing page)"),
    kmsKeyMonth: confirmed(1, "key-month", SOURCES.kms, "AWS's page: each KMS key costs $1/month; with automatic rotation each newly generated backing key adds $1/month (capped at the second rotation since May 2024, cloudburn.io 2026)"),
    kmsRequests10k: confirmed(0.03, "10,000 requests", SOURCES.kms, "$0.03 per 10,000 symmetric requests after 20,000 free a month (wring.co, March 2026; free tier on AWS's page)"),
    secretMonth: confirmed(0.4, "secret-month", SOURCES.secretsManager, "$0.40 per secret per month (hivebook.wiki Secrets Manager overview)"),
    secretsApiCalls10k: confirmed(0.05, "10,000 API calls", SOURCES.secretsManager, "$0.05 per 10,000 API calls (hivebook.wiki Secrets Manager overview)"),
    alarmMetricMonth: confirmed(0.1, "alarm metric-month", SOURCES.cloudWatch, "$0.10 per standard-resolution alarm metric a month (c3x.dev aws_cloudwatch_metric_alarm); 10 alarm metrics free (AWS's page)"),
    highResolutionAlarmMetricMonth: confirmed(0.3, "alarm metric-month", SOURCES.cloudWatch, "$0.30 per high-resolution (10 s) alarm metric a month (c3x.dev)"),
    compositeAlarmMonth: confirmed(0.5, "alarm-month", SOURCES.cloudWatch, "$0.50 per composite alarm a month (c3x.dev)"),
    dashboardMonth: confirmed(3, "dashboard-month", SOURCES.cloudWatch, "$3 per dashboard a month (factualminds.com CloudWatch pricing, June 2026); 3 dashboards of up to 50 metrics free (AWS's page)"),
    customMetricMonth: confirmed(0.3, "metric-month", SOURCES.cloudWatch, "$0.30 per custom metric a month for the first 10,000; each name and dimension-value combination is one metric (signoz.io CloudWatch pricing, Feb 2026)"),
    snsRequestsMillion: confirmed(0.5, "1M publishes", SOURCES.sns, "$0.50 per million standard-topic publishes after 1M free; email deliveries $2 per 100,000 (factualminds.com SNS pricing, June 2026)"),
    lambdaRequestsMillion: unconfirmed(0.2, "1M requests", SOURCES.lambda, "not confirmed: no stored page this session showed the request price; $0.20 per million is the long-published rate"),
    eventBridgeCustomEventsMillion: unconfirmed(1.0, "1M custom events", SOURCES.eventBridge, `not confirmed: ${SCRIPT_RENDERED}; $1.00 per million custom events is the long-published rate`),
    schedulerInvocationsMillion: unconfirmed(1.0, "1M invocations", SOURCES.eventBridge, `not confirmed: ${SCRIPT_RENDERED}; $1.00 per million after 14 million free a month is the published Scheduler rate`),
    sqsRequestsMillion: unconfirmed(0.4, "1M requests", SOURCES.sqs, `not confirmed: ${SCRIPT_RENDERED}; $0.40 per million standard-queue requests after the first million is the long-published rate`),
    lambdaArmGbSecond: confirmed(0.0000133334, "GB-second", SOURCES.lambda, "Arm: $0.0000133334 per GB-second for the first 7.5 billion GB-s a month (cloudchipr.com Lambda pricing, us-east-1)"),
    httpApiRequestsMillion: confirmed(1, "1M requests", SOURCES.apiGateway, "HTTP APIs: $1.00 per million for the first 300 million, metered in 512 KB increments (AWS whitepaper, API Gateway private APIs, cost optimization)"),
    logsIngestionGb: confirmed(0.5, "GB ingested", SOURCES.cloudWatch, "$0.50 per GB ingested, standard class (c3x.dev CloudWatch Logs, June 2026; hykell.com)"),
    vendedLogsIngestionGb: confirmed(0.5, "GB ingested", SOURCES.cloudWatch, "vended logs to CloudWatch Logs, first 10 TB: $0.50 per GB (duckbillgroup.com on Lambda's May 2025 tiered pricing; aws-samples cfm-tips pricing calculator)"),
    logsStorageGbMonth: confirmed(0.03, "GB-month", SOURCES.cloudWatch, "$0.03 per GB-month archived (c3x.dev, hykell.com)"),
};

/** Where eu-west-1 shares us-east-1's number on a page that lists one price for every region. */
const sameAsUsEast1 = (price: Price, why: string): Price => unconfirmed(price.usd, price.per, price.source, `not confirmed for eu-west-1 separately: ${why}`);

const EU_WEST_1: RegionPrices = {
    rdsInstanceHour: {
        "db.t4g.micro": unconfirmed(0.018, "instance-hour", SOURCES.rdsMysql, `not confirmed: ${SCRIPT_RENDERED}; the README's earlier eu-west-1 estimate (≈ $13 a month) implies it`),
        "db.t4g.small": unconfirmed(0.036, "instance-hour", SOURCES.rdsMysql, `not confirmed: ${SCRIPT_RENDERED}; twice db.t4g.micro`),
        "db.t4g.medium": unconfirmed(0.072, "instance-hour", SOURCES.rdsMysql, `not confirmed: ${SCRIPT_RENDERED}; the README's earlier estimate (≈ $105 a month Multi-AZ) implies it`),
        "db.t4g.large": unconfirmed(0.144, "instance-hour", SOURCES.rdsMysql, `not confirmed: ${SCRIPT_RENDERED}; twice db.t4g.medium`),
    },
    rdsGp3GbMonth: confirmed(0.127, "GB-month", SOURCES.rdsMysql, "$0.127 per GB-month gp3 in eu-west-1 (blog.thebescloud.com RDS gp3 volumes, eu-west-1 table)"),
    rdsBackupGbMonth: sameAsUsEast1(US_EAST_1.rdsBackupGbMonth, SCRIPT_RENDERED),
    rdsProxyVcpuHour: unconfirmed(0.0165, "vCPU-hour", SOURCES.rdsProxy, `not confirmed: ${SCRIPT_RENDERED}; taken as us-east-1's × 1.1, the ratio of the other RDS prices here (check before relying on it)`),
    interfaceEndpointAzHour: unconfirmed(0.011, "endpoint AZ-hour", SOURCES.privateLink, `not confirmed: ${SCRIPT_RENDERED}; the README's earlier estimate (≈ $8 per AZ a month) implies it`),
    interfaceEndpointGb: sameAsUsEast1(US_EAST_1.interfaceEndpointGb, "the stored page shows one tier table without a region"),
    kmsKeyMonth: confirmed(1, "key-month", SOURCES.kms, "AWS's page gives one price, $1/month per key, for every region"),
    kmsRequests10k: sameAsUsEast1(US_EAST_1.kmsRequests10k, "third-party summaries give one rate"),
    secretMonth: sameAsUsEast1(US_EAST_1.secretMonth, "third-party summaries give one rate"),
    secretsApiCalls10k: sameAsUsEast1(US_EAST_1.secretsApiCalls10k, "third-party summaries give one rate"),
    alarmMetricMonth: sameAsUsEast1(US_EAST_1.alarmMetricMonth, SCRIPT_RENDERED),
    highResolutionAlarmMetricMonth: sameAsUsEast1(US_EAST_1.highResolutionAlarmMetricMonth, SCRIPT_RENDERED),
    compositeAlarmMonth: sameAsUsEast1(US_EAST_1.compositeAlarmMonth, SCRIPT_RENDERED),
    dashboardMonth: sameAsUsEast1(US_EAST_1.dashboardMonth, SCRIPT_RENDERED),
    customMetricMonth: sameAsUsEast1(US_EAST_1.customMetricMonth, SCRIPT_RENDERED),
    snsRequestsMillion: sameAsUsEast1(US_EAST_1.snsRequestsMillion, SCRIPT_RENDERED),
    lambdaRequestsMillion: sameAsUsEast1(US_EAST_1.lambdaRequestsMillion, SCRIPT_RENDERED),
    eventBridgeCustomEventsMillion: sameAsUsEast1(US_EAST_1.eventBridgeCustomEventsMillion, SCRIPT_RENDERED),
    schedulerInvocationsMillion: sameAsUsEast1(US_EAST_1.schedulerInvocationsMillion, SCRIPT_RENDERED),
    sqsRequestsMillion: sameAsUsEast1(US_EAST_1.sqsRequestsMillion, SCRIPT_RENDERED),
    lambdaArmGbSecond: sameAsUsEast1(US_EAST_1.lambdaArmGbSecond, SCRIPT_RENDERED),
    httpApiRequestsMillion: unconfirmed(1.11, "1M requests", SOURCES.apiGateway, `not confirmed: ${SCRIPT_RENDERED} (stormit.cloud shows the Ireland table as an image)`),
    logsIngestionGb: unconfirmed(0.57, "GB ingested", SOURCES.cloudWatch, `not confirmed: ${SCRIPT_RENDERED}; third-party pages say other regions run 10-25% above us-east-1`),
    vendedLogsIngestionGb: unconfirmed(0.57, "GB ingested", SOURCES.cloudWatch, `not confirmed: ${SCRIPT_RENDERED}; first tier taken equal to standard ingestion, as in us-east-1`),
    logsStorageGbMonth: sameAsUsEast1(US_EAST_1.logsStorageGbMonth, SCRIPT_RENDERED),
};

export const PRICES: Readonly<Record<PricedRegion, RegionPrices>> = { "us-east-1": US_EAST_1, "eu-west-1": EU_WEST_1 };

export function isPricedRegion(region: string | undefined): region is PricedRegion {
    return region !== undefined && Object.prototype.hasOwnProperty.call(PRICES, region);
}

/** A fact the estimate relies on besides a price, with where it is stated. */
export interface Fact<T> {
    readonly value: T;
    readonly source: string;
    readonly confirmed: boolean;
    readonly evidence: string;
}

/** Multi-AZ (one standby) bills instance-hours and storage for the primary and the standby. */
export const MULTI_AZ_FACTOR: Fact<number> = {
    value: 2,
    source: SOURCES.rdsMultiAz,
    confirmed: true,
    evidence: "RDS User Guide: compute billed per DB instance-hour for both the primary and standby instances; storage for both",
};

/** vCPUs per instance class: RDS Proxy bills per vCPU of its target. */
export const RDS_CLASS_VCPUS: Fact<Readonly<Record<string, number>>> = {
    value: { "db.t4g.micro": 2, "db.t4g.small": 2, "db.t4g.medium": 2, "db.t4g.large": 2 },
    source: SOURCES.rdsClasses,
    confirmed: true,
    evidence: "2 vCPUs for micro, small and medium (infratally.com 2026 table) and large (usage.ai RDS MySQL guide)",
};

/** RDS Proxy on a provisioned instance bills at least this many vCPUs. */
export const RDS_PROXY_MIN_VCPUS: Fact<number> = {
    value: 2,
    source: SOURCES.rdsProxy,
    confirmed: false,
    evidence: `not confirmed: ${SCRIPT_RENDERED}; the 2-vCPU minimum for provisioned instances is the published rule (Aurora Serverless has an 8-ACU minimum, serverworks.co.jp 2024)`,
};

/** Performance Insights keeps this many days of history for free. */
export const PERFORMANCE_INSIGHTS_FREE_DAYS: Fact<number> = {
    value: 7,
    source: SOURCES.performanceInsights,
    confirmed: true,
    evidence: "free tier: the most recent seven days of performance data; longer retention priced per vCPU-month (cloudacademy.com Performance Insights costs)",
};
