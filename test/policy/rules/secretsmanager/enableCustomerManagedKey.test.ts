import { strict as assert } from "node:assert";
import { enableCustomerManagedKey as rule } from "../../../../policy/rules/secretsmanager/enableCustomerManagedKey";
import { runPolicy, UNKNOWN, withProp } from "../../../helpers/policy";
import { secret } from "../../../helpers/policyFixtures";

describe("rule: enable-secret-cmk-encryption", () => {
    it("passes the blueprint's secret, encrypted with the CMK", async () => {
        assert.deepEqual(await runPolicy(rule, secret()), []);
    });

    it("reports a secret without kmsKeyId", async () => {
        assert.deepEqual(await runPolicy(rule, withProp(secret(), "kmsKeyId", undefined)), ["the secret uses the AWS managed key aws/secretsmanager"]);
    });

    it("reports a secret with the aws/secretsmanager alias", async () => {
        assert.equal((await runPolicy(rule, withProp(secret(), "kmsKeyId", "alias/aws/secretsmanager"))).length, 1);
    });

    it("passes a key that is unknown during preview", async () => {
        assert.deepEqual(await runPolicy(rule, withProp(secret(), "kmsKeyId", UNKNOWN.string)), []);
    });

    it("is advisory", () => assert.equal(rule.enforcementLevel, "advisory"));
});
