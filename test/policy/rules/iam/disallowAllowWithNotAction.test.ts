import { strict as assert } from "node:assert";
import { disallowAllowWithNotAction } from "../../../../policy/rules/iam/disallowAllowWithNotAction";
import { runPolicy, UNKNOWN } from "../../../helpers/policy";
import { iamPolicy, iamRole } from "../../../helpers/policyFixtures";

describe("rule: disallow-allow-with-not-action", () => {
    it("passes the blueprint's role", async () => {
        assert.deepEqual(await runPolicy(disallowAllowWithNotAction, iamRole()), []);
    });

    it("reports Allow with a scalar NotAction", async () => {
        const doc = { Statement: { Effect: "Allow", NotAction: "iam:*", Resource: "*" } };
        assert.deepEqual(await runPolicy(disallowAllowWithNotAction, iamPolicy(JSON.stringify(doc))), ["policy statement 0: uses NotAction with Allow"]);
    });

    it("reports Allow with a NotAction that is unknown during preview", async () => {
        const doc = { Statement: { Effect: "Allow", NotAction: [UNKNOWN.string], Resource: "*" } };
        assert.equal((await runPolicy(disallowAllowWithNotAction, iamPolicy(doc))).length, 1);
    });

    it("does not report Deny with NotAction (the usual guard-rail pattern)", async () => {
        const doc = { Statement: [{ Effect: "Deny", NotAction: ["sts:*"], Resource: "*", Condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } } }] };
        assert.deepEqual(await runPolicy(disallowAllowWithNotAction, iamPolicy(doc)), []);
    });
});
