import { strict as assert } from "node:assert";
import { fixturePlan, fixturePlanWith, isSecretValue, ofType, single } from "../../helpers/stackPlan";

describe("component: Secrets", () => {
    it("creates one customer-managed key with rotation on", async () => {
        const plan = await fixturePlan("small");
        assert.equal(ofType(plan, "aws:kms/key:Key").length, 1);
        assert.equal(single(plan, "aws:kms/key:Key").inputs.enableKeyRotation, true);
    });

    it("keeps the key and its alias after a destroy where the stack keeps a final snapshot and backups that still need it", async () => {
        const plan = await fixturePlan("hardened");
        assert.equal(single(plan, "aws:kms/key:Key").options.retainOnDelete, true);
        assert.equal(single(plan, "aws:kms/alias:Alias").options.retainOnDelete, true);
    });

    it("deletes the key with a stack that keeps no snapshot", async () => {
        const plan = await fixturePlan("small");
        assert.equal(single(plan, "aws:kms/key:Key").options.retainOnDelete, false);
        assert.equal(single(plan, "aws:kms/alias:Alias").options.retainOnDelete, false);
    });

    it("lets Pulumi name the alias (alias/<project>-<stack>-…-<random>), so a kept alias does not block creating the stack again", async () => {
        const alias = single(await fixturePlan("hardened"), "aws:kms/alias:Alias").inputs;
        assert.equal(alias.name, undefined);
        assert.equal(alias.namePrefix, undefined);
    });

    it("keeps the stack's name out of the key's description, which a rename would otherwise change", async () => {
        const plan = await fixturePlan("hardened");
        assert.ok(!String(single(plan, "aws:kms/key:Key").inputs.description).includes(plan.project));
    });

    it("creates no secret, password or secret version for the app user in IAM mode", async () => {
        const plan = await fixturePlan("small");
        assert.equal(ofType(plan, "aws:secretsmanager/secret:Secret").length, 0);
        assert.equal(ofType(plan, "random:index/randomPassword:RandomPassword").length, 0);
        assert.equal(ofType(plan, "aws:secretsmanager/secretVersion:SecretVersion").length, 0);
    });

    it("encrypts the app user's secret with that key in secret mode", async () => {
        const plan = await fixturePlanWith("small", { dbAuth: "secret" });
        const secret = single(plan, "aws:secretsmanager/secret:Secret");
        assert.match(String(secret.inputs.kmsKeyId), /:key\//);
    });

    it("stores a generated password with the app user's name, never a literal, in secret mode", async () => {
        const plan = await fixturePlanWith("small", { dbAuth: "secret" });
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
