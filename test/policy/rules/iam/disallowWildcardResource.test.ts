import { strict as assert } from "node:assert";
import { disallowWildcardResource } from "../../../../policy/rules/iam/disallowWildcardResource";
import { WILDCARD_RESOURCE_EXCEPTIONS } from "../../../../policy/lib/wildcardOnlyActions";
import { actionFacts, expandActions } from "../../../../policy/lib/iamActions";
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

    it("accepts extra actions or patterns from config", async () => {
        const doc = { Statement: { Effect: "Allow", Action: "ssm:GetParameter", Resource: "*" } };
        assert.equal((await runPolicy(disallowWildcardResource, iamPolicy(doc))).length, 1);
        assert.deepEqual(await runPolicy(disallowWildcardResource, iamPolicy(doc), { allowedWildcardActions: ["ssm:GetParameter"] }), []);
        assert.deepEqual(await runPolicy(disallowWildcardResource, iamPolicy(doc), { allowedWildcardActions: ["ssm:Get*"] }), []);
    });

    it("passes the reads the issue names as false alarms, which AWS only authorizes on \"*\"", async () => {
        for (const action of ["ecr:GetAuthorizationToken", "cloudwatch:GetMetricData", "xray:PutTraceSegments", "ec2:DescribeInstances", "s3:ListAllMyBuckets"]) {
            const doc = { Statement: { Effect: "Allow", Action: action, Resource: "*" } };
            assert.deepEqual(await runPolicy(disallowWildcardResource, iamPolicy(doc)), [], action);
        }
    });

    it("judges a pattern by what it expands to: \"xray:Put*\" passes, \"s3:Get*\" is reported with examples", async () => {
        for (const pattern of ["xray:Put*", "ec2:DescribeNetworkInterface*"]) {
            const doc = { Statement: { Effect: "Allow", Action: pattern, Resource: "*" } };
            assert.deepEqual(await runPolicy(disallowWildcardResource, iamPolicy(doc)), [], pattern);
        }
        const get = { Statement: { Effect: "Allow", Action: "s3:Get*", Resource: "*" } };
        const [message] = await runPolicy(disallowWildcardResource, iamPolicy(get));
        assert.match(message!, /^policy statement 0: allows "s3:Get\*" \(s3:Get\w+, s3:Get\w+, s3:Get\w+, and \d+ more\) on Resource "\*"$/);
    });

    it("fails closed on an action or a service the data does not know (a typo, or newer than the pinned data)", async () => {
        for (const action of ["ecr:GetAuthorisationToken", "newservice:DescribeThings", "newservice:Get*"]) {
            const doc = { Statement: { Effect: "Allow", Action: action, Resource: "*" } };
            assert.deepEqual(await runPolicy(disallowWildcardResource, iamPolicy(doc)), [`policy statement 0: allows "${action}" on Resource "*"`]);
            assert.deepEqual(await runPolicy(disallowWildcardResource, iamPolicy(doc), { allowedWildcardActions: ["newservice:*", "ecr:*"] }), []);
        }
    });

    describe("on actions drawn from the whole Service Authorization Reference at run time", () => {
        // Every 97th action of the data: a few hundred cases across all services, the same ones
        // for the same data version, new ones when the data is bumped.
        const sample = async () => (await expandActions(["*"])).filter((_, i) => i % 97 === 0);

        it("passes every action that has no resource type on \"*\", and reports every one that has one", async () => {
            const wrong: string[] = [];
            let wildcardOnly = 0;
            for (const action of await sample()) {
                const facts = await actionFacts(action);
                const exception = WILDCARD_RESOURCE_EXCEPTIONS.some((e) => e.action === action);
                const expected = facts!.wildcardOnly || exception ? 0 : 1;
                wildcardOnly += 1 - expected;
                const doc = { Statement: { Effect: "Allow", Action: action, Resource: "*" } };
                if ((await runPolicy(disallowWildcardResource, iamPolicy(doc))).length !== expected) {
                    wrong.push(`${action} (${expected ? "takes a resource" : "wildcard-only"})`);
                }
            }
            assert.deepEqual(wrong, []);
            assert.ok(wildcardOnly > 10, "the sample holds wildcard-only actions");
        });

        it("passes each of them on a named ARN", async () => {
            for (const action of (await sample()).slice(0, 50)) {
                const doc = { Statement: { Effect: "Allow", Action: action, Resource: `arn:aws:${action.split(":")[0]}:${REGION}:${ACCOUNT}:thing/one` } };
                assert.deepEqual(await runPolicy(disallowWildcardResource, iamPolicy(doc)), [], action);
            }
        });
    });

    it("does not report a resource that is unknown during preview", async () => {
        const doc = { Statement: { Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: UNKNOWN.string } };
        assert.deepEqual(await runPolicy(disallowWildcardResource, iamPolicy(doc)), []);
    });

    it("keeps the exceptions to the reference short, and gives each a reason and a source", async () => {
        assert.ok(WILDCARD_RESOURCE_EXCEPTIONS.length <= 10);
        for (const e of WILDCARD_RESOURCE_EXCEPTIONS) {
            assert.ok(/^[a-z0-9-]+:[A-Za-z]+$/.test(e.action) && e.why.length > 20 && e.source.length > 20, e.action);
            // An exception is for an action the reference gives a resource type; else it is not needed.
            assert.equal((await actionFacts(e.action))?.wildcardOnly, false, `${e.action} needs no exception`);
        }
    });
});
