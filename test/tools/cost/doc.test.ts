import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import { DOC_PATH, costsDoc, pricesTable, typesTable } from "../../../tools/cost/doc";
import { PRICES } from "../../../tools/cost/prices";
import { RESOURCE_TYPES } from "../../../tools/cost/resourceTypes";

describe("cost: doc (docs/costs.md)", () => {
    it("matches the price table (regenerate with `npx tsx tools/cost/doc.ts`)", () => {
        assert.equal(fs.readFileSync(DOC_PATH, "utf8"), costsDoc());
    });

    it("lists every price of every region with its source, marking the unconfirmed ones", () => {
        const table = pricesTable();
        const { rdsInstanceHour, ...rest } = PRICES["eu-west-1"];
        assert.equal(table.split("\n").length, 2 + Object.keys(rdsInstanceHour).length + Object.keys(rest).length);
        assert.match(table, /^\| RDS for MySQL db\.t4g\.micro, single-AZ \(× 2 Multi-AZ\) \| instance-hour \| \$0\.016 \| \$0\.018 \* \| \[page\]\(https:\/\/aws\.amazon\.com\/rds\/mysql\/pricing\/\) \|/m);
    });

    it("lists every resource type with its treatment", () => {
        assert.equal(typesTable().split("\n").length, 2 + Object.keys(RESOURCE_TYPES).length);
    });
});
