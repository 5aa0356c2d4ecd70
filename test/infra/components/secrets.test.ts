import { strict as assert } from "node:assert";
import { committedPlan, isSecretValue, ofType, single } from "../../helpers/stackPlan";

describe("component: Secrets", () => {
    it("creates one customer-managed key with rotation on", async () => {
        const plan = await committedPlan("dev");
        assert.equal(ofType(plan, "aws:kms/key:Key").length, 1);
        assert.equal(single(plan, "aws:kms/key:Key").inputs.enableKeyRotation, true);
    });

    it("encrypts the app user's secret with that key", async () => {
        const plan = await committedPlan("dev");
        const secret = single(plan, "aws:secretsmanager/secret:Secret");
        assert.match(String(secret.inputs.kmsKeyId), /:key\//);
    });

    it("stores a generated password with the app user's name, never a literal", async () => {
        const plan = await committedPlan("dev");
        const password = single(plan, "random:index/randomPassword:RandomPassword");
        assert.ok(Number(password.inputs.length) >= 32);
        const secretString = single(plan, "aws:secretsmanager/secretVersion:SecretVersion").inputs.secretString;
        assert.ok(isSecretValue(secretString), "the secret string travels as a Pulumi secret");
        const value = JSON.parse(secretString.value as string) as Record<string, string>;
        assert.equal(value.username, "app");
        assert.equal(value.engine, "mysql");
        assert.ok(value.password && value.password.length >= 32);
    });
});
