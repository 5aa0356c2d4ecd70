import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { disallowHardcodedSecretsInCode as rule } from "../../../../policy/rules/lambda/disallowHardcodedSecretsInCode";
import { runPolicy, UNKNOWN, withProp } from "../../../helpers/policy";
import { lambdaFunction } from "../../../helpers/policyFixtures";
import { generatedPassword } from "../../../helpers/policyFixtures";
import { TOKEN_GENERATORS } from "../../../helpers/policyTokens";

/** A fresh value per run: the repository holds no credential, not even a fake one. */
const pw = generatedPassword();

describe("rule: disallow-hardcoded-secrets-in-lambda-code", () => {
    it("passes the blueprint's code bundle", async () => {
        assert.deepEqual(await runPolicy(rule, lambdaFunction()), []);
    });

    it("reports a password literal in an AssetArchive file", async () => {
        const code = new pulumi.asset.AssetArchive({
            "index.js": new pulumi.asset.StringAsset(`const db = { user: "app", password: "${pw}" };`),
        });
        assert.deepEqual(await runPolicy(rule, withProp(lambdaFunction(), "code", code)), [
            'code file index.js assigns a literal to the password-like name "password"',
        ]);
    });

    it("reports a private key in serialized inline code", async () => {
        const code = { assets: { "key.pem": { text: "-----BEGIN " + "PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----" } } };
        assert.deepEqual(await runPolicy(rule, withProp(lambdaFunction(), "code", code)), ["code file key.pem contains a private key"]);
    });

    it("stops after maxReports findings", async () => {
        const files = Object.fromEntries([1, 2, 3].map((i) => [`f${i}.js`, { text: `const password = "${pw}${i}";` }]));
        assert.equal((await runPolicy(rule, withProp(lambdaFunction(), "code", { assets: files }), { maxReports: 2 })).length, 2);
    });

    it("does not report code that is unknown during preview", async () => {
        assert.deepEqual(await runPolicy(rule, withProp(lambdaFunction(), "code", UNKNOWN.archive)), []);
    });
});

describe("rule: disallow-hardcoded-secrets-in-lambda-code (formats)", () => {
    it("reports a Stripe live key in minified code, whatever the variable is called", async () => {
        const code = { assets: { "index.js": { text: `var a=require("x");const c="${TOKEN_GENERATORS["stripe-access-token"]!()}";exports.handler=async()=>a(c);` } } };
        const messages = await runPolicy(rule, withProp(lambdaFunction(), "code", code));
        assert.equal(messages.length, 1);
        assert.match(messages[0]!, /^code file index\.js contains a Stripe secret key .*\(secretlint: stripe\)$/);
    });

    it("does not report minified code that assigns a password from a variable", async () => {
        const code = { assets: { "index.js": { text: "const o={password:e.password,token:t.token};o.password=n.password;export{o};" } } };
        assert.deepEqual(await runPolicy(rule, withProp(lambdaFunction(), "code", code)), []);
    });
});
