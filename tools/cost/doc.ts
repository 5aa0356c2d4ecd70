/**
 * docs/costs.md, generated from the price table, the resource-type treatments and the worked example's
 * assumptions, so the three cannot drift (test/tools/cost/doc.test.ts fails when they do).
 * `npx tsx tools/cost/doc.ts` rewrites it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
    FALLBACK_REGION,
    Fact,
    HOURS_PER_MONTH,
    MULTI_AZ_FACTOR,
    PERFORMANCE_INSIGHTS_FREE_DAYS,
    PRICES,
    PRICE_DATE,
    Price,
    PricedRegion,
    RDS_CLASS_VCPUS,
    RDS_PROXY_MIN_VCPUS,
    RegionPrices,
} from "./prices";
import { RESOURCE_TYPES } from "./resourceTypes";
import { money } from "./types";
import { EXAMPLE_ASSUMPTIONS, describeAssumptions } from "./usage";

export const DOC_PATH = path.join(__dirname, "..", "..", "docs", "costs.md");

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** What each price is, in the order the doc lists them. */
const LABELS: Readonly<Record<Exclude<keyof RegionPrices, "rdsInstanceHour">, string>> = {
    rdsGp3GbMonth: "RDS gp3 storage (single-AZ; × 2 Multi-AZ)",
    rdsBackupGbMonth: "RDS backup storage beyond 100% of provisioned storage",
    rdsProxyVcpuHour: "RDS Proxy, per vCPU of the target instance",
    interfaceEndpointAzHour: "VPC interface endpoint, per AZ (ENI)",
    interfaceEndpointGb: "VPC interface endpoint data processed",
    kmsKeyMonth: "KMS customer managed key",
    kmsRequests10k: "KMS requests",
    secretMonth: "Secrets Manager secret (incl. the RDS-managed master secret)",
    secretsApiCalls10k: "Secrets Manager API calls",
    alarmMetricMonth: "CloudWatch alarm, per metric (standard resolution)",
    highResolutionAlarmMetricMonth: "CloudWatch alarm, per metric (high resolution)",
    compositeAlarmMonth: "CloudWatch composite alarm",
    dashboardMonth: "CloudWatch dashboard",
    customMetricMonth: "CloudWatch custom metric (the app's EMF metrics)",
    snsRequestsMillion: "SNS standard-topic publishes",
    lambdaRequestsMillion: "Lambda requests",
    lambdaArmGbSecond: "Lambda duration, arm64",
    eventBridgeCustomEventsMillion: "EventBridge custom events published (`events`)",
    schedulerInvocationsMillion: "EventBridge Scheduler invocations (`events`; 14 million a month free)",
    sqsRequestsMillion: "SQS requests (the events dead-letter queue)",
    httpApiRequestsMillion: "API Gateway HTTP API requests",
    logsIngestionGb: "CloudWatch Logs ingestion (standard: access logs, RDS log exports)",
    vendedLogsIngestionGb: "CloudWatch Logs ingestion (vended, first 10 TB: Lambda logs, VPC flow logs)",
    logsStorageGbMonth: "CloudWatch Logs storage",
};

function evidence(byRegion: readonly [PricedRegion, Price][]): string {
    const distinct = new Set(byRegion.map(([, p]) => p.evidence));
    return distinct.size === 1 ? byRegion[0]![1].evidence : byRegion.map(([region, p]) => `${region}: ${p.evidence}`).join(" — ");
}

function priceRow(label: string, byRegion: readonly [PricedRegion, Price][]): string {
    const first = byRegion[0]![1];
    const values = byRegion.map(([, p]) => `${money(p.usd)}${p.confirmed ? "" : " *"}`);
    return `| ${cell(label)} | ${first.per} | ${values.join(" | ")} | [page](${first.source}) | ${cell(evidence(byRegion))} |`;
}

export function pricesTable(): string {
    const regions = Object.keys(PRICES) as PricedRegion[];
    const classes = [...new Set(regions.flatMap((r) => Object.keys(PRICES[r].rdsInstanceHour)))];
    const rows = [
        ...classes.map((cls) =>
            priceRow(`RDS for MySQL ${cls}, single-AZ (× 2 Multi-AZ)`, regions.map((r) => [r, PRICES[r].rdsInstanceHour[cls]!] as [PricedRegion, Price])),
        ),
        ...(Object.keys(LABELS) as (keyof typeof LABELS)[]).map((key) => priceRow(LABELS[key], regions.map((r) => [r, PRICES[r][key]] as [PricedRegion, Price]))),
    ];
    return [`| price | per | ${regions.join(" | ")} | source | what the page showed |`, `| --- | --- |${regions.map(() => " --- |").join("")} --- | --- |`, ...rows].join("\n");
}

function factRow(label: string, fact: Fact<unknown>, value: string): string {
    return `| ${cell(label)} | ${cell(value)}${fact.confirmed ? "" : " *"} | [page](${fact.source}) | ${cell(fact.evidence)} |`;
}

export function factsTable(): string {
    const vcpus = Object.entries(RDS_CLASS_VCPUS.value).map(([cls, n]) => `${cls}: ${n}`).join(", ");
    return [
        "| fact | value | source | what the page showed |",
        "| --- | --- | --- | --- |",
        factRow("Multi-AZ (one standby) multiplies instance-hours and storage by", MULTI_AZ_FACTOR, String(MULTI_AZ_FACTOR.value)),
        factRow("vCPUs per instance class (RDS Proxy bills these)", RDS_CLASS_VCPUS, vcpus),
        factRow("RDS Proxy minimum billed vCPUs", RDS_PROXY_MIN_VCPUS, String(RDS_PROXY_MIN_VCPUS.value)),
        factRow("Performance Insights free retention (days)", PERFORMANCE_INSIGHTS_FREE_DAYS, String(PERFORMANCE_INSIGHTS_FREE_DAYS.value)),
    ].join("\n");
}

export function typesTable(): string {
    const rows = Object.entries(RESOURCE_TYPES).map(([type, t]) =>
        t.kind === "free" ? `| \`${type}\` | free | ${cell(t.reason)} |` : `| \`${type}\` | priced | ${cell([t.fixed && `floor: ${t.fixed}`, t.usage && `usage: ${t.usage}`].filter(Boolean).join("; "))} |`,
    );
    return ["| resource type | treatment | what is paid, or why nothing |", "| --- | --- | --- |", ...rows].join("\n");
}

export function costsDoc(): string {
    return `<!-- Generated by tools/cost/doc.ts from tools/cost/prices.ts, resourceTypes.ts and usage.ts; do not edit by hand. -->
# Cost estimate

\`npm run cost -- --stack <stack> [--json] [--requests <per month>]\` runs the program under mocks (as
\`npm run plan\` does) and prices every planned resource against the table below, dated ${PRICE_DATE}:

- the **fixed monthly floor**, what the stack costs with no traffic: ${HOURS_PER_MONTH} hours a month of the database
  instance (× 2 Multi-AZ), its gp3 storage (× 2 Multi-AZ), RDS Proxy by the vCPUs of its target's class, the
  Secrets Manager interface endpoint per subnet (one ENI per AZ), the KMS key, every secret (including the one
  RDS creates for the master password), CloudWatch alarms and dashboards;
- the **usage-priced meters**, with the unit price and a worked example (1,000,000 requests a month by default);
- the resources that cost **nothing**, with the reason, and those the table **cannot price**, which are listed
  and never counted as $0 (a planned type missing from the table, an instance class without a price, NAT
  gateways, …).

\`npm run plan\` ends with the floor's total. [stack-costs.md](stack-costs.md), each committed stack item by item, and
the README's summary are generated from these estimates by \`npm run docs:costs\`, which \`npm run fork\` and
\`npm run stack:new\` run for you; after a hand edit of a stack file, run it again.

**Regions.** The table holds ${(Object.keys(PRICES) as PricedRegion[]).join(" and ")}. A stack in another region is
priced with ${FALLBACK_REGION}'s numbers and a warning (stderr, and \`warnings\` in \`--json\`), rather than refused: a fork
still sees what its bill is made of, and ${FALLBACK_REGION} is among the cheapest regions, so the warning says to expect more.
Add the region to \`tools/cost/prices.ts\` for real numbers.

**Confirmed or not.** AWS's pricing pages render their tables with scripts, so a stored copy often lacks the
number. A price is marked confirmed only where a page read on ${PRICE_DATE} showed it (AWS's own page or a dated
third-party summary of it, named below); prices marked * could not be confirmed and say why. Check those on the
AWS page (or the Pricing Calculator) before relying on them, then update the table and its date.

## Prices

${pricesTable()}

## Facts the estimate relies on

${factsTable()}

## Resource types

Every type the program plans must be listed here; \`npm run cost\` reports any other as not priced.

${typesTable()}

## Worked example

${describeAssumptions(EXAMPLE_ASSUMPTIONS).map((a) => `- ${a}`).join("\n")}

## Not covered

- Free tiers (Lambda's 1M requests and 400,000 GB-s, 5 GB of logs, 10 alarm metrics, 3 dashboards, 20,000 KMS
  requests, the 12-month RDS and API Gateway offers): the estimate is what a bill costs once they are used up.
- KMS key rotation: each yearly rotation adds a key-month, up to two ($3 a month from the third year).
- Data transfer out to the internet, Logs Insights queries, storage growing past \`dbAllocatedStorageGb\` under
  autoscaling, backups beyond the provisioned size, snapshots kept after a destroy, RDS Extended Support (not
  applicable to MySQL 8.4), Reserved Instances and Savings Plans.
`;
}

if (require.main === module) {
    fs.mkdirSync(path.dirname(DOC_PATH), { recursive: true });
    fs.writeFileSync(DOC_PATH, costsDoc());
}
