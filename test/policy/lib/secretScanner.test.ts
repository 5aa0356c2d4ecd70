import { strict as assert } from "node:assert";
import { gzipSync } from "node:zlib";
import { isReferenceOrPlaceholder } from "../../../policy/lib/secretNames";
import { FindingKind, scanNamedValue, scanText, scanValue } from "../../../policy/lib/secretScanner";
import { generatedPassword, lambdaEnvironment, ACCOUNT, REGION } from "../../helpers/policyFixtures";
import { UNKNOWN } from "../../helpers/policy";
import { randomChars } from "../../helpers/policyTokens";

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

    describe("scanValue", () => {
        it("reports nothing for a git SHA, a UUID or a handler name", async () => {
            for (const value of ["da39a3ee5e6b4b0d3255bfef95601890afd80709", "123e4567-e89b-12d3-a456-426614174000", "src/handler.main"]) {
                assert.deepEqual(await scanValue(value), [], value);
            }
        });
    });

    describe("scanText", () => {
        it("reports a quoted assignment to a password-like name in code", async () => {
            const findings = (await scanText(`const config = { host: "db", password: "${generatedPassword()}" };`));
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

    it("treats KMS aliases and multi-Region key ids as references", () => {
        assert.equal(isReferenceOrPlaceholder("alias/aws/secretsmanager"), true);
        assert.equal(isReferenceOrPlaceholder("mrk-0123456789abcdef0123456789abcdef"), true);
        assert.equal(isReferenceOrPlaceholder("alias-not-really"), false);
    });
});

describe("lib: secretScanner, every place a credential hides (issue 20)", () => {
    const pw = generatedPassword();
    const privateKey = ["-----BEGIN ", "PRIVATE KEY-----\n", Buffer.from(generatedPassword().repeat(8)).toString("base64"), "\n-----END PRIVATE KEY-----\n"].join("");
    const serviceAccount = JSON.stringify({ type: "service_account", project_id: "p", private_key: privateKey, client_email: "svc@p.iam.gserviceaccount.com" });
    const accountKey = Buffer.from(generatedPassword().repeat(4)).toString("base64");

    const hidden: [string, string, RegExp][] = [
        ["a service-account JSON, base64'd", Buffer.from(serviceAccount).toString("base64"), /^holds base64 that decodes to text which contains a private key/],
        ["gzip, then base64, of a JSON document", gzipSync(Buffer.from(`{"db": {"password": "${pw}"}}`)).toString("base64"), /^holds base64 that decodes to text which holds a JSON document whose "db.password"/],
        ["a YAML document", `db:\n  host: proxy\n  password: ${pw}\n`, /^holds a YAML document whose "db.password"/],
        ["Java properties", `spring.datasource.url=jdbc:mysql://db:3306/orders\nspring.datasource.password=${pw}\n`, /^assigns a literal to the password-like name "spring.datasource.password"/],
        ["an assignment before a command", `PGPASSWORD=${pw} psql -h db -U app orders`, /^runs a command whose "PGPASSWORD"/],
        ["MYSQL_PWD before a command", `MYSQL_PWD=${pw} mysql -h db -u app`, /^runs a command whose "MYSQL_PWD"/],
        ["curl -u user:password", `curl -fsS -u admin:${pw} https://internal/api`, /^runs a command whose "password"/],
        ["docker login -p", `docker login -u ci -p ${pw} registry.internal`, /^runs a command whose "password"/],
        ["an Authorization header", `curl -sf -H "Authorization: Bearer ${pw}" https://internal/api`, /^runs a command whose "authorization token"/],
        ["an Azure Storage connection string", `DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=${accountKey};EndpointSuffix=core.windows.net`, /^holds a connection string whose "AccountKey"/],
        ["a Service Bus connection string", `Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=app;SharedAccessKey=${accountKey}`, /^holds a connection string whose "SharedAccessKey"/],
        ["a URL with user:password", `amqp://app:${pw}@mq.internal:5672/`, /^contains a URL with a user:password part/],
        ["a Docker config (DOCKER_AUTH_CONFIG)", JSON.stringify({ auths: { "registry.internal": { auth: Buffer.from(`ci:${pw}`).toString("base64") } } }), /^holds a Docker config whose "registry.internal password"/],
        [
            "a Kubernetes .dockerconfigjson, base64'd",
            Buffer.from(JSON.stringify({ auths: { "registry.internal": { username: "ci", password: pw } } })).toString("base64"),
            /^holds base64 that decodes to text which holds a Docker config whose "registry.internal password"/,
        ],
    ];
    for (const [where, value, message] of hidden) {
        it(`finds a credential in ${where}, under a neutral name`, async () => {
            const findings = await scanNamedValue("SETTINGS", value);
            assert.equal(findings.length, 1, JSON.stringify(findings));
            assert.match(findings[0]!.message, message);
            assert.ok(!findings[0]!.message.includes(pw), "the message must not echo the secret");
        });
    }

    describe("user data", () => {
        const cloudConfig = (body: string) => `#cloud-config\npackage_update: true\n${body}runcmd:\n  - systemctl start orders\n`;
        const userData: [string, string, RegExp][] = [
            ["a chpasswd user", cloudConfig(`chpasswd:\n  expire: false\n  users:\n    - name: admin\n      password: ${pw}\n      type: text\n`), /cloud-init document whose "chpasswd.users\[0\].password"/],
            ["a chpasswd list line", cloudConfig(`chpasswd:\n  list: |\n    root:${pw}\n`), /cloud-init document whose "chpasswd.list\[0\].password"/],
            ["a user's plain_text_passwd", cloudConfig(`users:\n  - name: app\n    plain_text_passwd: ${pw}\n`), /cloud-init document whose "users\[0\].plain_text_passwd"/],
            ["a user's passwd hash", cloudConfig(`users:\n  - name: app\n    passwd: "$6$rounds=4096$${pw}$${"h".repeat(43)}"\n`), /"users\[0\].passwd" is a password hash/],
            [
                "ECS registry auth data",
                `#!/bin/bash\necho 'ECS_ENGINE_AUTH_TYPE=docker' >> /etc/ecs/ecs.config\necho 'ECS_ENGINE_AUTH_DATA={"https://index.docker.io/v1/":{"username":"ci","password":"${pw}","email":"ci@example.com"}}' >> /etc/ecs/ecs.config\n`,
                /sets ECS_ENGINE_AUTH_DATA whose "https:\/\/index.docker.io\/v1\/ password"/,
            ],
            ["a shell prefix", `#!/bin/bash\nPGPASSWORD=${pw} psql -h db -f /opt/seed.sql\n`, /runs a command whose "PGPASSWORD"/],
        ];
        for (const [what, text, message] of userData) {
            it(`finds ${what}`, async () => {
                const findings = await scanText(text, { yaml: true });
                assert.equal(findings.length, 1, JSON.stringify(findings));
                assert.match(findings[0]!.message, message);
            });
        }

        it("passes cloud-config that lets cloud-init generate the password, and commands that read it at boot", async () => {
            const clean = [
                cloudConfig("chpasswd:\n  users:\n    - {name: admin, type: RANDOM}\n  list: |\n    root:RANDOM\n"),
                '#!/bin/bash\nPGPASSWORD="$(aws secretsmanager get-secret-value --secret-id db --query SecretString --output text)" psql -h db\n',
                "#!/bin/bash\naws ecr get-login-password | docker login -u AWS --password-stdin 123456789012.dkr.ecr.us-east-1.amazonaws.com\n",
            ];
            for (const text of clean) {
                assert.deepEqual(await scanText(text, { yaml: true }), [], text);
            }
        });
    });

    describe("false alarms (each names its anchor in policy/lib/examples.ts or the access key id rule)", () => {
        const base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        const negatives: [string, string, string][] = [
            ["an unrendered template", "DB_PASSWORD", "{{ db_password }}"],
            ["a template inside a value", "API_TOKEN", "Bearer {{ .Values.token }}"],
            ["a Terraform-style variable", "API_TOKEN", "${var.api_token}"],
            ["an angle-bracket placeholder", "API_TOKEN", "<your-token>"],
            ["changeme", "DB_PASSWORD", "changeme"],
            ["your-password", "DB_PASSWORD", "your-password"],
            ["a role's unique id (AROA)", "ROLE_ID", "AROA" + randomChars(base32, 16)],
            ["a user's unique id (AIDA) under a neutral name", "OWNER", "AIDA" + randomChars(base32, 16)],
            ["AWS's documented example access key id", "EXAMPLE_KEY", "AKIA" + randomChars(base32, 9) + "EXAMPLE"],
            ["AWS's documented example secret key, named", "CREDENTIALS", `aws_secret_access_key = ${randomChars(base32 + "abcdefghijklmnopqrstuvwxyz/+", 30)}EXAMPLEKEY`],
            ["a command substitution", "DB_PASSWORD", "$(cat /run/secrets/db)"],
            ["the storage emulator's well-known account", "STORAGE", `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${Buffer.from(generatedPassword().repeat(4)).toString("base64")};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;`],
        ];
        for (const [what, name, value] of negatives) {
            it(`does not report ${what}`, async () => {
                assert.deepEqual(await scanNamedValue(name, value), []);
            });
        }

        it("still reports a real access key id and a literal that merely contains a placeholder word", async () => {
            assert.deepEqual((await scanNamedValue("OWNER", "AKIA" + randomChars(base32, 16))).map((f) => f.kind), ["aws-access-key-id"]);
            assert.deepEqual((await scanNamedValue("DB_PASSWORD", `changeme-${pw}`)).map((f) => f.kind), ["password-like-name"]);
        });
    });
});
