import { strict as assert } from "node:assert";
import { disallowPublicSecretPolicy as rule } from "../../../../policy/rules/secretsmanager/disallowPublicSecretPolicy";
import { T } from "../../../../policy/lib/types";
import { runPolicy } from "../../../helpers/policy";
import { APP_SECRET_ARN, iamPolicy, secret } from "../../../helpers/policyFixtures";
import { describeExposureCases } from "../../../helpers/resourcePolicyCases";

const secretPolicy = (policy: string) => ({ type: T.secretPolicy, props: { secretArn: APP_SECRET_ARN, policy } });
const inlinePolicy = (policy: string) => ({ ...secret(), props: { ...secret().props, policy } });

describe("rule: disallow-public-secret-policy", () => {
    it("passes the blueprint's secret, which has no resource policy", async () => {
        assert.deepEqual(await runPolicy(rule, secret()), []);
    });

    it("reports the issue's case: a SecretPolicy open to {\"AWS\": \"*\"} with no condition", async () => {
        const policy = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: "secretsmanager:GetSecretValue", Resource: "*" }] });
        assert.deepEqual(await runPolicy(rule, secretPolicy(policy)), ['policy statement 0: allows "secretsmanager:GetSecretValue" to {"AWS": "*"} with no condition']);
    });

    it("reads no other resource's policy", async () => {
        const open = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "sqs:SendMessage", Resource: "*" }] });
        assert.deepEqual(await runPolicy(rule, { type: T.sqsQueuePolicy, props: { queueUrl: "q", policy: open } }), []);
        assert.deepEqual(await runPolicy(rule, iamPolicy(open)), []);
    });

    describeExposureCases({ rule, resources: [secretPolicy, inlinePolicy], action: "secretsmanager:GetSecretValue", arn: "*" });
});
