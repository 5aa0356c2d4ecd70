import { strict as assert } from "node:assert";
import { estimateCost } from "../../../tools/cost/estimate";
import { costJson, costMarkdownTable, costSummaryLine, formatCost } from "../../../tools/cost/format";
import { baselineResources, withInputs } from "./baseline";

describe("cost: format", () => {
    const e = estimateCost(baselineResources());

    it("prints the floor per resource and in total, the usage example with its assumptions, the free and the not priced", () => {
        const text = formatCost("dev", e);
        assert.match(text, /^Cost estimate for stack "dev" in eu-west-1: price table of \d{4}-\d{2}-\d{2}/);
        assert.match(text, /^  app-dev-db +DB instance \(db\.t4g\.micro, single-AZ\) +\$13\.14  730 h × \$0\.018 \*$/m);
        assert.match(text, new RegExp(`^  Total fixed monthly floor: \\$${e.fixedMonthlyTotal.toFixed(2)}$`, "m"));
        assert.match(text, /^Usage-priced, worked example at 1,000,000 requests a month:$/m);
        assert.match(text, /^  app-dev-api-fn +duration \(arm64\) +\$0\.0000133334 per GB-second \* +50,000 +\$0\.67/m);
        assert.match(text, /^  Assumptions:\n    - 1,000,000 API requests a month/m);
        assert.match(text, /^  aws:iam\/role:Role ×1: IAM has no charge$/m);
        assert.match(text, /^Not priced: none\.$/m);
        assert.match(text, /^  https:\/\/aws\.amazon\.com\/rds\/mysql\/pricing\/ \*$/m);
    });

    it("prints what is not priced, and that the totals leave it out", () => {
        const text = formatCost("dev", estimateCost([...baselineResources(), { type: "aws:ec2/natGateway:NatGateway", name: "nat", inputs: {} }]));
        assert.match(text, /^Not priced \(1; the totals above leave these out\):\n  aws:ec2\/natGateway:NatGateway nat: type not in the price table/m);
    });

    it("prints the region fallback as a warning", () => {
        const text = formatCost("dev", estimateCost(withInputs(baselineResources(), "app-dev-aws", { region: "sa-east-1" })));
        assert.match(text, /in sa-east-1 \(priced as us-east-1\)/);
        assert.match(text, /^WARNING: the price table has no prices for sa-east-1/m);
    });

    it("gives --json the stack, region, price date, items, notPriced and the total as numbers", () => {
        const json = JSON.parse(JSON.stringify(costJson("dev", e))) as Record<string, unknown> & { items: Record<string, unknown>[] };
        assert.equal(json.stack, "dev");
        assert.equal(json.region, "eu-west-1");
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
            costSummaryLine("dev", e),
            `Estimated cost: $${e.fixedMonthlyTotal.toFixed(2)} a month fixed floor in eu-west-1, prices of ${e.priceDate}; ` +
                `plus usage ($${e.example.usageMonthlyTotal.toFixed(2)} at 1,000,000 requests): npm run cost -- --stack dev`,
        );
        assert.match(costSummaryLine("x", estimateCost([])), /in us-east-1 prices \(no prices for an unnamed region\)/);
    });

    it("tabulates stacks side by side in markdown, marking figures that rest on unconfirmed prices", () => {
        const table = costMarkdownTable({ dev: e, prod: estimateCost(withInputs(baselineResources(), "app-dev-db", { multiAz: true })) });
        const lines = table.split("\n");
        assert.equal(lines[0], "| item | dev | prod |");
        assert.ok(lines.includes("| RDS for MySQL instance | $13.14 (db.t4g.micro, single-AZ) * | $26.28 (db.t4g.micro, Multi-AZ) * |"), table);
        assert.ok(lines.some((l) => l.startsWith("| **fixed monthly floor** | **$")));
        assert.ok(lines.some((l) => l.startsWith("| usage at 1,000,000 requests a month (worked example) |")));
    });
});
