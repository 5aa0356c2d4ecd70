import { strict as assert } from "node:assert";
import { awsManagedPolicyName, disallowBroadManagedPolicies as rule } from "../../../../policy/rules/iam/disallowBroadManagedPolicies";
import { runPolicy, UNKNOWN, withProp } from "../../../helpers/policy";
import { T } from "../../../../policy/lib/types";
import { iamRole, rolePolicyAttachment, VPC_ACCESS_POLICY } from "../../../helpers/policyFixtures";

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

    it("reports a broad policy in the policyArns of an exclusive attachment, next to a narrow one", async () => {
        for (const type of [T.iamRolePolicyAttachmentsExclusive, T.iamUserPolicyAttachmentsExclusive, T.iamGroupPolicyAttachmentsExclusive]) {
            const narrow = { type, props: { roleName: "orders-api", policyArns: [VPC_ACCESS_POLICY] } };
            assert.deepEqual(await runPolicy(rule, narrow), [], type);
            const broad = withProp(narrow, "policyArns", [VPC_ACCESS_POLICY, "arn:aws:iam::aws:policy/PowerUserAccess"]);
            assert.deepEqual(await runPolicy(rule, broad), ["policyArns attaches the broad AWS managed policy PowerUserAccess"], type);
            assert.deepEqual(await runPolicy(rule, withProp(narrow, "policyArns", UNKNOWN.array)), [], type);
        }
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
