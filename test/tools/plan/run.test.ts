import { strict as assert } from "node:assert";
import { ConfigError } from "../../../infra/config";
import { planStack } from "../../../tools/plan/run";
import { fixtureRoot } from "../../helpers/stackPlan";

describe("plan: planStack", () => {
    let limit: number;
    beforeEach(() => {
        limit = Error.stackTraceLimit;
        // A value of the test's own, so that "restored" cannot pass by chance with V8's default of 10.
        Error.stackTraceLimit = 17;
    });
    afterEach(() => {
        Error.stackTraceLimit = limit;
    });

    it("plans without stack traces, and gives the caller's stack trace limit back afterwards", async () => {
        const plan = await planStack("small", { root: fixtureRoot });
        assert.ok(plan.resources.length > 0);
        assert.equal(Error.stackTraceLimit, 17);
        // Errors raised after the plan have their frames again.
        assert.ok((new Error("after").stack ?? "").split("\n").length > 1);
    });

    it("gives the limit back when the plan fails too, and rejects with the config error itself", async () => {
        await assert.rejects(planStack("small", { root: fixtureRoot, overrides: { "acme-orders:dbAuth": "kerberos" } }), ConfigError);
        assert.equal(Error.stackTraceLimit, 17);
    });
});
