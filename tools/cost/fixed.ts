/**
 * The fixed monthly floor of each priced resource type: what it costs a month with no traffic at all.
 * One rule per type listed with a `fixed` treatment in resourceTypes.ts (a test keeps the two in step).
 */
import {
    HOURS_PER_MONTH,
    MULTI_AZ_FACTOR,
    PERFORMANCE_INSIGHTS_FREE_DAYS,
    RDS_CLASS_VCPUS,
    RDS_PROXY_MIN_VCPUS,
} from "./prices";
import { CostResource, FixedItem, Priced, PricingContext, cents, money, sourceOf } from "./types";
import { scheduledRunMs, scheduledRunsPerMonth } from "./usage";

/** The priced parts of a resource, and the parts the table cannot price (with why). */
export interface FixedResult {
    readonly items: FixedItem[];
    readonly notPriced: string[];
}

export type FixedRule = (resource: CostResource, ctx: PricingContext) => FixedResult;

function item(r: CostResource, what: string, monthly: number, unit: string, ...prices: Priced[]): FixedItem {
    return { type: r.type, name: r.name, what, monthly: cents(monthly), unit, ...sourceOf(...prices) };
}

const str = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === "number" ? value : undefined);

function rdsInstance(r: CostResource, { prices }: PricingContext): FixedResult {
    const items: FixedItem[] = [];
    const notPriced: string[] = [];
    const cls = str(r.inputs.instanceClass) ?? "(unknown class)";
    const multiAz = r.inputs.multiAz === true;
    const factor = multiAz ? MULTI_AZ_FACTOR.value : 1;
    const deployment = multiAz ? "Multi-AZ" : "single-AZ";
    const times = multiAz ? ` × ${MULTI_AZ_FACTOR.value} (Multi-AZ)` : "";

    const hourly = prices.rdsInstanceHour[cls];
    if (hourly) {
        const pricesUsed: Priced[] = multiAz ? [hourly, MULTI_AZ_FACTOR] : [hourly];
        items.push(item(r, `DB instance (${cls}, ${deployment})`, HOURS_PER_MONTH * hourly.usd * factor, `${HOURS_PER_MONTH} h × ${money(hourly.usd)}${times}`, ...pricesUsed));
    } else {
        notPriced.push(`DB instance: class ${cls} is not in the price table for this region (tools/cost/prices.ts)`);
    }

    const storageType = str(r.inputs.storageType);
    const gb = num(r.inputs.allocatedStorage);
    if (storageType === "gp3" && gb !== undefined) {
        const max = num(r.inputs.maxAllocatedStorage);
        const grows = max && max > gb ? `; autoscaling may grow it to ${max} GB` : "";
        const pricesUsed: Priced[] = multiAz ? [prices.rdsGp3GbMonth, MULTI_AZ_FACTOR] : [prices.rdsGp3GbMonth];
        items.push(item(r, `storage (${gb} GB gp3, ${deployment})`, gb * prices.rdsGp3GbMonth.usd * factor, `${gb} GB × ${money(prices.rdsGp3GbMonth.usd)}${times}${grows}`, ...pricesUsed));
    } else {
        notPriced.push(`storage: ${storageType ?? "an unset"} storage type${gb === undefined ? " of unknown size" : ""} is not in the price table (gp3 is)`);
    }

    if (r.inputs.manageMasterUserPassword === true) {
        items.push(item(r, "RDS-managed master secret", prices.secretMonth.usd, `1 secret × ${money(prices.secretMonth.usd)} (manageMasterUserPassword)`, prices.secretMonth));
    }

    if (r.inputs.performanceInsightsEnabled === true) {
        const days = num(r.inputs.performanceInsightsRetentionPeriod) ?? PERFORMANCE_INSIGHTS_FREE_DAYS.value;
        if (days <= PERFORMANCE_INSIGHTS_FREE_DAYS.value) {
            items.push(item(r, "Performance Insights", 0, `${days}-day retention: free`, PERFORMANCE_INSIGHTS_FREE_DAYS));
        } else {
            notPriced.push(`Performance Insights: ${days}-day retention (beyond the free ${PERFORMANCE_INSIGHTS_FREE_DAYS.value} days) is not in the price table`);
        }
    }
    return { items, notPriced };
}

/** The RDS instance a proxy fronts: through its target, or the plan's only instance when names are not known yet. */
export function proxyTargetInstance(proxy: CostResource, resources: readonly CostResource[]): CostResource | undefined {
    const proxyName = str(proxy.inputs.name) ?? proxy.name;
    const instances = resources.filter((r) => r.type === "aws:rds/instance:Instance");
    const target = resources.find((r) => r.type === "aws:rds/proxyTarget:ProxyTarget" && r.inputs.dbProxyName === proxyName);
    const identifier = str(target?.inputs.dbInstanceIdentifier);
    const named = identifier === undefined ? undefined : instances.find((i) => (str(i.inputs.identifier) ?? i.name) === identifier);
    return named ?? (instances.length === 1 ? instances[0] : undefined);
}

function rdsProxy(r: CostResource, { prices, resources }: PricingContext): FixedResult {
    const instance = proxyTargetInstance(r, resources);
    const cls = str(instance?.inputs.instanceClass);
    if (!cls) {
        return { items: [], notPriced: ["no target instance found in the plan, so its vCPUs are unknown"] };
    }
    const vcpus = RDS_CLASS_VCPUS.value[cls];
    if (vcpus === undefined) {
        return { items: [], notPriced: [`the vCPU count of ${cls} (the target's class) is not in the table (tools/cost/prices.ts)`] };
    }
    const billed = Math.max(vcpus, RDS_PROXY_MIN_VCPUS.value);
    const why = billed > vcpus ? `${vcpus} vCPUs of ${cls}, billed as the ${RDS_PROXY_MIN_VCPUS.value}-vCPU minimum` : `${vcpus} vCPUs of ${cls}, the ${RDS_PROXY_MIN_VCPUS.value}-vCPU minimum`;
    const rate = prices.rdsProxyVcpuHour;
    return {
        items: [item(r, `proxy (${why})`, billed * HOURS_PER_MONTH * rate.usd, `${billed} vCPU × ${HOURS_PER_MONTH} h × ${money(rate.usd)}`, rate, RDS_CLASS_VCPUS, RDS_PROXY_MIN_VCPUS)],
        notPriced: [],
    };
}

/** "secretsmanager", "events"…: the last part of com.amazonaws.<region>.<service>. */
export function endpointService(r: CostResource): string {
    return (str(r.inputs.serviceName) ?? "").split(".").slice(3).join(".") || "unknown";
}

function vpcEndpoint(r: CostResource, { prices }: PricingContext): FixedResult {
    const kind = str(r.inputs.vpcEndpointType) ?? "Gateway";
    if (kind === "Gateway") {
        return { items: [], notPriced: [] };
    }
    if (kind !== "Interface") {
        return { items: [], notPriced: [`${kind} endpoints are not in the price table`] };
    }
    const subnets = r.inputs.subnetIds;
    if (!Array.isArray(subnets) || subnets.length === 0) {
        return { items: [], notPriced: ["interface endpoint with subnets not known yet: one ENI per subnet is billed"] };
    }
    const rate = prices.interfaceEndpointAzHour;
    return {
        items: [item(r, `${endpointService(r)} interface endpoint (${subnets.length} AZs, one ENI per subnet)`, subnets.length * HOURS_PER_MONTH * rate.usd, `${subnets.length} AZ × ${HOURS_PER_MONTH} h × ${money(rate.usd)}`, rate)],
        notPriced: [],
    };
}

function kmsKey(r: CostResource, { prices }: PricingContext): FixedResult {
    const rotation = r.inputs.enableKeyRotation === true ? "; automatic rotation adds a key-month after each of the first two rotations" : "";
    return { items: [item(r, "customer managed key", prices.kmsKeyMonth.usd, `1 key × ${money(prices.kmsKeyMonth.usd)}${rotation}`, prices.kmsKeyMonth)], notPriced: [] };
}

function secret(r: CostResource, { prices }: PricingContext): FixedResult {
    return { items: [item(r, "secret", prices.secretMonth.usd, `1 secret × ${money(prices.secretMonth.usd)}`, prices.secretMonth)], notPriced: [] };
}

interface MetricQuery {
    readonly metric?: { readonly period?: unknown };
}

function metricAlarm(r: CostResource, { prices }: PricingContext): FixedResult {
    // An alarm on a metric-math expression is billed per metric the expression reads.
    const queries = Array.isArray(r.inputs.metricQueries) ? (r.inputs.metricQueries as MetricQuery[]) : [];
    const metrics = queries.length > 0 ? queries.filter((q) => q.metric !== undefined).length : 1;
    const periods = [num(r.inputs.period), ...queries.map((q) => num(q.metric?.period))].filter((p): p is number => p !== undefined);
    const highResolution = periods.some((p) => p < 60);
    const rate = highResolution ? prices.highResolutionAlarmMetricMonth : prices.alarmMetricMonth;
    const kind = highResolution ? "high-resolution" : "standard-resolution";
    return { items: [item(r, `alarm (${metrics} ${kind} metric${metrics === 1 ? "" : "s"})`, metrics * rate.usd, `${metrics} metric${metrics === 1 ? "" : "s"} × ${money(rate.usd)}`, rate)], notPriced: [] };
}

function compositeAlarm(r: CostResource, { prices }: PricingContext): FixedResult {
    return { items: [item(r, "composite alarm", prices.compositeAlarmMonth.usd, `1 alarm × ${money(prices.compositeAlarmMonth.usd)}`, prices.compositeAlarmMonth)], notPriced: [] };
}

function dashboard(r: CostResource, { prices }: PricingContext): FixedResult {
    return { items: [item(r, "dashboard", prices.dashboardMonth.usd, `1 dashboard × ${money(prices.dashboardMonth.usd)}`, prices.dashboardMonth)], notPriced: [] };
}

/**
 * A function a schedule keeps running: each relay run polls until the next one takes its lease over
 * (app/src/outbox/relay.ts), so its duration is billed all month with no traffic at all. Other functions have no floor.
 */
function lambdaFunction(r: CostResource, { prices, resources }: PricingContext): FixedResult {
    const runs = scheduledRunsPerMonth(resources).get(r.name);
    if (runs === undefined) {
        return { items: [], notPriced: [] };
    }
    const architectures = Array.isArray(r.inputs.architectures) ? r.inputs.architectures : ["x86_64"];
    if (!architectures.includes("arm64")) {
        return { items: [], notPriced: [`duration on ${architectures.join(", ")} is not in the price table (arm64 is)`] };
    }
    const memoryMb = num(r.inputs.memorySize) ?? 128;
    const runMs = scheduledRunMs(r, runs);
    const gbSeconds = (runs * runMs * memoryMb) / 1000 / 1024;
    const rate = prices.lambdaArmGbSecond;
    return {
        items: [
            item(
                r,
                `scheduled function polling all month (arm64, ${memoryMb} MB)`,
                gbSeconds * rate.usd,
                `${Math.round(runs).toLocaleString("en-US")} runs × ${runMs / 1000} s × ${memoryMb} MB = ${Math.round(gbSeconds).toLocaleString("en-US")} GB-s × ${money(rate.usd)}`,
                rate,
            ),
        ],
        notPriced: [],
    };
}

export const FIXED_RULES: Readonly<Record<string, FixedRule>> = {
    "aws:lambda/function:Function": lambdaFunction,
    "aws:rds/instance:Instance": rdsInstance,
    "aws:rds/proxy:Proxy": rdsProxy,
    "aws:ec2/vpcEndpoint:VpcEndpoint": vpcEndpoint,
    "aws:kms/key:Key": kmsKey,
    "aws:secretsmanager/secret:Secret": secret,
    "aws:cloudwatch/metricAlarm:MetricAlarm": metricAlarm,
    "aws:cloudwatch/compositeAlarm:CompositeAlarm": compositeAlarm,
    "aws:cloudwatch/dashboard:Dashboard": dashboard,
};
