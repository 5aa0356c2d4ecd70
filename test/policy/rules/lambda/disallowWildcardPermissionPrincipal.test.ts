import { strict as assert } from "node:assert";
import { disallowWildcardPermissionPrincipal as rule } from "../../../../policy/rules/lambda/disallowWildcardPermissionPrincipal";
import { runPolicy, UNKNOWN, withProp } from "../../../helpers/policy";
import { ACCOUNT, lambdaPermission } from "../../../helpers/policyFixtures";

/** A permission for everyone: the blueprint's, with principal "*" and its sourceArn removed. */
const everyone = () => withProp(withProp(lambdaPermission(), "principal", "*"), "sourceArn", undefined);

describe("rule: disallow-wildcard-lambda-permission-principal", () => {
    it("passes the blueprint's API Gateway permission", async () => {
        assert.deepEqual(await runPolicy(rule, lambdaPermission()), []);
    });

    it("reports principal \"*\" with nothing narrowing it", async () => {
        assert.deepEqual(await runPolicy(rule, everyone()), ['principal is "*" with no sourceArn, sourceAccount or principalOrgId: any AWS account can invoke the function']);
    });

    for (const [arg, value] of [
        ["sourceArn", `arn:aws:s3:::orders-uploads`],
        ["sourceAccount", ACCOUNT],
        ["principalOrgId", "o-a1b2c3d4e5"],
        ["eventSourceToken", "amzn1.ask.skill.0a1b2c3d"],
    ] as const) {
        it(`passes principal "*" narrowed by ${arg}, or by a ${arg} unknown during preview`, async () => {
            assert.deepEqual(await runPolicy(rule, withProp(everyone(), arg, value)), []);
            assert.deepEqual(await runPolicy(rule, withProp(everyone(), arg, UNKNOWN.string)), []);
        });
    }

    it("reports a public function URL even with a narrowing argument", async () => {
        const url = withProp(withProp(everyone(), "action", "lambda:InvokeFunctionUrl"), "functionUrlAuthType", "NONE");
        assert.deepEqual(await runPolicy(rule, withProp(url, "sourceAccount", ACCOUNT)), [
            'principal is "*" on a function URL with functionUrlAuthType NONE: anyone on the internet can invoke the function',
        ]);
        assert.deepEqual(await runPolicy(rule, withProp(withProp(url, "functionUrlAuthType", "AWS_IAM"), "sourceAccount", ACCOUNT)), []);
    });

    it("does not report a principal unknown during preview, or a blank narrowing argument as narrowing", async () => {
        assert.deepEqual(await runPolicy(rule, withProp(lambdaPermission(), "principal", UNKNOWN.string)), []);
        assert.equal((await runPolicy(rule, withProp(everyone(), "sourceAccount", " "))).length, 1);
    });
});
