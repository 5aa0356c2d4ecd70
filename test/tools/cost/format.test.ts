import { strict as assert } from "node:assert";
import { estimateCost } from "../../../tools/cost/estimate";
import { costJson, costMarkdownTable, costSummaryLine, formatCost } from "../../../tools/cost/format";
import { FALLBACK_REGION, HOURS_PER_MONTH, isPricedRegion } from "../../../tools/cost/prices";
import { money } from "../../../tools/cost/types";
import { FIXTURE_REGION, escapeRegExp } from "../../helpers/fixtureValues";
import { BASELINE_REGION, baselinePrices, baselineResources, withInputs } from "./baseline";

/** A price as the report prints it: its amount, and a star when the price table could not confirm it. */
const printed = (price: { usd: number; confirmed: boolean }) => `${money(price.usd)}${price.confirmed ? "" : " *"}`;
const dollars = (usd: number) => `$${usd.toFixed(2)}`;

describe("cost: format", () => {
    const e = estimateCost(baselineResources());
    const micro = baselinePrices.rdsInstanceHour["db.t4g.micro"]!;

    it("prints the floor per resource and in total, the usage example with its assumptions, the free and the not priced", () => {
        const text = formatCost("small", e);
        assert.match(text, new RegExp(`^Cost estimate for stack "small" in ${escapeRegExp(BASELINE_REGION)}: price table of \\d{4}-\\d{2}-\\d{2}`));
        const instance = `${dollars(HOURS_PER_MONTH * micro.usd)}  ${HOURS_PER_MONTH} h × ${printed(micro)}`;
        assert.match(text, new RegExp(`^  app-dev-db +DB instance \\(db\\.t4g\\.micro, single-AZ\\) +${escapeRegExp(instance)}$`, "m"));
        assert.match(text, new RegExp(`^  Total fixed monthly floor: \\$${e.fixedMonthlyTotal.toFixed(2)}$`, "m"));
        assert.match(text, /^Usage-priced, worked example at 1,000,000 requests a month:$/m);
        // 1,000,000 requests × 50 ms × 1 GB = 50,000 GB-seconds at the region's arm64 price.
        const arm = baselinePrices.lambdaArmGbSecond;
        const duration = `${money(arm.usd)} per GB-second${arm.confirmed ? "" : " *"}`;
        assert.match(text, new RegExp(`^  app-dev-api-fn +duration \\(arm64\\) +${escapeRegExp(duration)} +50,000 +${escapeRegExp(dollars(50_000 * arm.usd))}`, "m"));
        assert.match(text, /^  Assumptions:\n    - 1,000,000 API requests a month/m);
        assert.match(text, /^  aws:iam\/role:Role ×1: IAM has no charge$/m);
        assert.match(text, /^Not priced: none\.$/m);
        assert.match(text, new RegExp(`^  https://aws\\.amazon\\.com/rds/mysql/pricing/${micro.confirmed ? "" : " \\*"}$`, "m"));
    });

    it("prints what is not priced, and that the totals leave it out", () => {
        const text = formatCost("small", estimateCost([...baselineResources(), { type: "aws:ec2/natGateway:NatGateway", name: "nat", inputs: {} }]));
        assert.match(text, /^Not priced \(1; the totals above leave these out\):\n  aws:ec2\/natGateway:NatGateway nat: type not in the price table/m);
    });

    it("prints the region fallback as a warning", () => {
        assert.equal(isPricedRegion(FIXTURE_REGION), false, `${FIXTURE_REGION} is meant to be a region without prices`);
        const text = formatCost("small", estimateCost(withInputs(baselineResources(), "app-dev-aws", { region: FIXTURE_REGION })));
        assert.ok(text.includes(`in ${FIXTURE_REGION} (priced as ${FALLBACK_REGION})`), text);
        assert.match(text, new RegExp(`^WARNING: the price table has no prices for ${escapeRegExp(FIXTURE_REGION)}`, "m"));
    });

    it("gives --json the stack, region, price date, items, notPriced and the total as numbers", () => {
        const json = JSON.parse(JSON.stringify(costJson("small", e))) as Record<string, unknown> & { items: Record<string, unknown>[] };
        assert.equal(json.stack, "small");
        assert.equal(json.region, BASELINE_REGION);
        assert.equal(json.priceDate, e.priceDate);
        assert.deepEqual(json.notPriced, []);
        assert.equal(json.fixedMonthlyTotal, e.fixedMonthlyTotal);
        for (const item of json.items) {
            assert.deepEqual(Object.keys(item).filter((k) => ["type", "name", "monthly", "unit", "source"].includes(k)).sort(), ["monthly", "name", "source", "type", "unit"]);
            assert.equal(typeof item.monthly, "number");
        }
    });

    it("sums the floor in one line for `npm run plan`", () => {
        assert.equal(
            costSummaryLine("small", e),
            `Estimated cost: $${e.fixedMonthlyTotal.toFixed(2)} a month fixed floor in ${BASELINE_REGION}, prices of ${e.priceDate}; ` +
                `plus usage ($${e.example.usageMonthlyTotal.toFixed(2)} at 1,000,000 requests): npm run cost -- --stack small`,
        );
        assert.ok(costSummaryLine("x", estimateCost([])).includes(`in ${FALLBACK_REGION} prices (no prices for an unnamed region)`));
    });

    it("tabulates stacks side by side in markdown, marking figures that rest on unconfirmed prices", () => {
        const table = costMarkdownTable({ small: e, hardened: estimateCost(withInputs(baselineResources(), "app-dev-db", { multiAz: true })) });
        const lines = table.split("\n");
        assert.equal(lines[0], "| item | small | hardened |");
        const mark = micro.confirmed ? "" : " *";
        const single = dollars(HOURS_PER_MONTH * micro.usd);
        const multi = dollars(2 * HOURS_PER_MONTH * micro.usd);
        assert.ok(lines.includes(`| RDS for MySQL instance | ${single} (db.t4g.micro, single-AZ)${mark} | ${multi} (db.t4g.micro, Multi-AZ)${mark} |`), table);
        assert.ok(lines.some((l) => l.startsWith("| **fixed monthly floor** | **$")));
        assert.ok(lines.some((l) => l.startsWith("| usage at 1,000,000 requests a month (worked example) |")));
    });
});
