import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { mockClient } from "aws-sdk-client-mock";
import { strict as assert } from "node:assert";
import { randomBytes } from "node:crypto";
import { parseCredentialsSecret } from "../../../app/src/secrets/credentialsSecret";
import { SecretFetchError } from "../../../app/src/secrets/errors";
import { SecretCache } from "../../../app/src/secrets/secretCache";
import { FIXTURE_REGION } from "../../helpers/fixtureValues";

const secretId = `arn:aws:secretsmanager:${FIXTURE_REGION}:123456789012:secret:app`;
const secret = (password: string) => ({ SecretString: JSON.stringify({ username: "app", password }) });
// Generated per run: no credential, not even a fake one, lives in the repository.
const one = randomBytes(18).toString("base64url");
const two = randomBytes(18).toString("base64url");

describe("secrets: SecretCache", () => {
    // Created in a hook, not at load time: mockClient patches every SecretsManagerClient until restore(),
    // and the integration suites need the real one.
    let sm: ReturnType<typeof mockClient>;
    let now = 0;
    const cache = (ttlSeconds = 300) =>
        new SecretCache({ client: new SecretsManagerClient({ region: FIXTURE_REGION }), secretId, ttlSeconds, parse: parseCredentialsSecret, now: () => now });

    before(() => {
        sm = mockClient(SecretsManagerClient);
    });

    beforeEach(() => {
        sm.reset();
        now = 1_000_000;
    });

    after(() => sm.restore());

    it("fetches the secret once and serves it from memory within the TTL", async () => {
        sm.on(GetSecretValueCommand, { SecretId: secretId }).resolves(secret(one));
        const subject = cache();
        assert.equal((await subject.get()).password, one);
        now += 299_000;
        assert.equal((await subject.get()).password, one);
        assert.equal(sm.commandCalls(GetSecretValueCommand).length, 1);
        assert.equal(subject.fetchCount, 1);
    });

    it("fetches again once the TTL has passed", async () => {
        sm.on(GetSecretValueCommand).resolvesOnce(secret(one)).resolves(secret(two));
        const subject = cache();
        await subject.get();
        now += 300_000;
        assert.equal((await subject.get()).password, two);
        assert.equal(sm.commandCalls(GetSecretValueCommand).length, 2);
    });

    it("fetches again when forced, as after a refused login", async () => {
        sm.on(GetSecretValueCommand).resolvesOnce(secret(one)).resolves(secret(two));
        const subject = cache();
        await subject.get();
        assert.equal((await subject.get({ forceFetch: true })).password, two);
        assert.equal((await subject.get()).password, two);
    });

    it("shares one fetch between concurrent callers", async () => {
        sm.on(GetSecretValueCommand).resolves(secret(one));
        const subject = cache();
        await Promise.all([subject.get(), subject.get(), subject.get()]);
        assert.equal(sm.commandCalls(GetSecretValueCommand).length, 1);
    });

    it("fetches on every call with a TTL of 0", async () => {
        sm.on(GetSecretValueCommand).resolves(secret(one));
        const subject = cache(0);
        await subject.get();
        await subject.get();
        assert.equal(sm.commandCalls(GetSecretValueCommand).length, 2);
    });

    it("fetches again after clear()", async () => {
        sm.on(GetSecretValueCommand).resolves(secret(one));
        const subject = cache();
        await subject.get();
        subject.clear();
        await subject.get();
        assert.equal(sm.commandCalls(GetSecretValueCommand).length, 2);
    });

    it("wraps an SDK failure in SecretFetchError, with the SDK error as cause", async () => {
        const denied = Object.assign(new Error("User is not authorized"), { name: "AccessDeniedException" });
        sm.on(GetSecretValueCommand).rejects(denied);
        await assert.rejects(cache().get(), (error: unknown) => {
            assert.ok(error instanceof SecretFetchError);
            assert.equal((error.cause as Error).name, "AccessDeniedException");
            return true;
        });
    });

    it("does not cache a failure", async () => {
        sm.on(GetSecretValueCommand).rejectsOnce(new Error("throttled")).resolves(secret(one));
        const subject = cache();
        await assert.rejects(subject.get(), SecretFetchError);
        assert.equal((await subject.get()).password, one);
    });

    it("refuses a binary secret", async () => {
        sm.on(GetSecretValueCommand).resolves({ SecretBinary: new Uint8Array([1]) });
        await assert.rejects(cache().get(), /SecretString/);
    });
});
