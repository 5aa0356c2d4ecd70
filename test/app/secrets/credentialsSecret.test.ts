import { strict as assert } from "node:assert";
import { parseCredentialsSecret } from "../../../app/src/secrets/credentialsSecret";
import { SecretFormatError } from "../../../app/src/secrets/errors";

describe("secrets: parseCredentialsSecret", () => {
    it("reads username and password and ignores other keys", () => {
        const secret = JSON.stringify({ username: "app", password: "pw", engine: "mysql", host: "h" });
        assert.deepEqual(parseCredentialsSecret(secret, "s"), { username: "app", password: "pw" });
    });

    it("names the missing field without quoting any value", () => {
        assert.throws(() => parseCredentialsSecret(JSON.stringify({ username: "app", passwd: "hunter2" }), "s"), (error: unknown) => {
            assert.ok(error instanceof SecretFormatError);
            assert.match(error.message, /password/);
            assert.doesNotMatch(error.message, /hunter2/);
            return true;
        });
    });

    it("refuses text that is not JSON without quoting it", () => {
        assert.throws(() => parseCredentialsSecret("hunter2", "s"), (error: unknown) => {
            assert.ok(error instanceof SecretFormatError);
            assert.doesNotMatch(error.message, /hunter2/);
            assert.equal(error.cause, undefined);
            return true;
        });
    });
});
