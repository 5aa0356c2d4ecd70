import { strict as assert } from "node:assert";
import { isReferenceOrPlaceholder, isSecretLikeName, nameWords } from "../../../policy/lib/secretNames";

describe("lib: secretNames", () => {
    describe("name and value helpers", () => {
        it("splits snake, camel, kebab and dotted names into words", () => {
            assert.deepEqual(nameWords("DB_APP_SECRET_ARN"), ["db", "app", "secret", "arn"]);
            assert.deepEqual(nameWords("dbPasswordArn"), ["db", "password", "arn"]);
            assert.deepEqual(nameWords("api-key.value"), ["api", "key", "value"]);
            assert.deepEqual(nameWords("HTTPSProxyToken"), ["https", "proxy", "token"]);
        });

        it("treats reference and setting suffixes as not password-like", () => {
            assert.equal(isSecretLikeName("DB_SECRET_ARN"), false);
            assert.equal(isSecretLikeName("SECRET_TTL_SECONDS"), false);
            assert.equal(isSecretLikeName("DB_SECRET"), true);
            assert.equal(isSecretLikeName("signing_key"), true);
            assert.equal(isSecretLikeName("keyboard"), false);
            assert.equal(isSecretLikeName("discovery-token-ca-cert-hash"), false);
        });

        it("recognizes placeholders but not literals", () => {
            assert.equal(isReferenceOrPlaceholder("${var.password}"), true);
            assert.equal(isReferenceOrPlaceholder("changeme"), true);
            assert.equal(isReferenceOrPlaceholder("changeme-2024-prod"), false);
        });
    });

    it("reads one-word password variables as password-like", () => {
        for (const name of ["PGPASSWORD", "MYSQL_PWD", "SSHPASS", "REDISCLI_AUTH", "DBPASSWORD", "GITHUB_PAT"]) {
            assert.equal(isSecretLikeName(name), true, name);
        }
        for (const name of ["PGHOST", "PASSWORD_FILE", "REDISCLI_HOST", "PATH", "URL_PATTERN"]) {
            assert.equal(isSecretLikeName(name), false, name);
        }
    });
});
