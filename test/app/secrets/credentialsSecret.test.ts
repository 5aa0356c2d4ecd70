import { strict as assert } from "node:assert";
import { randomBytes } from "node:crypto";
import { parseCredentialsSecret } from "../../../app/src/secrets/credentialsSecret";
import { SecretFormatError } from "../../../app/src/secrets/errors";

describe("secrets: parseCredentialsSecret", () => {
    // Generated per run: no credential, not even a fake one, lives in the repository.
    let password: string;
    beforeEach(() => {
        password = randomBytes(18).toString("base64url");
    });

    it("reads username and password and ignores other keys", () => {
        const secret = JSON.stringify({ username: "app", password, engine: "mysql", host: "h" });
        assert.deepEqual(parseCredentialsSecret(secret, "s"), { username: "app", password });
    });

    it("names the missing field without quoting any value", () => {
        assert.throws(() => parseCredentialsSecret(JSON.stringify({ username: "app", passwd: password }), "s"), (error: unknown) => {
            assert.ok(error instanceof SecretFormatError);
            assert.match(error.message, /password/);
            assert.ok(!error.message.includes(password));
            return true;
        });
    });

    it("refuses text that is not JSON without quoting it", () => {
        assert.throws(() => parseCredentialsSecret(password, "s"), (error: unknown) => {
            assert.ok(error instanceof SecretFormatError);
            assert.ok(!error.message.includes(password));
            assert.equal(error.cause, undefined);
            return true;
        });
    });
});
