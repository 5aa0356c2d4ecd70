import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import { CostEstimate, estimateCost } from "../../../tools/cost/estimate";
import {
    README_PATH,
    STACK_COSTS_PATH,
    committedStacks,
    costSection,
    currentCostSection,
    stackCostsDoc,
    withCostSection,
} from "../../../tools/cost/readme";
import { committedPlan, committedStacks as helperStacks } from "../../helpers/stackPlan";

describe("cost: readme (what the committed stacks cost, in README.md and docs/stack-costs.md)", () => {
    let estimates: Record<string, CostEstimate>;

    before(async () => {
        estimates = {};
        for (const stack of committedStacks()) {
            // One after the other: the Pulumi runtime behind the plans is a singleton.
            estimates[stack] = estimateCost((await committedPlan(stack)).resources);
        }
    });

    it("prices every stack file of the repository, as the tests' helper finds them", () => {
        assert.deepEqual(committedStacks(), helperStacks());
        assert.ok(committedStacks().length > 0, "no Pulumi.<stack>.yaml at the repository's root");
    });

    it("README: one row per stack matching `npm run cost` (regenerate with `npx tsx tools/cost/readme.ts`)", () => {
        assert.equal(currentCostSection(fs.readFileSync(README_PATH, "utf8")), costSection(estimates));
    });

    it("docs/stack-costs.md matches `npm run cost` for every stack (regenerate with `npx tsx tools/cost/readme.ts`)", () => {
        assert.equal(fs.readFileSync(STACK_COSTS_PATH, "utf8"), stackCostsDoc(estimates));
    });

    it("the README's rows carry each stack's floor and its floor with the worked example", () => {
        const section = costSection(estimates);
        for (const [stack, e] of Object.entries(estimates)) {
            const row = section.split("\n").find((line) => line.startsWith(`| \`${stack}\` |`));
            assert.ok(row, `no row for ${stack}`);
            assert.ok(row.includes(`$${e.fixedMonthlyTotal.toFixed(2)}`) && row.includes(`$${e.example.monthlyTotal.toFixed(2)}`), row);
        }
    });

    it("replaces only what is between the markers", () => {
        assert.equal(withCostSection("a\n<!-- cost:start -->\nold\n<!-- cost:end -->\nb", "new"), "a\n<!-- cost:start -->\nnew\n<!-- cost:end -->\nb");
        assert.throws(() => withCostSection("no markers", "new"), /no <!-- cost:start -->/);
    });
});
