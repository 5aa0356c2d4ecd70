import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import { DOC_PATH, costsDoc, pricesTable, typesTable } from "../../../tools/cost/doc";
import { PRICES, type PricedRegion } from "../../../tools/cost/prices";
import { RESOURCE_TYPES } from "../../../tools/cost/resourceTypes";
import { money } from "../../../tools/cost/types";

describe("cost: doc (docs/costs.md)", () => {
    it("matches the price table (regenerate with `npx tsx tools/cost/doc.ts`)", () => {
        assert.equal(fs.readFileSync(DOC_PATH, "utf8"), costsDoc());
    });

    it("lists every price of every region with its source, marking the unconfirmed ones", () => {
        const table = pricesTable();
        const regions = Object.keys(PRICES) as PricedRegion[];
        const { rdsInstanceHour, ...rest } = PRICES[regions[0]!];
        assert.equal(table.split("\n").length, 2 + Object.keys(rdsInstanceHour).length + Object.keys(rest).length);
        assert.ok(table.startsWith(`| price | per | ${regions.join(" | ")} | source |`), table.split("\n")[0]);
        // One column per region, in the table's order, each price marked when it is not confirmed.
        const cls = Object.keys(rdsInstanceHour)[0]!;
        const cells = regions.map((r) => PRICES[r].rdsInstanceHour[cls]!).map((p) => `${money(p.usd)}${p.confirmed ? "" : " *"}`);
        const row = `| RDS for MySQL ${cls}, single-AZ (× 2 Multi-AZ) | instance-hour | ${cells.join(" | ")} | [page](https://aws.amazon.com/rds/mysql/pricing/) |`;
        assert.ok(table.split("\n").some((line) => line.startsWith(row)), row);
    });

    it("lists every resource type with its treatment", () => {
        assert.equal(typesTable().split("\n").length, 2 + Object.keys(RESOURCE_TYPES).length);
    });
});
