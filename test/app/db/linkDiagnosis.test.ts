import { strict as assert } from "node:assert";
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:net";
import type { Connection } from "mysql2/promise";
import { ConfigError, loadApiConfig } from "../../../app/src/config";
import { createDatabase } from "../../../app/src/container";
import { DatabaseQueryError, DatabaseUnavailableError } from "../../../app/src/db/errors";
import { TokenSigningError } from "../../../app/src/db/iamAuthToken";
import { causeChain, diagnoseConnectionFailure, type LinkDiagnosis } from "../../../app/src/db/linkDiagnosis";
import { tcpReachable } from "../../../app/src/db/tcpReachable";
import { freePort } from "../../../app/dev/mariadb";
import { SecretFetchError, SecretFormatError } from "../../../app/src/secrets/errors";
import { useLocalEnvironment } from "../support/localEnvironment";
import { silentLogger } from "../support/silentLogger";

/** A driver-shaped error wrapped the way `Database` wraps it, for codes no local server can produce. */
const wrapped = (fields: Record<string, unknown>, phase: "connect" | "query" = "connect") => {
    const driver = Object.assign(new Error("driver"), fields);
    return phase === "connect"
        ? new DatabaseUnavailableError("Could not connect to the database", { cause: driver })
        : new DatabaseQueryError("Statement failed", { cause: driver });
};

describe("db: linkDiagnosis", () => {
    describe("against real failures (local MariaDB)", function () {
        this.timeout(30_000);
        const local = useLocalEnvironment();
        let admin: Connection;
        const user = `nogrant_${randomBytes(4).toString("hex")}`;
        const password = randomBytes(18).toString("base64url");
        let closer: Server | undefined;

        /** The error of one `SELECT 1` through the app's own connection code, with the API's environment changed. */
        async function failureWith(env: Record<string, string>): Promise<unknown> {
            const { db } = createDatabase(loadApiConfig({ ...local.env().apiEnv, ...env }), { logger: silentLogger() });
            try {
                await db.query("SELECT 1", [], { retryOnFatal: false });
            } catch (error) {
                return error;
            } finally {
                await db.close();
            }
            assert.fail("SELECT 1 succeeded");
        }
        const diagnose = async (env: Record<string, string>): Promise<LinkDiagnosis> => diagnoseConnectionFailure(await failureWith(env), "secret");

        before(async () => {
            admin = await local.env().mariadb.connectAdmin();
            await admin.query("CREATE USER ?@'%' IDENTIFIED BY ?", [user, password]);
        });
        after(async () => {
            await admin?.query("DROP USER IF EXISTS ?@'%'", [user]);
            await admin?.end();
            await new Promise((done) => (closer === undefined ? done(undefined) : closer.close(done)));
        });

        it("names the network when nothing listens on the endpoint's port", async () => {
            const diagnosis = await diagnose({ DB_PORT: String(await freePort()) });
            assert.equal(diagnosis.link, "network");
            assert.equal(diagnosis.code, "ECONNREFUSED");
            assert.equal(diagnosis.retryable, true);
            assert.match(diagnosis.explanation, /security groups/);
        });

        it("names the network (DNS) when the endpoint's name does not resolve", async () => {
            const diagnosis = await diagnose({ DB_HOST: "no-such-proxy.invalid" });
            assert.equal(diagnosis.link, "network");
            assert.match(diagnosis.explanation, /DNS/);
        });

        it("names TLS, and does not retry, when the server's certificate is not trusted", async () => {
            // Node's own roots: the test CA that signed the server's certificate is not among them.
            const diagnosis = await diagnose({ DB_TLS_CA_FILE: "" });
            assert.equal(diagnosis.link, "tls", JSON.stringify(diagnosis));
            assert.equal(diagnosis.retryable, false);
        });

        it("names the login, with what to check in secret mode, when the password is refused", async () => {
            local.env().secrets.put(local.env().appSecretId + "-wrong", { username: user, password: randomBytes(12).toString("base64url") });
            const diagnosis = await diagnose({ DB_SECRET_ARN: local.env().appSecretId + "-wrong" });
            assert.equal(diagnosis.link, "login");
            assert.equal(diagnosis.code, "ER_ACCESS_DENIED_ERROR");
            assert.match(diagnosis.explanation, /secret/);
        });

        it("names the app user's grants when the login works but the schema is refused", async () => {
            local.env().secrets.put(local.env().appSecretId + "-nogrant", { username: user, password });
            const diagnosis = await diagnose({ DB_SECRET_ARN: local.env().appSecretId + "-nogrant" });
            assert.equal(diagnosis.link, "query");
            assert.equal(diagnosis.code, "ER_DBACCESS_DENIED_ERROR");
            assert.equal(diagnosis.retryable, false);
        });

        it("names the secret when the app user's secret cannot be read", async () => {
            const diagnosis = await diagnose({ DB_SECRET_ARN: `${local.env().appSecretId}-missing-${randomBytes(3).toString("hex")}` });
            assert.equal(diagnosis.link, "secret");
            assert.equal(diagnosis.retryable, true);
        });

        it("names the proxy-to-database link when the endpoint takes the connection and closes it before the login", async () => {
            // What a proxy with no database connection to give does to a client it accepted.
            closer = createServer((socket) => socket.destroy());
            await new Promise<void>((done) => closer!.listen(0, "127.0.0.1", done));
            const address = closer.address();
            const port = typeof address === "object" && address !== null ? address.port : 0;
            const diagnosis = await diagnose({ DB_HOST: "127.0.0.1", DB_PORT: String(port), DB_TLS_CA_FILE: local.env().mariadb.certificates.caFile });
            assert.equal(diagnosis.link, "proxy-to-database", JSON.stringify(diagnosis));
            assert.equal(diagnosis.retryable, true);
        });

        it("tells a proxy that accepts the connection and stalls the login from a network that drops it (mysql2 says ETIMEDOUT for both)", async () => {
            // Accepts TCP and never sends the server greeting: mysql2's connect timeout runs out during the handshake.
            const silent = createServer(() => undefined);
            await new Promise<void>((done) => silent.listen(0, "127.0.0.1", done));
            const address = silent.address();
            const port = typeof address === "object" && address !== null ? address.port : 0;
            try {
                const error = await failureWith({ DB_HOST: "127.0.0.1", DB_PORT: String(port) });
                assert.equal(diagnoseConnectionFailure(error, "iam").link, "network", "without the TCP check, a timeout points at the network");
                const facts = { endpointAcceptsTcp: await tcpReachable("127.0.0.1", port, 1_000) };
                assert.equal(facts.endpointAcceptsTcp, true);
                const diagnosis = diagnoseConnectionFailure(error, "iam", facts);
                assert.deepEqual([diagnosis.link, diagnosis.code], ["proxy-to-database", "ETIMEDOUT"]);
            } finally {
                silent.close();
            }
        });

        it("finds no TCP listener where nothing listens", async () => {
            assert.equal(await tcpReachable("127.0.0.1", await freePort(), 1_000), false);
        });

        it("names the configuration, and does not retry, when the function's environment is invalid", () => {
            let error: unknown;
            try {
                loadApiConfig({ ...local.env().apiEnv, DB_AUTH: "iam", DB_USER: "" });
            } catch (caught) {
                error = caught;
            }
            assert.ok(error instanceof ConfigError);
            const diagnosis = diagnoseConnectionFailure(error, "iam");
            assert.equal(diagnosis.link, "configuration");
            assert.equal(diagnosis.retryable, false);
        });
    });

    describe("codes no local server produces", () => {
        it("names the proxy-to-database link for RDS Proxy's borrow timeout (errno 9501) and too many connections", () => {
            for (const fields of [{ errno: 9501 }, { errno: 1040, code: "ER_CON_COUNT_ERROR" }]) {
                assert.equal(diagnoseConnectionFailure(wrapped(fields), "iam").link, "proxy-to-database", JSON.stringify(fields));
            }
        });

        it("names TLS when the proxy requires TLS the client did not offer, or offers none", () => {
            for (const fields of [{ errno: 3159 }, { code: "HANDSHAKE_NO_SSL_SUPPORT" }, { code: "ERR_TLS_CERT_ALTNAME_INVALID" }]) {
                assert.equal(diagnoseConnectionFailure(wrapped(fields), "iam").link, "tls", JSON.stringify(fields));
            }
        });

        it("explains a refused IAM login by the role's rds-db:connect, the proxy's IAM auth and the plugin", () => {
            const diagnosis = diagnoseConnectionFailure(wrapped({ errno: 1045, code: "ER_ACCESS_DENIED_ERROR" }), "iam");
            assert.equal(diagnosis.link, "login");
            assert.match(diagnosis.explanation, /rds-db:connect/);
            assert.match(diagnosis.explanation, /IAM_AUTH/);
            assert.match(diagnosis.explanation, /AWSAuthenticationPlugin/);
        });

        it("names the proxy-to-database link when a statement gets no answer, and the query when it fails otherwise", () => {
            assert.equal(diagnoseConnectionFailure(wrapped({ code: "PROTOCOL_SEQUENCE_TIMEOUT" }, "query"), "iam").link, "proxy-to-database");
            assert.equal(diagnoseConnectionFailure(wrapped({ errno: 1064, code: "ER_PARSE_ERROR" }, "query"), "iam").link, "query");
        });

        it("names the configuration when no IAM token can be signed", () => {
            const error = new DatabaseUnavailableError("Could not connect to the database", { cause: new TokenSigningError("AWS_REGION is not set") });
            assert.deepEqual(
                { link: diagnoseConnectionFailure(error, "iam").link, retryable: diagnoseConnectionFailure(error, "iam").retryable },
                { link: "configuration", retryable: false },
            );
        });

        it("tells a secret that cannot be read (retried) from one whose value is wrong (not retried)", () => {
            const fetch = new DatabaseUnavailableError("x", { cause: new SecretFetchError("Could not read secret", { cause: Object.assign(new Error("denied"), { name: "AccessDeniedException" }) }) });
            const format = new DatabaseUnavailableError("x", { cause: new SecretFormatError("no password") });
            assert.deepEqual([diagnoseConnectionFailure(fetch, "secret").retryable, diagnoseConnectionFailure(format, "secret").retryable], [true, false]);
            assert.equal(diagnoseConnectionFailure(format, "secret").link, "secret");
        });

        it("admits an error it cannot place, and keeps retrying it", () => {
            const diagnosis = diagnoseConnectionFailure(new Error("something else"), "iam");
            assert.deepEqual([diagnosis.link, diagnosis.retryable], ["unknown", true]);
        });

        it("follows causes without looping on a cycle", () => {
            const a: Error & { cause?: unknown } = new Error("a");
            const b = new Error("b", { cause: a });
            a.cause = b;
            assert.equal(causeChain(a).length, 10);
        });
    });
});
