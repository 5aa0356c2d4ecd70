import { strict as assert } from "node:assert";
import { EventEmitter } from "node:events";
import type { Connection, ConnectionOptions } from "mysql2/promise";
import { loadApiConfig } from "../../app/src/config";
import { createApiContainer } from "../../app/src/container";
import { silentLogger } from "./support/silentLogger";

const baseline = { DB_HOST: "proxy.example.internal", DB_NAME: "orders" };

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
        const container = createApiContainer(loadApiConfig({ ...baseline, DB_AUTH: "iam", DB_USER: "app_iam" }), {
            connect,
            logger: silentLogger(),
            signer: { getAuthToken: async () => "signed-token" },
        });
        await container.db.query("SELECT 1", [], { retryOnFatal: true });
        const [options] = seen;
        assert.equal(options?.user, "app_iam");
        assert.equal(options?.password, "signed-token");
        assert.equal(options?.enableCleartextPlugin, true);
        assert.deepEqual(options?.ssl, { rejectUnauthorized: true, verifyIdentity: true, minVersion: "TLSv1.2" });
        assert.equal(container.secretCache, undefined);
    });

    it("never enables the cleartext plugin in secret mode, and never multi-statements", async () => {
        const { seen, connect } = capturingConnector();
        const container = createApiContainer(loadApiConfig({ ...baseline, DB_SECRET_ARN: "arn:app" }), { connect, logger: silentLogger() });
        // Stand in for Secrets Manager by priming nothing: the login is not what this test is about.
        (container.secretCache as unknown as { get: () => Promise<unknown> }).get = async () => ({ username: "app", password: "pw" });
        await container.db.query("SELECT 1", [], { retryOnFatal: true });
        assert.equal(seen[0]?.enableCleartextPlugin, undefined);
        assert.equal(seen[0]?.multipleStatements, false);
        assert.equal(seen[0]?.host, "proxy.example.internal");
        assert.equal(seen[0]?.port, 3306);
    });

    it("connects without TLS only when DB_TLS is disabled", async () => {
        const { seen, connect } = capturingConnector();
        const container = createApiContainer(loadApiConfig({ ...baseline, DB_SECRET_ARN: "arn:app", DB_TLS: "disabled" }), { connect, logger: silentLogger() });
        (container.secretCache as unknown as { get: () => Promise<unknown> }).get = async () => ({ username: "app", password: "pw" });
        await container.db.query("SELECT 1", [], { retryOnFatal: true });
        assert.equal(seen[0]?.ssl, undefined);
    });
});
