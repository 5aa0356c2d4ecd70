import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { rulesTable, TABLE_END, TABLE_START, withRulesTable } from "../../policy/readme";
import { policies } from "../../policy/pack";

describe("readme: policy rules table", () => {
    it("lists every rule of the pack with its current level (regenerate with `npx tsx policy/readme.ts`)", () => {
        const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
        assert.equal(readme, withRulesTable(readme));
    });

    it("renders one row per rule", () => {
        const table = rulesTable();
        assert.equal(table.split("\n").length, policies.length + 2);
        assert.match(table, /\| `disallow-public-database` \| mandatory \| critical \|/);
    });

    it("refuses a README without the table markers", () => {
        assert.throws(() => withRulesTable("no markers"), new RegExp(TABLE_START));
        assert.ok(TABLE_END.includes("end"));
    });
});
