import { strict as assert } from "node:assert";
import { awsManagedPolicyName, disallowBroadManagedPolicies as rule } from "../../../../policy/rules/iam/disallowBroadManagedPolicies";
import { runPolicy, UNKNOWN, withProp } from "../../../helpers/policy";
import { iamRole, rolePolicyAttachment } from "../../../helpers/policyFixtures";

describe("rule: disallow-broad-managed-policies", () => {
    it("passes the narrow AWSLambdaVPCAccessExecutionRole on a role and an attachment", async () => {
        assert.deepEqual(await runPolicy(rule, iamRole()), []);
        assert.deepEqual(await runPolicy(rule, rolePolicyAttachment()), []);
    });

    it("reports SecretsManagerReadWrite in managedPolicyArns", async () => {
        const role = withProp(iamRole(), "managedPolicyArns", ["arn:aws:iam::aws:policy/SecretsManagerReadWrite"]);
        assert.deepEqual(await runPolicy(rule, role), ["managedPolicyArns attaches the broad AWS managed policy SecretsManagerReadWrite"]);
    });

    it("reports AdministratorAccess on a RolePolicyAttachment", async () => {
        assert.deepEqual(await runPolicy(rule, rolePolicyAttachment("arn:aws:iam::aws:policy/AdministratorAccess")), [
            "policyArn attaches the broad AWS managed policy AdministratorAccess",
        ]);
    });

    it("reports any *FullAccess policy, also in another partition", async () => {
        assert.equal((await runPolicy(rule, rolePolicyAttachment("arn:aws-us-gov:iam::aws:policy/AmazonDynamoDBFullAccess"))).length, 1);
    });

    it("lets config allow a policy or stop flagging *FullAccess", async () => {
        const attachment = rolePolicyAttachment("arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess");
        assert.deepEqual(await runPolicy(rule, attachment, { allowedPolicies: ["AmazonDynamoDBFullAccess"] }), []);
        assert.deepEqual(await runPolicy(rule, attachment, { disallowAnyFullAccess: false }), []);
    });

    it("does not report customer managed policies or unknown ARNs", async () => {
        assert.deepEqual(await runPolicy(rule, rolePolicyAttachment("arn:aws:iam::123456789012:policy/AdministratorAccess")), []);
        assert.deepEqual(await runPolicy(rule, rolePolicyAttachment(UNKNOWN.string)), []);
        assert.deepEqual(await runPolicy(rule, withProp(iamRole(), "managedPolicyArns", UNKNOWN.array)), []);
    });

    it("extracts the name from paths", () => {
        assert.equal(awsManagedPolicyName("arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"), "AWSLambdaVPCAccessExecutionRole");
    });
});
