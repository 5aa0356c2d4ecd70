import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import { DOC_PATH, rulesTable, TABLE_END, TABLE_START, withRulesTable } from "../../../tools/policy/readme";
import { policies } from "../../../policy/pack";

describe("tools/policy/readme: the rules table of docs/policy-pack.md", () => {
    it("lists every rule of the pack with its current level (regenerate with `npx tsx tools/policy/readme.ts`)", () => {
        const doc = fs.readFileSync(DOC_PATH, "utf8");
        assert.equal(doc, withRulesTable(doc));
    });

    it("renders one row per rule", () => {
        const table = rulesTable();
        assert.equal(table.split("\n").length, policies.length + 2);
        assert.match(table, /\| `disallow-public-database` \| mandatory \| critical \|/);
    });

    it("refuses a document without the table markers", () => {
        assert.throws(() => withRulesTable("no markers"), new RegExp(TABLE_START));
        assert.ok(TABLE_END.includes("end"));
    });
});
