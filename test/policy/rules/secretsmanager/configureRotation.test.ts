import { strict as assert } from "node:assert";
import { configureRotation as rule } from "../../../../policy/rules/secretsmanager/configureRotation";
import { runStackPolicy, UNKNOWN } from "../../../helpers/policy";
import { APP_SECRET_ARN, secret, secretRotation } from "../../../helpers/policyFixtures";

describe("rule: configure-secret-rotation", () => {
    it("passes a secret with a rotation whose secretId is its ARN", async () => {
        const s = secret();
        s.props.arn = APP_SECRET_ARN;
        assert.deepEqual(await runStackPolicy(rule, [s, secretRotation()]), []);
    });

    it("passes a secret with a rotation that depends on it", async () => {
        assert.deepEqual(await runStackPolicy(rule, [secret(), { ...secretRotation("other"), dependsOn: ["orders-app-secret"] }]), []);
    });

    it("reports a secret without rotation, on the secret's URN", async () => {
        assert.deepEqual(await runStackPolicy(rule, [secret()]), [
            { message: "secret orders-app-secret has no SecretRotation", urn: "urn:pulumi:test::test::aws:secretsmanager/secret:Secret::orders-app-secret" },
        ]);
    });

    it("reports nothing when a rotation's target is unknown during preview", async () => {
        assert.deepEqual(await runStackPolicy(rule, [secret(), secretRotation(UNKNOWN.string)]), []);
    });

    it("is advisory (the blueprint's app secret has no rotation function)", () => assert.equal(rule.enforcementLevel, "advisory"));
});
