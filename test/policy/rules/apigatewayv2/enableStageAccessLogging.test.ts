import { strict as assert } from "node:assert";
import { enableStageAccessLogging as rule } from "../../../../policy/rules/apigatewayv2/enableStageAccessLogging";
import { runPolicy, UNKNOWN, withProp } from "../../../helpers/policy";
import { apiStage } from "../../../helpers/policyFixtures";

describe("rule: enable-api-stage-access-logging", () => {
    it("passes the blueprint's stage", async () => {
        assert.deepEqual(await runPolicy(rule, apiStage()), []);
    });

    it("reports a stage without accessLogSettings", async () => {
        assert.deepEqual(await runPolicy(rule, withProp(apiStage(), "accessLogSettings", undefined)), [
            "the stage has no accessLogSettings with destinationArn and format",
        ]);
    });

    it("reports accessLogSettings without a format", async () => {
        assert.equal((await runPolicy(rule, withProp(apiStage(), "accessLogSettings", { destinationArn: "arn:aws:logs:x" }))).length, 1);
    });

    it("passes a destination unknown during preview", async () => {
        assert.deepEqual(await runPolicy(rule, withProp(apiStage(), "accessLogSettings", { destinationArn: UNKNOWN.string, format: "{}" })), []);
    });
});
