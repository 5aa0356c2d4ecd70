/** How a cost estimate is printed: text for people, JSON for tools, one line for `npm run plan`. */
import type { CostEstimate } from "./estimate";
import { FixedItem, UNCONFIRMED_MARK } from "./types";

const dollars = (usd: number) => `$${usd.toFixed(2)}`;
const count = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 3 });
const UNCONFIRMED = " *";

function table(header: readonly string[], rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number> = new Set()): string {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const render = (cells: readonly string[]) =>
        `  ${cells.map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ")}`.trimEnd();
    return [render(header), ...rows.map(render)].join("\n");
}

/** `--json`: amounts in USD as numbers. */
export function costJson(stack: string, e: CostEstimate): Record<string, unknown> {
    return {
        stack,
        region: e.region ?? null,
        pricedRegion: e.pricedRegion,
        priceDate: e.priceDate,
        warnings: e.warnings,
        items: e.items.map((i) => ({ type: i.type, name: i.name, what: i.what, monthly: i.monthly, unit: i.unit, source: i.source, confirmed: i.confirmed })),
        fixedMonthlyTotal: e.fixedMonthlyTotal,
        usage: e.usage,
        example: e.example,
        free: e.free,
        notPriced: e.notPriced,
    };
}

/** The text report of `npm run cost`. */
export function formatCost(stack: string, e: CostEstimate): string {
    const out: string[] = [];
    const where = e.region === e.pricedRegion ? e.pricedRegion : `${e.region ?? "an unknown region"} (priced as ${e.pricedRegion})`;
    out.push(`Cost estimate for stack "${stack}" in ${where}: price table of ${e.priceDate}, on-demand list prices in USD, before free tiers.`);
    for (const w of e.warnings) {
        out.push(`WARNING: ${w}`);
    }

    out.push("", "Fixed monthly floor (paid with no traffic at all):");
    out.push(
        table(
            ["RESOURCE", "PART", "MONTHLY", "HOW"],
            e.items.map((i) => [i.name, i.what, dollars(i.monthly), `${i.unit}${i.confirmed ? "" : UNCONFIRMED}`]),
            new Set([2]),
        ),
    );
    out.push(`  Total fixed monthly floor: ${dollars(e.fixedMonthlyTotal)}`);

    out.push("", `Usage-priced, worked example at ${count(e.example.requestsPerMonth)} requests a month:`);
    out.push(
        table(
            ["RESOURCE", "METER", "UNIT PRICE", "QUANTITY", "MONTHLY", "FROM"],
            e.usage.map((u) => [u.name, u.what, `${u.unit}${u.confirmed ? "" : UNCONFIRMED}`, count(u.quantity), dollars(u.monthly), u.assumption]),
            new Set([3, 4]),
        ),
    );
    out.push(`  Usage in the example: ${dollars(e.example.usageMonthlyTotal)}; floor + example: ${dollars(e.example.monthlyTotal)} a month`);
    out.push("  Assumptions:", ...e.example.assumptions.map((a) => `    - ${a}`));

    const freeByType = new Map<string, { n: number; reason: string }>();
    for (const f of e.free) {
        freeByType.set(f.type, { n: (freeByType.get(f.type)?.n ?? 0) + 1, reason: f.reason });
    }
    out.push("", `Free (${e.free.length} resources):`);
    out.push(...[...freeByType].map(([type, { n, reason }]) => `  ${type} ×${n}: ${reason}`));

    if (e.notPriced.length === 0) {
        out.push("", "Not priced: none.");
    } else {
        out.push("", `Not priced (${e.notPriced.length}; the totals above leave these out):`);
        out.push(...e.notPriced.map((n) => `  ${n.type} ${n.name}: ${n.reason}`));
    }

    // A page is marked when any price taken from it is not confirmed.
    const pages = new Map<string, boolean>();
    for (const part of [...e.items, ...e.usage].flatMap((s) => s.source.split(" ; "))) {
        const url = part.replace(UNCONFIRMED_MARK, "");
        pages.set(url, (pages.get(url) ?? true) && !part.endsWith(UNCONFIRMED_MARK));
    }
    out.push("", `Sources (checked ${e.priceDate}; * = a price from this page not confirmed there, see docs/costs.md):`);
    out.push(...[...pages].sort(([a], [b]) => a.localeCompare(b)).map(([url, ok]) => `  ${url}${ok ? "" : UNCONFIRMED}`));
    return out.join("\n");
}

/** The last line of `npm run plan`. */
export function costSummaryLine(stack: string, e: CostEstimate): string {
    const region = e.region === e.pricedRegion ? e.pricedRegion : `${e.pricedRegion} prices (no prices for ${e.region ?? "an unnamed region"})`;
    const missing = e.notPriced.length > 0 ? `; ${e.notPriced.length} not priced` : "";
    return (
        `Estimated cost: ${dollars(e.fixedMonthlyTotal)} a month fixed floor in ${region}, prices of ${e.priceDate}${missing}; ` +
        `plus usage (${dollars(e.example.usageMonthlyTotal)} at ${count(e.example.requestsPerMonth)} requests): npm run cost -- --stack ${stack}`
    );
}

/** The README's rows: what each fixed item is, in words a reader of the architecture knows. */
const README_ROWS: readonly (readonly [string, (i: FixedItem) => boolean])[] = [
    ["RDS for MySQL instance", (i) => i.type === "aws:rds/instance:Instance" && i.what.startsWith("DB instance")],
    ["RDS storage (gp3)", (i) => i.type === "aws:rds/instance:Instance" && i.what.startsWith("storage")],
    ["RDS Proxy (per vCPU of the instance, 2 at least)", (i) => i.type === "aws:rds/proxy:Proxy"],
    ["Secrets Manager interface endpoint (per AZ)", (i) => i.type === "aws:ec2/vpcEndpoint:VpcEndpoint" && i.what.startsWith("secretsmanager ")],
    ["EventBridge interface endpoint (per AZ; `events`)", (i) => i.type === "aws:ec2/vpcEndpoint:VpcEndpoint" && i.what.startsWith("events ")],
    ["Outbox relay polling all month (one run at a time; `events`)", (i) => i.type === "aws:lambda/function:Function"],
    ["Secrets (RDS-managed master; the app user's in `secret` mode)", (i) => i.what === "RDS-managed master secret" || i.type === "aws:secretsmanager/secret:Secret"],
    ["KMS customer managed key", (i) => i.type === "aws:kms/key:Key"],
    ["Performance Insights (7 days free)", (i) => i.what === "Performance Insights"],
    ["CloudWatch alarms", (i) => i.type === "aws:cloudwatch/metricAlarm:MetricAlarm" || i.type === "aws:cloudwatch/compositeAlarm:CompositeAlarm"],
    ["CloudWatch dashboards", (i) => i.type === "aws:cloudwatch/dashboard:Dashboard"],
];

function readmeCell(items: readonly FixedItem[]): string {
    if (items.length === 0) {
        return "–";
    }
    const sum = items.reduce((s, i) => s + i.monthly, 0);
    const detail = items.length === 1 ? (/\((.*)\)$/.exec(items[0]!.what)?.[1] ?? "") : `${items.length} resources`;
    const mark = items.every((i) => i.confirmed) ? "" : " *";
    return `${dollars(sum)}${detail ? ` (${detail})` : ""}${mark}`;
}

/** A markdown table of the fixed floor per stack, with the worked example, for the README. */
export function costMarkdownTable(estimates: Readonly<Record<string, CostEstimate>>): string {
    const stacks = Object.keys(estimates);
    const all = stacks.flatMap((s) => estimates[s]!.items);
    const rows = README_ROWS.filter(([, match]) => all.some(match)).map(([label, match]) => [label, ...stacks.map((s) => readmeCell(estimates[s]!.items.filter(match)))]);
    const matched = (i: FixedItem) => README_ROWS.some(([, match]) => match(i));
    for (const type of [...new Set(all.filter((i) => !matched(i)).map((i) => i.type))]) {
        rows.push([`\`${type}\``, ...stacks.map((s) => readmeCell(estimates[s]!.items.filter((i) => i.type === type && !matched(i))))]);
    }
    const example = estimates[stacks[0]!]!.example.requestsPerMonth;
    rows.push(["**fixed monthly floor**", ...stacks.map((s) => `**${dollars(estimates[s]!.fixedMonthlyTotal)}**`)]);
    rows.push([`usage at ${count(example)} requests a month (worked example)`, ...stacks.map((s) => dollars(estimates[s]!.example.usageMonthlyTotal))]);
    rows.push(["floor + example", ...stacks.map((s) => dollars(estimates[s]!.example.monthlyTotal))]);
    const notPriced = stacks.filter((s) => estimates[s]!.notPriced.length > 0);
    if (notPriced.length > 0) {
        rows.push(["not priced (left out above)", ...stacks.map((s) => String(estimates[s]!.notPriced.length))]);
    }
    return [`| item | ${stacks.join(" | ")} |`, `| --- |${stacks.map(() => " --- |").join("")}`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}
