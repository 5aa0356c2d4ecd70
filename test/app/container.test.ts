import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { mockClient } from "aws-sdk-client-mock";
import { strict as assert } from "node:assert";
import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import type { Connection, ConnectionOptions } from "mysql2/promise";
import { loadApiConfig } from "../../app/src/config";
import { createApiContainer } from "../../app/src/container";
import { withEnvironment } from "../../app/dev/localEnvironment";
import { silentLogger } from "./support/silentLogger";
import { FIXTURE_REGION } from "../helpers/fixtureValues";

const baseline = { DB_HOST: "proxy.example.internal", DB_NAME: "orders" };
const secretArn = `arn:aws:secretsmanager:${FIXTURE_REGION}:123456789012:secret:app`;
// Generated per run: no credential, not even a fake one, lives in the repository.
const generated = () => randomBytes(18).toString("base64url");

// Captures the options the container connects with, and answers every query with one row.
function capturingConnector() {
    const seen: ConnectionOptions[] = [];
    const connect = async (options: ConnectionOptions) => {
        seen.push(options);
        const connection = Object.assign(new EventEmitter(), {
            query: async () => [[{ now: "2026-01-01 00:00:00.000000", offsetMinutes: 0 }], []],
            destroy: () => undefined,
            end: async () => undefined,
        });
        return connection as unknown as Connection;
    };
    return { seen, connect };
}

describe("container", () => {
    it("connects in iam mode with a signed token, the cleartext plugin and verified TLS", async () => {
        const { seen, connect } = capturingConnector();
        const token = generated();
        const container = createApiContainer(loadApiConfig({ ...baseline, DB_AUTH: "iam", DB_USER: "app_iam" }), {
            connect,
            logger: silentLogger(),
            signer: { getAuthToken: async () => token },
        });
        await container.db.query("SELECT 1", [], { retryOnFatal: true });
        const [options] = seen;
        assert.equal(options?.user, "app_iam");
        assert.equal(options?.password, token);
        assert.equal(options?.enableCleartextPlugin, true);
        assert.deepEqual(options?.ssl, { rejectUnauthorized: true, verifyIdentity: true, minVersion: "TLSv1.2" });
        assert.equal(container.secretCache, undefined);
    });

    it("signs an IAM token for the endpoint, user and AWS_REGION with the environment's credentials when no signer is injected", async () => {
        const { seen, connect } = capturingConnector();
        const container = createApiContainer(loadApiConfig({ ...baseline, DB_AUTH: "iam", DB_USER: "app_iam", AWS_REGION: FIXTURE_REGION }), { connect, logger: silentLogger() });
        const accessKeyId = `ASIA${randomBytes(8).toString("hex").toUpperCase()}`;
        await withEnvironment({ AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: generated(), AWS_SESSION_TOKEN: generated() }, () =>
            container.db.query("SELECT 1", [], { retryOnFatal: true }),
        );
        const token = String(seen[0]?.password);
        assert.ok(token.startsWith("proxy.example.internal:3306/?Action=connect&DBUser=app_iam&X-Amz-Algorithm=AWS4-HMAC-SHA256&"), token);
        assert.ok(token.includes(`X-Amz-Credential=${accessKeyId}%2F`) && token.includes(`%2F${FIXTURE_REGION}%2Frds-db%2Faws4_request&`), token);
        assert.match(token, /&X-Amz-Expires=900&.*&X-Amz-Signature=[0-9a-f]{64}&/);
    });

    describe("in secret mode", () => {
        // Created in a hook, not at load time: mockClient patches every SecretsManagerClient until restore(),
        // and the integration suites need the real one.
        let sm: ReturnType<typeof mockClient>;
        let password: string;
        before(() => {
            sm = mockClient(SecretsManagerClient);
        });
        beforeEach(() => {
            sm.reset();
            password = generated();
            sm.on(GetSecretValueCommand, { SecretId: secretArn }).resolves({ SecretString: JSON.stringify({ username: "app", password }) });
        });
        after(() => sm.restore());

        const secretContainer = (env: Record<string, string>, connect: ReturnType<typeof capturingConnector>["connect"]) =>
            createApiContainer(loadApiConfig({ ...baseline, DB_SECRET_ARN: secretArn, ...env }), {
                connect,
                logger: silentLogger(),
                secretsClient: new SecretsManagerClient({ region: FIXTURE_REGION }),
            });

        it("logs in with the secret's user and password, without the cleartext plugin or multi-statements", async () => {
            const { seen, connect } = capturingConnector();
            const container = secretContainer({}, connect);
            await container.db.query("SELECT 1", [], { retryOnFatal: true });
            assert.equal(seen[0]?.user, "app");
            assert.equal(seen[0]?.password, password);
            assert.equal(sm.commandCalls(GetSecretValueCommand).length, 1);
            assert.equal(seen[0]?.enableCleartextPlugin, undefined);
            assert.equal(seen[0]?.multipleStatements, false);
            assert.equal(seen[0]?.host, "proxy.example.internal");
            assert.equal(seen[0]?.port, 3306);
            assert.deepEqual(seen[0]?.ssl, { rejectUnauthorized: true, verifyIdentity: true, minVersion: "TLSv1.2" });
        });

        it("connects without TLS only when DB_TLS is disabled", async () => {
            const { seen, connect } = capturingConnector();
            const container = secretContainer({ DB_TLS: "disabled" }, connect);
            await container.db.query("SELECT 1", [], { retryOnFatal: true });
            assert.equal(seen[0]?.ssl, undefined);
        });
    });
});
