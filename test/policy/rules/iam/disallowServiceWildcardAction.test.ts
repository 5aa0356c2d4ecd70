import { strict as assert } from "node:assert";
import { disallowServiceWildcardAction } from "../../../../policy/rules/iam/disallowServiceWildcardAction";
import { runPolicy } from "../../../helpers/policy";
import { iamPolicy, iamRole, kmsKey, ACCOUNT, REGION } from "../../../helpers/policyFixtures";

describe("rule: disallow-service-wildcard-action", () => {
    it("passes the blueprint's role and its key policy (kms:* for the account root is the AWS default)", async () => {
        assert.deepEqual(await runPolicy(disallowServiceWildcardAction, iamRole()), []);
        assert.deepEqual(await runPolicy(disallowServiceWildcardAction, kmsKey()), []);
    });

    it("reports \"secretsmanager:*\" in an identity policy", async () => {
        const doc = { Statement: [{ Effect: "Allow", Action: ["secretsmanager:*"], Resource: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:x` }] };
        assert.deepEqual(await runPolicy(disallowServiceWildcardAction, iamPolicy(JSON.stringify(doc))), [
            'policy statement 0: allows every action of a service ("secretsmanager:*")',
        ]);
    });

    it("does not report prefixes such as \"s3:Get*\" or Deny statements", async () => {
        const doc = {
            Statement: [
                { Effect: "Allow", Action: "s3:Get*", Resource: "arn:aws:s3:::bucket/*" },
                { Effect: "Deny", Action: "iam:*", Resource: "*" },
            ],
        };
        assert.deepEqual(await runPolicy(disallowServiceWildcardAction, iamPolicy(doc)), []);
    });
});
