import { strict as assert } from "node:assert";
import { disallowAllowWithNotResource } from "../../../../policy/rules/iam/disallowAllowWithNotResource";
import { runPolicy } from "../../../helpers/policy";
import { iamPolicy, iamRole, ACCOUNT, REGION } from "../../../helpers/policyFixtures";

describe("rule: disallow-allow-with-not-resource", () => {
    it("passes the blueprint's role", async () => {
        assert.deepEqual(await runPolicy(disallowAllowWithNotResource, iamRole()), []);
    });

    it("reports Allow with an array NotResource in an object document", async () => {
        const doc = { Statement: [{ Effect: "Allow", Action: "secretsmanager:GetSecretValue", NotResource: [`arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:other`] }] };
        assert.deepEqual(await runPolicy(disallowAllowWithNotResource, iamPolicy(doc)), ["policy statement 0: uses NotResource with Allow"]);
    });

    it("does not report Deny with NotResource", async () => {
        const doc = { Statement: { Effect: "Deny", Action: "s3:*", NotResource: "arn:aws:s3:::mine/*" } };
        assert.deepEqual(await runPolicy(disallowAllowWithNotResource, iamPolicy(JSON.stringify(doc))), []);
    });
});
