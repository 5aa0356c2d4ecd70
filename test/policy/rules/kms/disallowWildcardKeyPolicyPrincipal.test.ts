import { strict as assert } from "node:assert";
import { disallowWildcardKeyPolicyPrincipal as rule } from "../../../../policy/rules/kms/disallowWildcardKeyPolicyPrincipal";
import { T } from "../../../../policy/lib/types";
import { runPolicy, withProp } from "../../../helpers/policy";
import { ACCOUNT, iamPolicy, kmsKey, REGION } from "../../../helpers/policyFixtures";
import { describeExposureCases } from "../../../helpers/resourcePolicyCases";

const keyPolicy = (principal: unknown, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ Statement: [{ Effect: "Allow", Principal: principal, Action: "kms:Decrypt", Resource: "*", ...extra }] });

describe("rule: disallow-wildcard-kms-key-policy-principal", () => {
    it("passes the blueprint's key policy (account root, ViaService condition)", async () => {
        assert.deepEqual(await runPolicy(rule, kmsKey()), []);
    });

    it("reports Principal \"*\" with no condition", async () => {
        assert.deepEqual(await runPolicy(rule, withProp(kmsKey(), "policy", keyPolicy("*"))), ['policy statement 0: allows "kms:Decrypt" to Principal "*" with no condition']);
    });

    it("reports {\"AWS\": \"*\"} with no condition in a KeyPolicy resource", async () => {
        const resource = { type: T.kmsKeyPolicy, props: { keyId: "k", policy: keyPolicy({ AWS: "*" }) } };
        assert.deepEqual(await runPolicy(rule, resource), ['policy statement 0: allows "kms:Decrypt" to {"AWS": "*"} with no condition']);
    });

    it("passes \"*\" narrowed by kms:CallerAccount and kms:ViaService", async () => {
        const condition = { Condition: { StringEquals: { "kms:CallerAccount": ACCOUNT, "kms:ViaService": `secretsmanager.${REGION}.amazonaws.com` } } };
        assert.deepEqual(await runPolicy(rule, withProp(kmsKey(), "policy", keyPolicy("*", condition))), []);
    });

    it("reports \"*\" with kms:ViaService alone: any account's principals may use the key through the service", async () => {
        const condition = { Condition: { StringEquals: { "kms:ViaService": `secretsmanager.${REGION}.amazonaws.com` } } };
        assert.deepEqual(await runPolicy(rule, withProp(kmsKey(), "policy", keyPolicy("*", condition))), [
            'policy statement 0: allows "kms:Decrypt" to Principal "*" with no condition that narrows the caller (account, organization, source ARN or VPC endpoint)',
        ]);
    });

    it("does not read identity policies", async () => {
        assert.deepEqual(await runPolicy(rule, iamPolicy({ Statement: [{ Effect: "Allow", Action: "kms:Decrypt", Resource: "*" }] })), []);
    });

    describeExposureCases({
        rule,
        resources: [(policy) => ({ type: T.kmsKey, props: { policy } }), (policy) => ({ type: T.kmsKeyPolicy, props: { keyId: "k", policy } })],
        action: "kms:Decrypt",
        arn: "*",
    });
});
