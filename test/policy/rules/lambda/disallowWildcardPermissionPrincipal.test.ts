import { strict as assert } from "node:assert";
import { disallowWildcardPermissionPrincipal as rule } from "../../../../policy/rules/lambda/disallowWildcardPermissionPrincipal";
import { runPolicy, UNKNOWN, withProp } from "../../../helpers/policy";
import { lambdaPermission } from "../../../helpers/policyFixtures";

describe("rule: disallow-wildcard-lambda-permission-principal", () => {
    it("passes the blueprint's API Gateway permission", async () => {
        assert.deepEqual(await runPolicy(rule, lambdaPermission()), []);
    });

    it("reports principal \"*\"", async () => {
        assert.deepEqual(await runPolicy(rule, withProp(lambdaPermission(), "principal", "*")), ['principal is "*": anyone can invoke the function']);
    });

    it("does not report a principal unknown during preview", async () => {
        assert.deepEqual(await runPolicy(rule, withProp(lambdaPermission(), "principal", UNKNOWN.string)), []);
    });
});
