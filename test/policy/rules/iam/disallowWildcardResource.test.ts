import { strict as assert } from "node:assert";
import { disallowWildcardResource } from "../../../../policy/rules/iam/disallowWildcardResource";
import { WILDCARD_ONLY_ACTIONS } from "../../../../policy/lib/wildcardOnlyActions";
import { runPolicy, UNKNOWN } from "../../../helpers/policy";
import { isWildcardResource } from "../../../../policy/lib/iamDocument";
import { iamPolicy, iamRole, kmsKey, LOG_GROUP_ARN, runtimePolicy, vpcEndpoint, ACCOUNT, REGION } from "../../../helpers/policyFixtures";

describe("rule: disallow-wildcard-resource", () => {
    it("passes the blueprint's role, whose only \"*\" statement is the Lambda ENI actions", async () => {
        assert.deepEqual(await runPolicy(disallowWildcardResource, iamRole()), []);
        assert.deepEqual(await runPolicy(disallowWildcardResource, vpcEndpoint()), []);
    });

    it("does not read KMS key policies, where \"*\" means the key itself", async () => {
        assert.deepEqual(await runPolicy(disallowWildcardResource, kmsKey()), []);
    });

    it("reports logs actions moved to Resource \"*\"", async () => {
        const doc = runtimePolicy();
        doc.Statement[1]!.Resource = "*";
        assert.deepEqual(await runPolicy(disallowWildcardResource, iamPolicy(JSON.stringify(doc))), [
            'policy statement 1 ("Logs"): allows "logs:CreateLogStream", "logs:PutLogEvents" on Resource "*"',
        ]);
    });

    it("reports an ARN that names no region, account or resource, as public samples write for logs", async () => {
        const doc = runtimePolicy();
        doc.Statement[1]!.Resource = "arn:aws:logs:*:*:*";
        assert.deepEqual(await runPolicy(disallowWildcardResource, iamPolicy(doc)), [
            'policy statement 1 ("Logs"): allows "logs:CreateLogStream", "logs:PutLogEvents" on Resource "arn:aws:logs:*:*:*"',
        ]);
    });

    it("tells every-resource ARNs from ARNs that name an account, a bucket or a log group", () => {
        for (const r of ["*", "arn:aws:logs:*:*:*", "arn:aws:s3:::*", "arn:aws:s3:::*/*", "arn:*:*:*:*:*"]) {
            assert.equal(isWildcardResource(r), true, r);
        }
        for (const r of [`arn:aws:logs:${REGION}:${ACCOUNT}:*`, "arn:aws:s3:::orders-bucket/*", `${LOG_GROUP_ARN}:*`, "arn:aws:logs:*:*:log-group:/aws/lambda/orders-api:*", "s3:*"]) {
            assert.equal(isWildcardResource(r), false, r);
        }
    });

    it("reports only the non-allowlisted actions of a mixed statement with a scalar action", async () => {
        const doc = { Statement: { Effect: "Allow", Action: "ec2:CreateNetworkInterface", Resource: ["*"] } };
        assert.deepEqual(await runPolicy(disallowWildcardResource, iamPolicy(doc)), []);
        const mixed = { Statement: { Effect: "Allow", Action: ["xray:PutTraceSegments", "s3:PutObject"], Resource: ["arn:aws:s3:::b/*", "*"] } };
        assert.deepEqual(await runPolicy(disallowWildcardResource, iamPolicy(mixed)), ['policy statement 0: allows "s3:PutObject" on Resource "*"']);
    });

    it("reports a wildcard pattern even when it only covers allowlisted actions", async () => {
        const doc = { Statement: { Effect: "Allow", Action: "ec2:*NetworkInterface*", Resource: "*" } };
        assert.equal((await runPolicy(disallowWildcardResource, iamPolicy(doc))).length, 1);
    });

    it("does not report a Deny statement on \"*\", with or without conditions", async () => {
        const doc = { Statement: [{ Effect: "Deny", Action: "s3:*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } }] };
        assert.deepEqual(await runPolicy(disallowWildcardResource, iamPolicy(doc)), []);
    });

    it("still reports an Allow on \"*\" that has a condition", async () => {
        const doc = { Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*", Condition: { StringEquals: { "aws:ResourceAccount": "123456789012" } } }] };
        assert.equal((await runPolicy(disallowWildcardResource, iamPolicy(doc))).length, 1);
    });

    it("passes a rotation function's secretsmanager:GetRandomPassword on \"*\", but not its other secret actions", async () => {
        const doc = { Statement: { Effect: "Allow", Action: "secretsmanager:GetRandomPassword", Resource: "*" } };
        assert.deepEqual(await runPolicy(disallowWildcardResource, iamPolicy(doc)), []);
        const put = { Statement: { Effect: "Allow", Action: ["secretsmanager:GetRandomPassword", "secretsmanager:PutSecretValue"], Resource: "*" } };
        assert.deepEqual(await runPolicy(disallowWildcardResource, iamPolicy(put)), ['policy statement 0: allows "secretsmanager:PutSecretValue" on Resource "*"']);
    });

    it("accepts extra actions from config", async () => {
        const doc = { Statement: { Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" } };
        assert.equal((await runPolicy(disallowWildcardResource, iamPolicy(doc))).length, 1);
        assert.deepEqual(await runPolicy(disallowWildcardResource, iamPolicy(doc), { allowedWildcardActions: ["ecr:GetAuthorizationToken"] }), []);
    });

    it("does not report a resource that is unknown during preview", async () => {
        const doc = { Statement: { Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: UNKNOWN.string } };
        assert.deepEqual(await runPolicy(disallowWildcardResource, iamPolicy(doc)), []);
    });

    it("keeps the allowlist short and explains every entry", () => {
        assert.ok(WILDCARD_ONLY_ACTIONS.length <= 20);
        assert.ok(WILDCARD_ONLY_ACTIONS.every((a) => /^[a-z0-9-]+:[A-Za-z]+$/.test(a.action) && a.why.length > 10));
    });
});
