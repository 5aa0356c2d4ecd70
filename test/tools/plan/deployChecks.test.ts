import { strict as assert } from "node:assert";
import { deployChecks, formatDeployChecks } from "../../../tools/plan/deployChecks";
import { NO_OPTIONS } from "../../../tools/plan/mocks";
import { fixturePlan } from "../../helpers/stackPlan";

describe("plan: deployChecks", () => {
    it("lists the functions the deploy runs, with their timeout and what waits for each", async () => {
        const checks = deployChecks((await fixturePlan("small")).resources);
        const byName = Object.fromEntries(checks.map((c) => [c.name, c]));
        assert.deepEqual(Object.keys(byName).sort(), ["migrate-run", "readiness-check"]);
        assert.equal(byName["readiness-check"]!.functionName, "readiness-fn");
        assert.ok((byName["readiness-check"]!.timeoutSeconds ?? 0) > (byName["migrate-run"]!.timeoutSeconds ?? 0) / 2);
        assert.deepEqual([...byName["readiness-check"]!.before].sort(), ["api", "events"]);
        assert.ok(byName["migrate-run"]!.before.includes("readiness"), "migrate runs before the readiness check");
    });

    it("prints one line per check under a heading, and nothing for a plan without any", async () => {
        const text = formatDeployChecks(deployChecks((await fixturePlan("small")).resources));
        assert.match(text, /^Deploy-time checks \(pulumi up runs each function and stops if it fails\):$/m);
        assert.match(text, /^ {2}readiness-check\s+runs readiness-fn, up to \d+ s: .*; holds back: api, events$/m);
        const none = deployChecks([{ type: "aws:lambda/function:Function", name: "fn", inputs: {}, options: NO_OPTIONS }]);
        assert.deepEqual(none, []);
        assert.equal(formatDeployChecks(none), "");
    });
});
