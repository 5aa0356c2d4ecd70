import { strict as assert } from "node:assert";
import { disallowHardcodedSecretsInEnvironment as rule } from "../../../../policy/rules/lambda/disallowHardcodedSecretsInEnvironment";
import { runPolicy, TestResource, UNKNOWN } from "../../../helpers/policy";
import { lambdaEnvironment, lambdaFunction } from "../../../helpers/policyFixtures";
import { generatedPassword } from "../../../helpers/policyFixtures";

/** A fresh value per run: the repository holds no credential, not even a fake one. */
const pw = generatedPassword();

function withVariable(name: string, value: unknown): TestResource {
    const fn = lambdaFunction();
    fn.props.environment = { variables: { ...lambdaEnvironment(), [name]: value } };
    return fn;
}

describe("rule: disallow-hardcoded-secrets-in-lambda-environment", () => {
    it("passes the blueprint's environment (DB_USER=app, DB_AUTH=secret, SECRET_TTL_SECONDS=300, *_SECRET_ARN)", async () => {
        assert.deepEqual(await runPolicy(rule, lambdaFunction()), []);
    });

    it("reports a literal DB_PASSWORD", async () => {
        assert.deepEqual(await runPolicy(rule, withVariable("DB_PASSWORD", `${pw}`)), [
            "environment variable DB_PASSWORD has a password-like name and holds a literal value",
        ]);
    });

    it("reports a connection URL with a password under a neutral name", async () => {
        assert.deepEqual(await runPolicy(rule, withVariable("DATABASE_URL", `mysql://app:${pw}@proxy:3306/orders`)), [
            "environment variable DATABASE_URL contains a URL with a user:password part",
        ]);
    });

    it("reports an AWS access key id", async () => {
        assert.equal((await runPolicy(rule, withVariable("AWS_ACCESS_KEY_ID", "AKIA" + "Q3EGRTYUIOPLKJHG"))).length, 1);
    });

    it("does not report a password that is unknown during preview (a secret output)", async () => {
        assert.deepEqual(await runPolicy(rule, withVariable("DB_PASSWORD", UNKNOWN.string)), []);
    });

    it("does not throw when the whole environment is unknown during preview", async () => {
        const fn = lambdaFunction();
        fn.props.environment = UNKNOWN.object;
        assert.deepEqual(await runPolicy(rule, fn), []);
        fn.props.environment = { variables: UNKNOWN.object };
        assert.deepEqual(await runPolicy(rule, fn), []);
    });
});
