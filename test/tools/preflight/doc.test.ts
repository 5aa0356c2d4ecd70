import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import { DOC_PATH, preflightDoc, rulesTable } from "../../../tools/preflight/doc";
import { nameBudget } from "../../../infra/lib/naming";
import { AUTONAMING_PATTERN } from "../../../infra/lib/physicalNames";
import { PREFLIGHT_RULES } from "../../../tools/preflight/rules";

describe("preflight: doc (docs/preflight.md)", () => {
    it("matches the rules (regenerate with `npx tsx tools/preflight/doc.ts`)", () => {
        assert.equal(fs.readFileSync(DOC_PATH, "utf8"), preflightDoc());
    });

    it("lists every rule once with its types and its dated sources", () => {
        const table = rulesTable();
        assert.equal(table.split("\n").length, PREFLIGHT_RULES.length + 2);
        for (const rule of PREFLIGHT_RULES) {
            const row = table.split("\n").find((line) => line.startsWith(`| \`${rule.id}\` |`));
            assert.ok(row, rule.id);
            assert.ok(rule.types.every((t) => row.includes(`\`${t}\``)), rule.id);
            assert.ok(rule.sources.every((s) => row.includes(s.url)) && row.includes(`checked ${rule.checked}`), rule.id);
        }
    });

    it("states the autonaming pattern and the name budget", () => {
        assert.ok(preflightDoc().includes(`\`${AUTONAMING_PATTERN}\``));
        assert.ok(preflightDoc().includes(`may have at most **${nameBudget().length} characters**`));
    });
});
