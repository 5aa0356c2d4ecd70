import { strict as assert } from "node:assert";
import { disallowHardcodedSecretsInTags as rule } from "../../../../policy/rules/tags/disallowHardcodedSecretsInTags";
import { runPolicy, UNKNOWN, withProp } from "../../../helpers/policy";
import { rdsInstance } from "../../../helpers/policyFixtures";
import { generatedPassword } from "../../../helpers/policyFixtures";
import { TOKEN_GENERATORS } from "../../../helpers/policyTokens";

/** A fresh value per run: the repository holds no credential, not even a fake one. */
const pw = generatedPassword();

describe("rule: disallow-hardcoded-secrets-in-tags", () => {
    it("passes ordinary tags", async () => {
        assert.deepEqual(await runPolicy(rule, withProp(rdsInstance(), "tags", { Project: "orders", Stack: "dev", SecretRotation: "rds" })), []);
    });

    it("reports a password in a tag on any resource type", async () => {
        assert.deepEqual(await runPolicy(rule, withProp(rdsInstance(), "tags", { Project: "orders", AdminPassword: `${pw}` })), [
            "tag AdminPassword has a password-like name and holds a literal value",
        ]);
    });

    it("does not throw on tags unknown during preview", async () => {
        assert.deepEqual(await runPolicy(rule, withProp(rdsInstance(), "tags", UNKNOWN.object)), []);
    });
});

describe("rule: disallow-hardcoded-secrets-in-tags (formats)", () => {
    it("reports a Slack webhook URL in a tag with a neutral name, not a tag naming a KMS alias", async () => {
        const messages = await runPolicy(rule, withProp(rdsInstance(), "tags", { Project: "orders", Alerts: TOKEN_GENERATORS["slack-webhook-url"]!() }));
        assert.equal(messages.length, 1);
        assert.match(messages[0]!, /^tag Alerts contains a Slack token or webhook URL .*\(secretlint: slack\)$/);
        assert.deepEqual(await runPolicy(rule, withProp(rdsInstance(), "tags", { Project: "orders", EncryptionKey: "alias/orders-dev" })), []);
    });
});
