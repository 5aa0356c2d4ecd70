/**
 * Usage-priced meters and the worked example: what the stack costs on top of its floor at a given number
 * of API requests a month. The traffic model's assumptions are data (EXAMPLE_ASSUMPTIONS), printed with the
 * estimate; change them with care and say why.
 */
import { HOURS_PER_MONTH, Price } from "./prices";
import { CostResource, NotPriced, PricingContext, UsageItem, cents, money, sourceOf } from "./types";

export interface UsageAssumptions {
    readonly requestsPerMonth: number;
    /** Average billed duration of one API request, warm (cold starts are a small share at steady traffic). */
    readonly averageDurationMs: number;
    /** Log bytes per request written by the API function (platform START/REPORT lines and the app's JSON lines), by application log level. */
    readonly functionLogBytesPerRequest: Readonly<Record<string, number>>;
    /** One JSON access-log line per request, in the stage's format. */
    readonly accessLogBytesPerRequest: number;
    /** Flow-log records per request: client→proxy and proxy→database flows, about 150 bytes each. */
    readonly flowLogBytesPerRequest: number;
    /** Containers kept warm, each re-reading a cached secret once per TTL (secret mode). */
    readonly warmContainers: number;
    /** Bytes through the Secrets Manager endpoint per GetSecretValue (TLS included). */
    readonly bytesPerSecretRead: number;
    /** The database's exported error and slow-query logs, whatever the traffic. */
    readonly databaseLogGbPerMonth: number;
    /** Alarm notifications published to SNS. */
    readonly alarmNotificationsPerMonth: number;
    /**
     * Custom metrics a function publishes as EMF when POWERTOOLS_METRICS_NAMESPACE is set, at most: the API's
     * five counters with the `service` dimension, and CommandsRefused also by its three OrderStatus values
     * (app/src/metrics.ts). The plan cannot see them, so the count is an assumption.
     */
    readonly emfMetricsPerFunction: number;
    /** With `events`: share of API requests that append an event (the writes), each published once to the bus. */
    readonly eventsPerRequest: number;
    /**
     * Billed duration of one projector invocation. A scheduled function (the relay) is billed for its schedule's
     * period, at most its timeout: each run polls until the next one takes its lease over (app/src/outbox/relay.ts),
     * so it runs all month whatever the traffic, and fixed.ts counts it in the floor.
     */
    readonly projectorDurationMs: number;
    /** Log bytes per relay run (START/END/REPORT and one summary line) and per projector invocation. */
    readonly backgroundLogBytesPerInvocation: number;
}

export const EXAMPLE_ASSUMPTIONS: UsageAssumptions = {
    requestsPerMonth: 1_000_000,
    averageDurationMs: 50,
    functionLogBytesPerRequest: { DEBUG: 3000, TRACE: 3000, INFO: 1000, WARN: 600, ERROR: 600, FATAL: 600 },
    accessLogBytesPerRequest: 500,
    flowLogBytesPerRequest: 300,
    warmContainers: 2,
    bytesPerSecretRead: 8_000,
    databaseLogGbPerMonth: 0.05,
    alarmNotificationsPerMonth: 100,
    emfMetricsPerFunction: 8,
    eventsPerRequest: 0.5,
    projectorDurationMs: 30,
    backgroundLogBytesPerInvocation: 800,
};

const GB = 1e9;
const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;
const DAYS_PER_MONTH = HOURS_PER_MONTH / 24;

export interface UsageResult {
    readonly items: UsageItem[];
    readonly notPriced: NotPriced[];
}

type UsageRule = (resource: CostResource, ctx: PricingContext, model: TrafficModel) => UsageResult;

const str = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === "number" ? value : undefined);
const count = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 3 });

function line(r: CostResource, what: string, price: Price, divisor: number, quantity: number, assumption: string): UsageItem {
    return {
        type: r.type,
        name: r.name,
        what,
        unitPrice: price.usd,
        unit: `${money(price.usd)} per ${price.per}`,
        // Six significant digits are plenty for a quantity in an estimate.
        quantity: Number(quantity.toPrecision(6)),
        monthly: cents((quantity / divisor) * price.usd),
        assumption,
        ...sourceOf(price),
    };
}

/** Who calls what, derived once from the plan and the assumptions. */
export interface TrafficModel {
    readonly assumptions: UsageAssumptions;
    /** Functions behind an API integration: they see every request. */
    readonly servingFunctions: ReadonlySet<string>;
    /** GetSecretValue calls a month, per secret resource name. */
    readonly secretReads: ReadonlyMap<string, number>;
    /** Functions a schedule starts, with their runs a month (logical names). */
    readonly scheduledRuns: ReadonlyMap<string, number>;
    /** Functions an EventBridge rule targets, directly or through a queue they read: invoked once per event published. */
    readonly eventTargets: ReadonlySet<string>;
    /** Events published to the stack's bus a month (0 without one). */
    readonly eventsPerMonth: number;
}

/** Runs a month of a `rate(n unit)` schedule; undefined for cron or at() expressions, which the model does not price. */
export function runsPerMonth(expression: string): number | undefined {
    const match = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression);
    if (match === null) {
        return undefined;
    }
    const minutes = { minute: 1, minutes: 1, hour: 60, hours: 60, day: 1440, days: 1440 }[match[2] as "minute"] * Number(match[1]);
    return (HOURS_PER_MONTH * 60) / minutes;
}

function functionName(fn: CostResource): string {
    return str(fn.inputs.name) ?? fn.name;
}

function envVariables(fn: CostResource): Record<string, string> {
    const env = fn.inputs.environment as { variables?: Record<string, unknown> } | undefined;
    return Object.fromEntries(Object.entries(env?.variables ?? {}).filter((e): e is [string, string] => typeof e[1] === "string"));
}

const targetsOf = (resources: readonly CostResource[], type: string, arnOf: (r: CostResource) => string | undefined) =>
    resources.filter((r) => r.type === type).map((r) => ({ r, arn: arnOf(r) ?? "" }));
const ownerOf = (functions: readonly CostResource[], arn: string) => functions.find((fn) => arn.endsWith(`function:${functionName(fn)}`));

/** Functions a `rate()` schedule starts (logical names), with their runs a month. */
export function scheduledRunsPerMonth(resources: readonly CostResource[]): Map<string, number> {
    const functions = resources.filter((r) => r.type === "aws:lambda/function:Function");
    const scheduledRuns = new Map<string, number>();
    for (const { r, arn } of targetsOf(resources, "aws:scheduler/schedule:Schedule", (s) => str((s.inputs.target as { arn?: unknown } | undefined)?.arn))) {
        const fn = ownerOf(functions, arn);
        const runs = runsPerMonth(str(r.inputs.scheduleExpression) ?? "");
        if (fn !== undefined && runs !== undefined) {
            scheduledRuns.set(fn.name, (scheduledRuns.get(fn.name) ?? 0) + runs);
        }
    }
    return scheduledRuns;
}

export function trafficModel(resources: readonly CostResource[], assumptions: UsageAssumptions): TrafficModel {
    const uris = resources.filter((r) => r.type === "aws:apigatewayv2/integration:Integration").map((r) => str(r.inputs.integrationUri) ?? "");
    const functions = resources.filter((r) => r.type === "aws:lambda/function:Function");
    const serving = new Set(functions.filter((fn) => uris.some((uri) => uri.endsWith(`function:${functionName(fn)}`) || uri.includes(`function:${functionName(fn)}/`))).map((fn) => fn.name));

    const secretReads = new Map<string, number>();
    for (const fn of functions.filter((f) => serving.has(f.name))) {
        const env = envVariables(fn);
        // A TTL of 0 re-reads the secret on every request (app/src/secrets/secretCache.ts).
        const ttl = Number(env.SECRET_TTL_SECONDS ?? 300);
        const reads = ttl > 0 ? (assumptions.warmContainers * SECONDS_PER_MONTH) / ttl : assumptions.requestsPerMonth;
        for (const secret of resources.filter((r) => r.type === "aws:secretsmanager/secret:Secret")) {
            const referenced = Object.entries(env).some(([key, value]) => key.endsWith("SECRET_ARN") && value.includes(`secret:${secret.name}`));
            if (referenced) {
                secretReads.set(secret.name, (secretReads.get(secret.name) ?? 0) + reads);
            }
        }
    }
    const scheduledRuns = scheduledRunsPerMonth(resources);
    const targetArns = targetsOf(resources, "aws:cloudwatch/eventTarget:EventTarget", (t) => str(t.inputs.arn)).map(({ arn }) => arn);
    // A function a rule targets, or one that reads (through an event source mapping) a queue a rule targets.
    const eventTargets = new Set(
        [
            ...targetArns.map((arn) => ownerOf(functions, arn)?.name),
            ...eventSourceMappings(resources)
                .filter((m) => targetArns.includes(str(m.inputs.eventSourceArn) ?? ""))
                .map((m) => functions.find((fn) => functionName(fn) === str(m.inputs.functionName))?.name),
        ].filter((n): n is string => n !== undefined),
    );
    const hasBus = resources.some((r) => r.type === "aws:cloudwatch/eventBus:EventBus");
    const eventsPerMonth = hasBus ? assumptions.requestsPerMonth * assumptions.eventsPerRequest : 0;
    return { assumptions, servingFunctions: serving, secretReads, scheduledRuns, eventTargets, eventsPerMonth };
}

/** Retention of the log group a writer delivers to, matched by its name (or logical name). */
function retentionDays(resources: readonly CostResource[], groupName: string | undefined): number | undefined {
    if (!groupName) {
        return undefined;
    }
    const group = resources.find((r) => r.type === "aws:cloudwatch/logGroup:LogGroup" && (str(r.inputs.name) ?? r.name) === groupName);
    return num(group?.inputs.retentionInDays);
}

/** The log-group name at the end of a `arn:…:log-group:<name>` ARN. */
function groupFromArn(arn: string | undefined): string | undefined {
    return arn?.split(":log-group:")[1]?.replace(/:\*$/, "");
}

/** Ingestion and steady-state storage of a log writer. */
function logLines(r: CostResource, ctx: PricingContext, ingestion: Price, gbPerMonth: number, group: string | undefined, how: string): UsageItem[] {
    const days = retentionDays(ctx.resources, group);
    const stored = days === undefined ? gbPerMonth : (gbPerMonth * days) / DAYS_PER_MONTH;
    const kept = days === undefined ? "no retention found for its log group: it grows by this much each month" : `${days}-day retention keeps ${count(days / DAYS_PER_MONTH)} months' worth`;
    return [
        line(r, "logs ingested", ingestion, 1, gbPerMonth, `${how} = ${count(gbPerMonth)} GB`),
        line(r, "logs stored", ctx.prices.logsStorageGbMonth, 1, stored, kept),
    ];
}

function lambdaFunction(r: CostResource, ctx: PricingContext, model: TrafficModel): UsageResult {
    const { prices } = ctx;
    const a = model.assumptions;
    const scheduled = model.scheduledRuns.get(r.name);
    const background =
        scheduled !== undefined
            ? // Its duration is in the fixed floor (fixed.ts): each run polls until the next, traffic or none.
              { n: scheduled, ms: 0, why: `${count(scheduled)} scheduled runs` }
            : model.eventTargets.has(r.name)
              ? { n: model.eventsPerMonth, ms: a.projectorDurationMs, why: `${count(model.eventsPerMonth)} events delivered` }
              : undefined;
    if (background !== undefined) {
        return backgroundFunction(r, ctx, background, a);
    }
    if (!model.servingFunctions.has(r.name)) {
        return { items: [line(r, "requests", prices.lambdaRequestsMillion, 1e6, 0, "not behind the API: runs on deploys or events only, not per request")], notPriced: [] };
    }
    const n = a.requestsPerMonth;
    const memoryMb = num(r.inputs.memorySize) ?? 128;
    const architectures = Array.isArray(r.inputs.architectures) ? r.inputs.architectures : ["x86_64"];
    const items = [line(r, "requests", prices.lambdaRequestsMillion, 1e6, n, `${count(n)} requests`)];
    const notPriced: NotPriced[] = [];
    if (architectures.includes("arm64")) {
        const gbSeconds = (n * a.averageDurationMs * memoryMb) / 1000 / 1024;
        items.push(line(r, "duration (arm64)", prices.lambdaArmGbSecond, 1, gbSeconds, `${count(n)} × ${a.averageDurationMs} ms × ${memoryMb} MB = ${count(gbSeconds)} GB-s`));
    } else {
        notPriced.push({ type: r.type, name: r.name, reason: `duration on ${architectures.join(", ")} is not in the price table (arm64 is)` });
    }
    const logging = r.inputs.loggingConfig as { applicationLogLevel?: string; logGroup?: string } | undefined;
    // Lambda's filter, when a function uses it, decides (and Powertools follows it); this program leaves it off and
    // Powertools filters at POWERTOOLS_LOG_LEVEL (infra/lib/logLevels.ts).
    const level = logging?.applicationLogLevel ?? envVariables(r).POWERTOOLS_LOG_LEVEL ?? "INFO";
    const bytes = a.functionLogBytesPerRequest[level] ?? a.functionLogBytesPerRequest.INFO ?? 1000;
    const group = logging?.logGroup ?? `/aws/lambda/${functionName(r)}`;
    items.push(...logLines(r, ctx, prices.vendedLogsIngestionGb, (n * bytes) / GB, group, `${count(n)} × ${bytes} B at ${level}`));
    if (envVariables(r).POWERTOOLS_METRICS_NAMESPACE) {
        items.push(line(r, "custom metrics (EMF)", prices.customMetricMonth, 1, a.emfMetricsPerFunction, `${a.emfMetricsPerFunction} metrics published in the namespace (billed for the hours they are published)`));
    }
    return { items, notPriced };
}

/** How long a scheduled run lasts: until the next run starts (the month over its runs), at most the function's timeout. */
export function scheduledRunMs(fn: CostResource, runsPerMonthOfIt: number): number {
    const periodMs = (SECONDS_PER_MONTH * 1000) / runsPerMonthOfIt;
    return Math.round(Math.min(periodMs, (num(fn.inputs.timeout) ?? 3) * 1000));
}

/** A function started by a schedule or an event rule: its invocations, arm64 duration and logs. */
function backgroundFunction(r: CostResource, ctx: PricingContext, run: { n: number; ms: number; why: string }, a: UsageAssumptions): UsageResult {
    const { prices } = ctx;
    const memoryMb = num(r.inputs.memorySize) ?? 128;
    const gbSeconds = (run.n * run.ms * memoryMb) / 1000 / 1024;
    const logging = r.inputs.loggingConfig as { logGroup?: string } | undefined;
    const group = logging?.logGroup ?? `/aws/lambda/${functionName(r)}`;
    return {
        items: [
            line(r, "requests", prices.lambdaRequestsMillion, 1e6, run.n, run.why),
            ...(run.ms === 0 ? [] : [line(r, "duration (arm64)", prices.lambdaArmGbSecond, 1, gbSeconds, `${run.why} × ${run.ms} ms × ${memoryMb} MB = ${count(gbSeconds)} GB-s`)]),
            ...logLines(r, ctx, prices.vendedLogsIngestionGb, (run.n * a.backgroundLogBytesPerInvocation) / GB, group, `${run.why} × ${a.backgroundLogBytesPerInvocation} B`),
        ],
        notPriced: [],
    };
}

function eventBus(r: CostResource, { prices }: PricingContext, model: TrafficModel): UsageResult {
    const n = model.eventsPerMonth;
    return {
        items: [line(r, "custom events published", prices.eventBridgeCustomEventsMillion, 1e6, n, `${count(n)} events: ${model.assumptions.eventsPerRequest} per API request (the writes), each published once by the relay`)],
        notPriced: [],
    };
}

function schedule(r: CostResource, { prices }: PricingContext): UsageResult {
    const runs = runsPerMonth(str(r.inputs.scheduleExpression) ?? "") ?? 0;
    return { items: [line(r, "invocations", prices.schedulerInvocationsMillion, 1e6, runs, `${count(runs)} runs a month (list price; 14 million a month are free)`)], notPriced: [] };
}

const eventSourceMappings = (resources: readonly CostResource[]) => resources.filter((r) => r.type === "aws:lambda/eventSourceMapping:EventSourceMapping");

/** Whether `arn` names the queue `r` (autonamed `<logical>-<suffix>` when it sets no name). */
function isQueueArn(r: CostResource, arn: string): boolean {
    const name = str(r.inputs.name);
    const last = arn.split(":").at(-1) ?? "";
    return name !== undefined ? last === name : last === r.name || last.startsWith(`${r.name}-`);
}

function queue(r: CostResource, { prices, resources }: PricingContext, model: TrafficModel): UsageResult {
    const read = eventSourceMappings(resources).some((m) => isQueueArn(r, str(m.inputs.eventSourceArn) ?? ""));
    if (!read) {
        return { items: [line(r, "requests", prices.sqsRequestsMillion, 1e6, 0, "a dead-letter queue: empty unless deliveries fail")], notPriced: [] };
    }
    // Sent once, received and deleted at most once each per event (in batches of up to 10, so fewer under load).
    const n = 3 * model.eventsPerMonth;
    return {
        items: [line(r, "requests", prices.sqsRequestsMillion, 1e6, n, `${count(model.eventsPerMonth)} events × 3 (send, receive, delete); Lambda's long polls of an empty queue are not counted`)],
        notPriced: [],
    };
}

function invocation(r: CostResource, { prices }: PricingContext): UsageResult {
    return { items: [line(r, "deploy-time run", prices.lambdaRequestsMillion, 1e6, 0, "one run of its function per deploy that changes its input; not per request")], notPriced: [] };
}

function httpApi(r: CostResource, { prices }: PricingContext, model: TrafficModel): UsageResult {
    const protocol = str(r.inputs.protocolType) ?? "HTTP";
    if (protocol !== "HTTP") {
        return { items: [], notPriced: [{ type: r.type, name: r.name, reason: `${protocol} API requests are not in the price table (HTTP APIs are)` }] };
    }
    const n = model.assumptions.requestsPerMonth;
    return { items: [line(r, "HTTP API requests", prices.httpApiRequestsMillion, 1e6, n, `${count(n)} requests under 512 KB`)], notPriced: [] };
}

function stage(r: CostResource, ctx: PricingContext, model: TrafficModel): UsageResult {
    const settings = r.inputs.accessLogSettings as { destinationArn?: string } | undefined;
    if (!settings) {
        return { items: [], notPriced: [] };
    }
    const a = model.assumptions;
    const gb = (a.requestsPerMonth * a.accessLogBytesPerRequest) / GB;
    return { items: logLines(r, ctx, ctx.prices.logsIngestionGb, gb, groupFromArn(settings.destinationArn), `${count(a.requestsPerMonth)} × ${a.accessLogBytesPerRequest} B`), notPriced: [] };
}

function flowLog(r: CostResource, ctx: PricingContext, model: TrafficModel): UsageResult {
    const destination = str(r.inputs.logDestinationType) ?? "cloud-watch-logs";
    if (destination !== "cloud-watch-logs") {
        return { items: [], notPriced: [{ type: r.type, name: r.name, reason: `flow logs delivered to ${destination} are not in the price table (CloudWatch Logs is)` }] };
    }
    const a = model.assumptions;
    const gb = (a.requestsPerMonth * a.flowLogBytesPerRequest) / GB;
    const how = `${count(a.requestsPerMonth)} × ${a.flowLogBytesPerRequest} B (two records per request; pooled connections share records, so an upper bound)`;
    return { items: logLines(r, ctx, ctx.prices.vendedLogsIngestionGb, gb, groupFromArn(str(r.inputs.logDestination)), how), notPriced: [] };
}

function rdsInstance(r: CostResource, ctx: PricingContext, model: TrafficModel): UsageResult {
    const items: UsageItem[] = [];
    const exports = Array.isArray(r.inputs.enabledCloudwatchLogsExports) ? r.inputs.enabledCloudwatchLogsExports : [];
    if (exports.length > 0) {
        const gb = model.assumptions.databaseLogGbPerMonth;
        // RDS creates /aws/rds/instance/<id>/<log> itself, without a retention, unless the program creates the group.
        items.push(...logLines(r, ctx, ctx.prices.logsIngestionGb, gb, undefined, `${exports.join(" and ")} logs (assumed)`));
    }
    items.push(line(r, "backup storage beyond the free amount", ctx.prices.rdsBackupGbMonth, 1, 0, "automated backups are free up to 100% of the provisioned storage; retention × daily changes stays below it at this traffic"));
    return { items, notPriced: [] };
}

function secret(r: CostResource, { prices }: PricingContext, model: TrafficModel): UsageResult {
    const reads = model.secretReads.get(r.name) ?? 0;
    const how = reads === 0 ? "not read per request (read at deploy time only)" : `${model.assumptions.warmContainers} warm containers re-reading it once per cache TTL`;
    return { items: [line(r, "GetSecretValue calls", prices.secretsApiCalls10k, 10_000, Math.round(reads), how)], notPriced: [] };
}

function kmsKey(r: CostResource, ctx: PricingContext, model: TrafficModel): UsageResult {
    const keyName = r.name;
    const decrypts = ctx.resources
        .filter((s) => s.type === "aws:secretsmanager/secret:Secret" && (str(s.inputs.kmsKeyId) ?? "").includes(keyName))
        .reduce((sum, s) => sum + (model.secretReads.get(s.name) ?? 0), 0);
    const how = decrypts === 0 ? "no per-request use: storage encryption and IAM auth make no per-request KMS calls" : "one Decrypt per secret read (20,000 requests a month are free account-wide)";
    return { items: [line(r, "requests", ctx.prices.kmsRequests10k, 10_000, Math.round(decrypts), how)], notPriced: [] };
}

function vpcEndpoint(r: CostResource, ctx: PricingContext, model: TrafficModel): UsageResult {
    if ((str(r.inputs.vpcEndpointType) ?? "Gateway") !== "Interface") {
        return { items: [], notPriced: [] };
    }
    const reads = [...model.secretReads.values()].reduce((a, b) => a + b, 0);
    const gb = (reads * model.assumptions.bytesPerSecretRead) / GB;
    const how = reads === 0 ? "no per-request calls through it" : `${count(Math.round(reads))} secret reads × ${model.assumptions.bytesPerSecretRead} B`;
    return { items: [line(r, "data processed", ctx.prices.interfaceEndpointGb, 1, gb, how)], notPriced: [] };
}

function snsTopic(r: CostResource, { prices }: PricingContext, model: TrafficModel): UsageResult {
    const n = model.assumptions.alarmNotificationsPerMonth;
    return { items: [line(r, "publishes", prices.snsRequestsMillion, 1e6, n, `${n} alarm notifications (the first million a month are free; email deliveries $2 per 100,000)`)], notPriced: [] };
}

export const USAGE_RULES: Readonly<Record<string, UsageRule>> = {
    "aws:rds/instance:Instance": rdsInstance,
    "aws:ec2/vpcEndpoint:VpcEndpoint": vpcEndpoint,
    "aws:kms/key:Key": kmsKey,
    "aws:secretsmanager/secret:Secret": secret,
    "aws:sns/topic:Topic": snsTopic,
    "aws:lambda/function:Function": lambdaFunction,
    "aws:lambda/invocation:Invocation": invocation,
    "aws:apigatewayv2/api:Api": httpApi,
    "aws:apigatewayv2/stage:Stage": stage,
    "aws:ec2/flowLog:FlowLog": flowLog,
    "aws:cloudwatch/eventBus:EventBus": eventBus,
    "aws:scheduler/schedule:Schedule": schedule,
    "aws:sqs/queue:Queue": queue,
};

/** The assumptions of the worked example, one sentence each, for the printout. */
export function describeAssumptions(a: UsageAssumptions): string[] {
    return [
        `${count(a.requestsPerMonth)} API requests a month, each invoking the API function once for ${a.averageDurationMs} ms on average (warm; cold starts are few at steady traffic)`,
        `function logs per request: ${Object.entries(a.functionLogBytesPerRequest).filter(([l]) => ["DEBUG", "INFO", "WARN"].includes(l)).map(([l, b]) => `${b} B at ${l}`).join(", ")} (platform START/REPORT lines and the app's JSON lines)`,
        `${a.accessLogBytesPerRequest} B of access log and, with flow logs on, ${a.flowLogBytesPerRequest} B of flow-log records per request`,
        `secret mode: ${a.warmContainers} warm containers each re-read the app secret once per cache TTL (SECRET_TTL_SECONDS), ${a.bytesPerSecretRead} B through the endpoint per read; IAM mode reads none per request`,
        `${a.databaseLogGbPerMonth} GB a month of exported database logs; ${a.alarmNotificationsPerMonth} alarm notifications`,
        `with POWERTOOLS_METRICS_NAMESPACE set, the API function publishes at most ${a.emfMetricsPerFunction} custom metrics (app/src/metrics.ts: five counters, CommandsRefused also per OrderStatus)`,
        `with events on: ${a.eventsPerRequest} events published per API request; each scheduled relay run polls until the next one starts (its duration is in the fixed floor), the projector ${a.projectorDurationMs} ms per event; ${a.backgroundLogBytesPerInvocation} B of log per run or event`,
        "list prices before free tiers; data transfer out to the internet (API responses) is not included",
    ];
}
