import { strict as assert } from "node:assert";
import { requireSourceArnForServicePrincipal as rule } from "../../../../policy/rules/lambda/requireSourceArnForServicePrincipal";
import { runPolicy, UNKNOWN, withProp } from "../../../helpers/policy";
import { lambdaPermission } from "../../../helpers/policyFixtures";

describe("rule: require-source-arn-for-service-principal", () => {
    it("passes the blueprint's permission with a sourceArn", async () => {
        assert.deepEqual(await runPolicy(rule, lambdaPermission()), []);
    });

    it("reports apigateway.amazonaws.com without sourceArn", async () => {
        assert.deepEqual(await runPolicy(rule, withProp(lambdaPermission(), "sourceArn", undefined)), [
            "service principal apigateway.amazonaws.com has no sourceArn (confused deputy)",
        ]);
    });

    it("passes a sourceArn that is unknown during preview (the API's execution ARN)", async () => {
        assert.deepEqual(await runPolicy(rule, withProp(lambdaPermission(), "sourceArn", UNKNOWN.string)), []);
    });

    it("does not apply to an account principal", async () => {
        const permission = withProp(withProp(lambdaPermission(), "principal", "123456789012"), "sourceArn", undefined);
        assert.deepEqual(await runPolicy(rule, permission), []);
    });
});
