import { strict as assert } from "node:assert";
import { disallowHardcodedSecretsInStageVariables as rule } from "../../../../policy/rules/apigatewayv2/disallowHardcodedSecretsInStageVariables";
import { T } from "../../../../policy/lib/types";
import { runPolicy, withProp } from "../../../helpers/policy";
import { apiStage, ACCOUNT, REGION } from "../../../helpers/policyFixtures";
import { generatedPassword } from "../../../helpers/policyFixtures";
import { TOKEN_GENERATORS } from "../../../helpers/policyTokens";

/** A fresh value per run: the repository holds no credential, not even a fake one. */
const pw = generatedPassword();

describe("rule: disallow-hardcoded-secrets-in-stage-variables", () => {
    it("passes stage variables holding names and ARNs", async () => {
        const stage = withProp(apiStage(), "stageVariables", { secretArn: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:x`, env: "dev" });
        assert.deepEqual(await runPolicy(rule, stage), []);
    });

    it("reports an API token in HTTP API stage variables", async () => {
        assert.deepEqual(await runPolicy(rule, withProp(apiStage(), "stageVariables", { upstreamToken: "tok-123456" })), [
            "stageVariables.upstreamToken has a password-like name and holds a literal value",
        ]);
    });

    it("reports a password in REST API stage variables", async () => {
        const stage = { type: T.restApiStage, name: "v1", props: { variables: { dbPassword: `${pw}` } } };
        assert.equal((await runPolicy(rule, stage)).length, 1);
    });
});

describe("rule: disallow-hardcoded-secrets-in-stage-variables (formats)", () => {
    it("reports a JWT in a stage variable with a neutral name, not a JWT-looking value whose header is not JSON", async () => {
        const jwt = TOKEN_GENERATORS.jwt!();
        const messages = await runPolicy(rule, withProp(apiStage(), "stageVariables", { upstream: jwt }));
        assert.equal(messages.length, 1);
        assert.match(messages[0]!, /^stageVariables\.upstream contains a JSON Web Token .*\(gitleaks: jwt\)$/);
        const notJwt = `ey${"x".repeat(20)}.${jwt.split(".").slice(1).join(".")}`;
        assert.deepEqual(await runPolicy(rule, withProp(apiStage(), "stageVariables", { upstream: notJwt })), []);
    });
});
