import { strict as assert } from "node:assert";
import { disallowHardcodedSecretsInEnvironment as rule } from "../../../../policy/rules/lambda/disallowHardcodedSecretsInEnvironment";
import { runPolicy, TestResource, UNKNOWN } from "../../../helpers/policy";
import { lambdaEnvironment, lambdaFunction } from "../../../helpers/policyFixtures";
import { APP_SECRET_ARN, generatedPassword } from "../../../helpers/policyFixtures";
import { TOKEN_GENERATORS } from "../../../helpers/policyTokens";
import { maskToken } from "../../../../policy/lib/tokenFormats";

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

describe("rule: disallow-hardcoded-secrets-in-lambda-environment (formats, documents, false alarms)", () => {
    it("reports a Slack bot token under a neutral name, naming the secretlint rule and masking it", async () => {
        const token = TOKEN_GENERATORS["slack-bot-token"]!();
        const messages = await runPolicy(rule, withVariable("NOTIFY", token));
        assert.deepEqual(messages, [`environment variable NOTIFY contains a Slack token or webhook URL ${maskToken(token)} (secretlint: slack)`]);
        assert.ok(!messages[0]!.includes(token.slice(4)));
    });

    it("reports a password inside a JSON document, with its path", async () => {
        assert.deepEqual(await runPolicy(rule, withVariable("APP_CONFIG", JSON.stringify({ db: { host: "proxy", password: pw } }))), [
            'environment variable APP_CONFIG holds a JSON document whose "db.password" has a password-like name and holds a literal value',
        ]);
    });

    it("passes a JSON document whose password is a reference", async () => {
        assert.deepEqual(await runPolicy(rule, withVariable("APP_CONFIG", JSON.stringify({ db: { host: "proxy", passwordSecretArn: APP_SECRET_ARN } }))), []);
    });

    it("reports a password in a YAML document", async () => {
        assert.deepEqual(await runPolicy(rule, withVariable("APP_CONFIG", `db:\n  host: proxy\n  password: ${pw}\n`)), [
            'environment variable APP_CONFIG holds a YAML document whose "db.password" has a password-like name and holds a literal value',
        ]);
    });

    it("reports an inline shell assignment in a command line (docker run -e)", async () => {
        assert.deepEqual(await runPolicy(rule, withVariable("BOOT_CMD", `docker run --rm -e DB_PASSWORD=${pw} orders:latest`)), [
            'environment variable BOOT_CMD runs a command whose "DB_PASSWORD" has a password-like name and holds a literal value',
        ]);
        assert.deepEqual(await runPolicy(rule, withVariable("BOOT_CMD", "docker run --rm -e DB_PASSWORD=$DB_PASSWORD orders:latest")), []);
    });

    it("passes the Parameters and Secrets Lambda Extension's documented settings", async () => {
        const fn = lambdaFunction();
        fn.props.environment = {
            variables: {
                ...lambdaEnvironment(),
                PARAMETERS_SECRETS_EXTENSION_LOG_LEVEL: "debug",
                PARAMETERS_SECRETS_EXTENSION_MAX_CONNECTIONS: "3",
                PARAMETERS_SECRETS_EXTENSION_CACHE_ENABLED: "true",
                PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: "2773",
                SECRETS_MANAGER_TTL: "300",
            },
        };
        assert.deepEqual(await runPolicy(rule, fn), []);
    });

    it("still reports a credential format in a documented setting's value", async () => {
        const token = TOKEN_GENERATORS["github-pat"]!();
        assert.equal((await runPolicy(rule, withVariable("PARAMETERS_SECRETS_EXTENSION_LOG_LEVEL", token))).length, 1);
    });

    it("passes a KMS alias under a key-like name (a reference, not a secret)", async () => {
        assert.deepEqual(await runPolicy(rule, withVariable("ENCRYPTION_KEY", "alias/orders-dev")), []);
        assert.deepEqual(await runPolicy(rule, withVariable("ENCRYPTION_KEY", pw)), [
            "environment variable ENCRYPTION_KEY has a password-like name and holds a literal value",
        ]);
    });
});
