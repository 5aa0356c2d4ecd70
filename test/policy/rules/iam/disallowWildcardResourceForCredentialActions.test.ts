import { strict as assert } from "node:assert";
import { disallowWildcardResourceForCredentialActions as rule } from "../../../../policy/rules/iam/disallowWildcardResourceForCredentialActions";
import { isUnscopedResource } from "../../../../policy/lib/iamDocument";
import { T } from "../../../../policy/lib/types";
import { runPolicy } from "../../../helpers/policy";
import { iamPolicy, iamRole, proxyRole, runtimePolicy, vpcEndpoint, ACCOUNT, REGION } from "../../../helpers/policyFixtures";

describe("rule: disallow-wildcard-resource-for-credential-actions", () => {
    it("passes the blueprint's roles and endpoint policy, which name one secret, key and db user", async () => {
        for (const resource of [iamRole(), proxyRole(), vpcEndpoint()]) {
            assert.deepEqual(await runPolicy(rule, resource), [], resource.name);
        }
    });

    it("reports secretsmanager:GetSecretValue on \"*\" in a string document", async () => {
        const doc = runtimePolicy();
        doc.Statement[2]!.Resource = "*";
        assert.deepEqual(await runPolicy(rule, iamPolicy(JSON.stringify(doc))), [
            'policy statement 2 ("ReadAppSecret"): allows secretsmanager:GetSecretValue on "*"',
        ]);
    });

    it("reports kms:Decrypt on \"*\" even with a kms:ViaService condition", async () => {
        const doc = runtimePolicy();
        doc.Statement[3]!.Resource = ["*"];
        assert.equal((await runPolicy(rule, iamPolicy(doc))).length, 1);
    });

    it("reports rds-db:connect on every db user of the account", async () => {
        const doc = { Statement: { Effect: "Allow", Action: "rds-db:connect", Resource: `arn:aws:rds-db:${REGION}:${ACCOUNT}:dbuser:*/*` } };
        assert.equal((await runPolicy(rule, iamPolicy(doc))).length, 1);
    });

    it("reports wildcard actions that include a credential action", async () => {
        const doc = { Statement: { Effect: "Allow", Action: "secretsmanager:Get*", Resource: "*" } };
        assert.deepEqual(await runPolicy(rule, iamPolicy(doc)), ['policy statement 0: allows secretsmanager:GetSecretValue on "*"']);
    });

    it("reads a VPC endpoint policy set with its own VpcEndpointPolicy resource", async () => {
        const policy = { type: T.vpcEndpointPolicy, props: { vpcEndpointId: "vpce-0a1b2c3d4e5f60001", policy: vpcEndpoint().props.policy } };
        assert.deepEqual(await runPolicy(rule, policy), []);
        const open = { Statement: [{ Effect: "Allow", Principal: "*", Action: "secretsmanager:GetSecretValue", Resource: "*" }] };
        assert.deepEqual(await runPolicy(rule, { ...policy, props: { ...policy.props, policy: JSON.stringify(open) } }), [
            'policy statement 0: allows secretsmanager:GetSecretValue on "*"',
        ]);
    });

    it("does not report a Deny statement on \"*\"", async () => {
        const doc = { Statement: { Effect: "Deny", Action: "kms:Decrypt", Resource: "*" } };
        assert.deepEqual(await runPolicy(rule, iamPolicy(doc)), []);
    });

    it("tells scoped from unscoped ARNs", () => {
        assert.equal(isUnscopedResource("arn:aws:secretsmanager:*:*:secret:*"), true);
        assert.equal(isUnscopedResource(`arn:aws:kms:${REGION}:${ACCOUNT}:key/*`), true);
        assert.equal(isUnscopedResource(`arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:orders-*`), false);
        assert.equal(isUnscopedResource(`arn:aws:rds-db:${REGION}:${ACCOUNT}:dbuser:prx-1/app`), false);
    });
});

describe("rule: disallow-wildcard-resource-for-credential-actions (Region, account and SSM parameters)", () => {
    it("reports ssm:GetParameter* on arn:aws:ssm:*:*:parameter/*", async () => {
        const doc = { Statement: { Effect: "Allow", Action: "ssm:GetParameter*", Resource: "arn:aws:ssm:*:*:parameter/*" } };
        assert.deepEqual(await runPolicy(rule, iamPolicy(doc)), [
            'policy statement 0: allows ssm:GetParameter, ssm:GetParameters, ssm:GetParametersByPath, ssm:GetParameterHistory on "arn:aws:ssm:*:*:parameter/*"',
        ]);
    });

    it("reports a secret prefix in every Region", async () => {
        const doc = { Statement: { Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: "arn:aws:secretsmanager:*:123456789012:secret:orders-*" } };
        assert.equal((await runPolicy(rule, iamPolicy(doc))).length, 1);
    });

    it("passes ssm:GetParameter on one parameter path in a named Region and account", async () => {
        const doc = { Statement: { Effect: "Allow", Action: "ssm:GetParameter", Resource: `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/orders/dev/*` } };
        assert.deepEqual(await runPolicy(rule, iamPolicy(doc)), []);
    });
});
