import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import { CostEstimate, estimateCost } from "../../../tools/cost/estimate";
import { README_PATH, committedStacks, costSection, currentCostSection, withCostSection } from "../../../tools/cost/readme";
import { committedPlan } from "../../helpers/stackPlan";

describe("cost: readme (the README's cost table)", () => {
    it("matches `npm run cost` for every committed stack (regenerate with `npx tsx tools/cost/readme.ts`)", async () => {
        const estimates: Record<string, CostEstimate> = {};
        for (const stack of committedStacks()) {
            // One after the other: the Pulumi runtime behind the plans is a singleton.
            estimates[stack] = estimateCost((await committedPlan(stack)).resources);
        }
        assert.deepEqual(Object.keys(estimates), ["dev", "prod"]);
        assert.equal(currentCostSection(fs.readFileSync(README_PATH, "utf8")), costSection(estimates));
    });

    it("sits in the Costs section", () => {
        const readme = fs.readFileSync(README_PATH, "utf8");
        const costs = readme.indexOf("## Costs");
        const next = readme.indexOf("\n## ", costs + 1);
        assert.ok(costs >= 0 && readme.indexOf("<!-- cost:start -->") > costs && readme.indexOf("<!-- cost:end -->") < next);
    });

    it("replaces only what is between the markers", () => {
        assert.equal(withCostSection("a\n<!-- cost:start -->\nold\n<!-- cost:end -->\nb", "new"), "a\n<!-- cost:start -->\nnew\n<!-- cost:end -->\nb");
        assert.throws(() => withCostSection("no markers", "new"), /no <!-- cost:start -->/);
    });
});
