import { strict as assert } from "node:assert";
import { disallowPublicFunctionUrl as rule } from "../../../../policy/rules/lambda/disallowPublicFunctionUrl";
import { T } from "../../../../policy/lib/types";
import { runPolicy, UNKNOWN } from "../../../helpers/policy";

const functionUrl = (authorizationType: unknown) => ({ type: T.lambdaFunctionUrl, props: { functionName: "orders-api", authorizationType } });

describe("rule: disallow-public-function-url", () => {
    it("passes a URL that requires SigV4 (AWS_IAM)", async () => {
        assert.deepEqual(await runPolicy(rule, functionUrl("AWS_IAM")), []);
    });

    it("reports a URL with no authentication, however it is spelled", async () => {
        for (const value of ["NONE", "none", " NONE "]) {
            assert.deepEqual(await runPolicy(rule, functionUrl(value)), ["authorizationType is NONE: anyone on the internet can invoke the function through its URL"], value);
        }
    });

    it("does not report an authorization type unknown during preview", async () => {
        assert.deepEqual(await runPolicy(rule, functionUrl(UNKNOWN.string)), []);
    });
});
