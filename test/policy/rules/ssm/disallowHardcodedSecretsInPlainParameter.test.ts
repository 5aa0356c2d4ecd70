import { strict as assert } from "node:assert";
import { disallowHardcodedSecretsInPlainParameter as rule } from "../../../../policy/rules/ssm/disallowHardcodedSecretsInPlainParameter";
import { runPolicy, UNKNOWN, withProp } from "../../../helpers/policy";
import { ssmParameter } from "../../../helpers/policyFixtures";
import { generatedPassword } from "../../../helpers/policyFixtures";
import { TOKEN_GENERATORS } from "../../../helpers/policyTokens";

/** A fresh value per run: the repository holds no credential, not even a fake one. */
const pw = generatedPassword();

describe("rule: disallow-hardcoded-secrets-in-plain-ssm-parameters", () => {
    it("passes a String parameter holding a host name", async () => {
        assert.deepEqual(await runPolicy(rule, ssmParameter()), []);
    });

    it("reports a String parameter named like a password", async () => {
        const parameter = withProp(ssmParameter(), "name", "/orders/dev/db-password");
        assert.deepEqual(await runPolicy(rule, withProp(parameter, "value", `${pw}`)), [
            "parameter /orders/dev/db-password (value) has a password-like name and holds a literal value",
        ]);
    });

    it("reports a connection string with a password in any plain parameter", async () => {
        assert.equal((await runPolicy(rule, withProp(ssmParameter(), "value", `mysql://app:${pw}@db/orders`))).length, 1);
    });

    it("does not apply to SecureString parameters or unknown types", async () => {
        const secure = withProp(withProp(ssmParameter(), "type", "SecureString"), "value", `mysql://app:${pw}@db/orders`);
        assert.deepEqual(await runPolicy(rule, secure), []);
        assert.deepEqual(await runPolicy(rule, withProp(secure, "type", UNKNOWN.string)), []);
    });
});

describe("rule: disallow-hardcoded-secrets-in-plain-ssm-parameters (formats and documents)", () => {
    it("reports an npm token in a String parameter with a neutral name", async () => {
        const messages = await runPolicy(rule, withProp(ssmParameter(), "value", TOKEN_GENERATORS["npm-access-token"]!()));
        assert.equal(messages.length, 1);
        assert.match(messages[0]!, /^parameter \/orders\/dev\/db-host \(value\) contains an npm access token .*\(secretlint: npm\)$/);
    });

    it("reports a password in a JSON document parameter and passes the same document without it", async () => {
        const doc = (extra: Record<string, string>) => JSON.stringify({ host: "proxy", user: "app", ...extra });
        assert.deepEqual(await runPolicy(rule, withProp(ssmParameter(), "value", doc({ password: pw }))), [
            'parameter /orders/dev/db-host (value) holds a JSON document whose "password" has a password-like name and holds a literal value',
        ]);
        assert.deepEqual(await runPolicy(rule, withProp(ssmParameter(), "value", doc({ kmsKey: "alias/orders" }))), []);
    });
});
