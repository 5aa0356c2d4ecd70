import { strict as assert } from "node:assert";
import { configureStageThrottling as rule } from "../../../../policy/rules/apigatewayv2/configureStageThrottling";
import { runPolicy, UNKNOWN, withProp } from "../../../helpers/policy";
import { apiStage } from "../../../helpers/policyFixtures";

describe("rule: configure-api-stage-throttling", () => {
    it("passes the blueprint's stage", async () => {
        assert.deepEqual(await runPolicy(rule, apiStage()), []);
    });

    it("reports a stage without defaultRouteSettings", async () => {
        assert.deepEqual(await runPolicy(rule, withProp(apiStage(), "defaultRouteSettings", undefined)), [
            "defaultRouteSettings does not set throttlingBurstLimit and throttlingRateLimit",
        ]);
    });

    it("reports a zero rate limit", async () => {
        assert.deepEqual(await runPolicy(rule, withProp(apiStage(), "defaultRouteSettings", { throttlingBurstLimit: 10, throttlingRateLimit: 0 })), [
            "defaultRouteSettings does not set throttlingRateLimit",
        ]);
    });

    it("passes limits unknown during preview", async () => {
        assert.deepEqual(await runPolicy(rule, withProp(apiStage(), "defaultRouteSettings", UNKNOWN.object)), []);
    });
});
