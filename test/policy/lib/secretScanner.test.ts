import { strict as assert } from "node:assert";
import {
    FindingKind,
    isReferenceOrPlaceholder,
    isSecretLikeName,
    nameWords,
    scanNamedValue,
    scanText,
    scanValue,
} from "../../../policy/lib/secretScanner";
import { generatedPassword, lambdaEnvironment, ACCOUNT, REGION } from "../../helpers/policyFixtures";
import { UNKNOWN } from "../../helpers/policy";

// Built by concatenation so the repository itself holds no string a secret scanner would flag.
const ACCESS_KEY_ID = "AKIA" + "Q3EGRTYUIOPLKJHG";
const SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYzq8Kd3mN1p";
const PRIVATE_KEY = "-----BEGIN RSA " + "PRIVATE KEY-----\nMIIEow...\n-----END RSA PRIVATE KEY-----";

describe("lib: secretScanner", () => {
    describe("scanNamedValue", () => {
        const positives: [string, unknown, FindingKind][] = [
            ["AWS_ACCESS_KEY_ID", ACCESS_KEY_ID, "aws-access-key-id"],
            ["SOME_SETTING", `prefix ${ACCESS_KEY_ID}`, "aws-access-key-id"],
            ["AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY, "aws-secret-access-key"],
            ["SIGNING_CERT", PRIVATE_KEY, "private-key"],
            ["DATABASE_URL", "mysql://app:s3cr3tPass@db.internal:3306/orders", "url-credentials"],
            ["CACHE", "redis://default:hunter22@cache:6379", "url-credentials"],
            ["REDIS_URL", `redis://:${generatedPassword()}@cache:6379/0`, "url-credentials"],
            ["DATABASE_URL", "mysql://user:pass@host", "url-credentials"],
            ["JDBC", "jdbc:mysql://db.internal:3306/orders?user=app&password=s3cr3t", "connection-string-password"],
            ["CONN", "Server=db;Database=orders;User Id=app;Password=s3cr3t;", "connection-string-password"],
            ["DB_PASSWORD", "hunter2", "password-like-name"],
            ["dbPassword", "correct horse battery staple", "password-like-name"],
            ["DB_PASS", "P@ssw0rd!", "password-like-name"],
            ["MYSQL_PWD", "abc123", "password-like-name"],
            ["API_KEY", "k-12345", "password-like-name"],
            ["apiKey", "k-12345", "password-like-name"],
            ["GITHUB_TOKEN", "gh-" + "not-a-known-format", "password-like-name"],
            ["JWT_SECRET", "my-jwt-signing-secret", "password-like-name"],
            ["JWT_SECRET", "jwt-secret-rotated-2024", "password-like-name"],
            ["PRIVATE_KEY", "base64stuff==", "password-like-name"],
            ["CLIENT_SECRET", "abcdef", "password-like-name"],
            ["PIN_PASSWORD", 1234, "password-like-name"],
            ["DB_SECRET_ARN", "hunter2", "password-like-name"],
        ];
        for (const [name, value, kind] of positives) {
            it(`reports ${kind} for ${name}=${JSON.stringify(value).slice(0, 40)}`, async () => {
                assert.deepEqual(
                    (await scanNamedValue(name, value)).map((f) => f.kind),
                    [kind],
                );
            });
        }

        const negatives: [string, unknown][] = [
            ...Object.entries(lambdaEnvironment()),
            ["HANDLER", "index.handler"],
            ["GIT_SHA", "3f786850e387550fdab836ed7e6dc881de23001b"],
            ["BUILD_COMMIT", "3f786850e387550fdab836ed7e6dc881de23001b"],
            ["REQUEST_ID", "8e0a4a5e-6b53-4d3b-9a0e-2f5b8f1c9d7a"],
            ["DB_PASSWORD", "${DB_PASSWORD}"],
            ["DB_PASSWORD", "{{resolve:secretsmanager:orders/app:SecretString:password}}"],
            ["DB_PASSWORD", "$DB_PASSWORD"],
            ["DB_PASSWORD", "<password>"],
            ["DB_PASSWORD", "********"],
            ["DB_PASSWORD", ""],
            ["DB_PASSWORD_ARN", `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:db-AbCdEf`],
            ["DB_PASSWORD_SECRET_NAME", "orders/app"],
            ["SECRET_ID", "orders/app"],
            ["TOKEN_TTL_SECONDS", "3600"],
            ["SECRET_TTL_SECONDS", 300],
            ["PASSWORD_MIN_LENGTH", "12"],
            ["TOKEN_ENABLED", "true"],
            ["USE_SECRET", false],
            ["DB_AUTH", "secret"],
            ["DB_USER", "app"],
            ["DB_USERNAME", "admin"],
            ["SECRETS_EXTENSION_HTTP_PORT", "2773"],
            ["DB_PASSWORD", UNKNOWN.string],
            ["DATABASE_URL", "mysql://db.internal:3306/orders"],
            ["DATABASE_URL", "mysql://app:${DB_PASSWORD}@db.internal:3306/orders"],
            ["JDBC", "jdbc:mysql://db.internal:3306/orders?user=app&password=${DB_PASSWORD}"],
            ["SITE", "https://example.com/path?page=2"],
            ["LOG_LEVEL", "INFO"],
            ["TOKEN_AUDIENCE", "api://orders"],
            ["TOKEN_ISSUER", "https://auth.example.com/"],
            ["SECRETS_CACHE_MAX_AGE", "300"],
            ["ENCODED_ID", "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo="],
            // Constants that hold the name of their own key or header, as bundled SDKs define them.
            ["X_AWS_EC2_METADATA_TOKEN", "x-aws-ec2-metadata-token"],
            ["ATTR_ASPNETCORE_IDENTITY_PASSWORD_CHECK_RESULT", "aspnetcore.identity.password_check_result"],
            ["API_KEY", "x-api-key"],
        ];
        for (const [name, value] of negatives) {
            it(`does not report ${name}=${JSON.stringify(value).slice(0, 40)}`, async () => {
                assert.deepEqual(await scanNamedValue(name, value), []);
            });
        }

        it("never echoes the secret value in a finding message", async () => {
            const messages = [
                ...(await scanNamedValue("DB_PASSWORD", "hunter2-unique")),
                ...(await scanNamedValue("URL", "mysql://app:hunter2-unique@db/x")),
            ].map((f) => f.message);
            assert.ok(messages.length === 2);
            assert.ok(messages.every((m) => !m.includes("hunter2-unique")));
        });
    });

    describe("name and value helpers", () => {
        it("splits snake, camel, kebab and dotted names into words", async () => {
            assert.deepEqual(nameWords("DB_APP_SECRET_ARN"), ["db", "app", "secret", "arn"]);
            assert.deepEqual(nameWords("dbPasswordArn"), ["db", "password", "arn"]);
            assert.deepEqual(nameWords("api-key.value"), ["api", "key", "value"]);
            assert.deepEqual(nameWords("HTTPSProxyToken"), ["https", "proxy", "token"]);
        });

        it("treats reference and setting suffixes as not password-like", async () => {
            assert.equal(isSecretLikeName("DB_SECRET_ARN"), false);
            assert.equal(isSecretLikeName("SECRET_TTL_SECONDS"), false);
            assert.equal(isSecretLikeName("DB_SECRET"), true);
            assert.equal(isSecretLikeName("signing_key"), true);
            assert.equal(isSecretLikeName("keyboard"), false);
        });

        it("recognizes placeholders but not literals", async () => {
            assert.equal(isReferenceOrPlaceholder("${var.password}"), true);
            assert.equal(isReferenceOrPlaceholder("changeme"), true);
            assert.equal(isReferenceOrPlaceholder("changeme-2024-prod"), false);
        });
    });

    describe("scanValue", () => {
        it("reports nothing for a git SHA, a UUID or a handler name", async () => {
            for (const value of ["da39a3ee5e6b4b0d3255bfef95601890afd80709", "123e4567-e89b-12d3-a456-426614174000", "src/handler.main"]) {
                assert.deepEqual(await scanValue(value), [], value);
            }
        });
    });

    describe("scanText", () => {
        it("reports a quoted assignment to a password-like name in code", async () => {
            const findings = (await scanText('const config = { host: "db", password: "s3cr3t-pass" };'));
            assert.deepEqual(findings.map((f) => f.kind), ["password-like-name"]);
        });

        it("does not report a constant holding its own header name, but does report a passphrase", async () => {
            assert.deepEqual(await scanText('const X_AWS_EC2_METADATA_TOKEN = "x-aws-ec2-metadata-token";'), []);
            assert.deepEqual((await scanText('const DB_PASSWORD = "correct-horse-battery";')).map((f) => f.kind), ["password-like-name"]);
        });

        it("reports a literal assigned to a property", async () => {
            assert.deepEqual((await scanText('process.env.DB_PASSWORD = "hunter2hunter";')).map((f) => f.kind), ["password-like-name"]);
        });

        it("reports an exported password in a shell script", async () => {
            assert.deepEqual((await scanText("#!/bin/bash\nexport DB_PASSWORD=s3cr3tpass\n")).map((f) => f.kind), ["password-like-name"]);
        });

        it("reports a literal password in a SQL migration, not a placeholder", async () => {
            assert.deepEqual((await scanText("CREATE USER 'app'@'%' IDENTIFIED BY 's3cr3t';")).map((f) => f.kind), ["password-like-name"]);
            assert.deepEqual(await scanText("CREATE USER 'app'@'%' IDENTIFIED WITH AWSAuthenticationPlugin AS 'RDS';"), []);
            assert.deepEqual(await scanText("ALTER USER 'app'@'%' IDENTIFIED BY '${APP_PASSWORD}';"), []);
        });

        it("reports a secret access key only next to its name", async () => {
            assert.deepEqual((await scanText(`aws_secret_access_key = ${SECRET_ACCESS_KEY}\n`)).map((f) => f.kind), ["aws-secret-access-key"]);
            assert.deepEqual(await scanText(`const id = "${SECRET_ACCESS_KEY}";`), []);
        });

        it("does not report code that reads secrets at runtime", async () => {
            const code = [
                "const password = process.env.DB_PASSWORD;",
                "const secret = await client.send(new GetSecretValueCommand({ SecretId: process.env.DB_SECRET_ARN }));",
                'const token = signer.getAuthToken({ username: "app" });',
                'if (secret ? "--secret" : "--plaintext") {}',
                'exports.configSecretKeysEnvKey = "PULUMI_CONFIG_SECRET_KEYS";',
            ].join("\n");
            assert.deepEqual(await scanText(code), []);
        });
    });
});

describe("lib: secretScanner, structured values (issue 10)", () => {
    const pw = generatedPassword();

    it("reads inline shell assignments after export, -e, --env and --build-arg, not bare a=b in code", async () => {
        for (const line of [
            `cd /srv && export TOKEN=${pw}; ./start`,
            `docker run -e DB_PASSWORD=${pw} orders`,
            `docker run --env=API_KEY=${pw} orders`,
            `docker build --build-arg NPM_TOKEN=${pw} .`,
        ]) {
            assert.deepEqual((await scanText(line)).map((f) => f.kind), ["password-like-name"], line);
        }
        assert.deepEqual(await scanText(`for(;;){token=nextToken();o.password=e.password}`), []);
    });

    it("gives a named value and user data the same verdict for the same document", async () => {
        const documents = [
            `db:\n  password: ${pw}\n`,
            `{"password": "${pw}"}`,
            `docker run -e DB_PASSWORD=${pw} orders`,
            `db:\n  password: \${DB_PASSWORD}\n`,
            `docker run -e DB_PASSWORD=$DB_PASSWORD orders`,
        ];
        for (const doc of documents) {
            assert.deepEqual(
                (await scanNamedValue("SETTINGS", doc)).length > 0,
                (await scanText(doc, { yaml: true })).length > 0,
                doc,
            );
        }
    });

    it("treats KMS aliases and multi-Region key ids as references", async () => {
        assert.equal(isReferenceOrPlaceholder("alias/aws/secretsmanager"), true);
        assert.equal(isReferenceOrPlaceholder("mrk-0123456789abcdef0123456789abcdef"), true);
        assert.equal(isReferenceOrPlaceholder("alias-not-really"), false);
    });
});
