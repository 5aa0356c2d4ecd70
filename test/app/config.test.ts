import { strict as assert } from "node:assert";
import { ConfigError, loadApiConfig, loadMigrateConfig, loadProjectorConfig, loadRelayConfig } from "../../app/src/config";
import { RELAY_TUNING_DEFAULTS } from "../../app/src/outbox/tuning";
import { FIXTURE_PREFIX, FIXTURE_REGION } from "../helpers/fixtureValues";

const apiBaseline = { DB_HOST: "proxy.example.internal", DB_NAME: "orders", DB_SECRET_ARN: `arn:aws:secretsmanager:${FIXTURE_REGION}:1:secret:app` };
const migrateBaseline = {
    DB_HOST: "db.example.internal",
    DB_NAME: "orders",
    DB_ADMIN_SECRET_ARN: "arn:admin",
    DB_APP_SECRET_ARN: "arn:app",
};

describe("config", () => {
    describe("loadApiConfig", () => {
        it("applies the documented defaults to a minimal environment", () => {
            const config = loadApiConfig(apiBaseline);
            assert.deepEqual(config.db, { host: "proxy.example.internal", port: 3306, database: "orders", tls: { mode: "required", caFile: undefined } });
            assert.deepEqual(config.auth, { mode: "secret", secretArn: apiBaseline.DB_SECRET_ARN });
            assert.equal(config.secretTtlSeconds, 300);
            assert.equal(config.logging.logLevel, "INFO");
        });

        it("treats empty variables as unset", () => {
            assert.equal(loadApiConfig({ ...apiBaseline, DB_PORT: "" }).db.port, 3306);
        });

        it("names the variable when the port is not a number", () => {
            assert.throws(() => loadApiConfig({ ...apiBaseline, DB_PORT: "mysql" }), (error: unknown) => {
                assert.ok(error instanceof ConfigError);
                assert.match(error.message, /DB_PORT/);
                return true;
            });
        });

        it("names the variable when the port is out of range", () => {
            assert.throws(() => loadApiConfig({ ...apiBaseline, DB_PORT: "70000" }), /DB_PORT/);
        });

        it("names DB_HOST when it is missing", () => {
            assert.throws(() => loadApiConfig({ ...apiBaseline, DB_HOST: undefined }), /DB_HOST/);
        });

        it("refuses an unknown DB_TLS value", () => {
            assert.throws(() => loadApiConfig({ ...apiBaseline, DB_TLS: "preferred" }), /DB_TLS/);
        });

        it("requires DB_SECRET_ARN in secret mode", () => {
            assert.throws(() => loadApiConfig({ ...apiBaseline, DB_SECRET_ARN: undefined }), /DB_SECRET_ARN/);
        });

        it("reads DB_USER in iam mode", () => {
            const config = loadApiConfig({ ...apiBaseline, DB_AUTH: "iam", DB_USER: "app_iam" });
            assert.deepEqual(config.auth, { mode: "iam", user: "app_iam" });
        });

        it("reads AWS_REGION in iam mode, the region tokens are signed for", () => {
            const config = loadApiConfig({ ...apiBaseline, DB_AUTH: "iam", DB_USER: "app_iam", AWS_REGION: FIXTURE_REGION });
            assert.deepEqual(config.auth, { mode: "iam", user: "app_iam", region: FIXTURE_REGION });
        });

        it("requires DB_USER in iam mode", () => {
            assert.throws(() => loadApiConfig({ ...apiBaseline, DB_AUTH: "iam" }), /DB_USER/);
        });

        it("refuses iam mode without TLS, since the token travels in clear text", () => {
            assert.throws(() => loadApiConfig({ ...apiBaseline, DB_AUTH: "iam", DB_USER: "app_iam", DB_TLS: "disabled" }), /DB_TLS/);
        });

        it("accepts a CA file for local TLS", () => {
            assert.deepEqual(loadApiConfig({ ...apiBaseline, DB_TLS_CA_FILE: "/tmp/ca.pem" }).db.tls, { mode: "required", caFile: "/tmp/ca.pem" });
        });

        it("reads the log level case-insensitively", () => {
            assert.equal(loadApiConfig({ ...apiBaseline, POWERTOOLS_LOG_LEVEL: "debug" }).logging.logLevel, "DEBUG");
        });

        it("refuses a database name that is not a plain identifier", () => {
            assert.throws(() => loadApiConfig({ ...apiBaseline, DB_NAME: "orders`; DROP" }), /DB_NAME/);
        });
    });

    describe("loadMigrateConfig", () => {
        it("reads both secret ARNs", () => {
            const config = loadMigrateConfig(migrateBaseline);
            assert.equal(config.adminSecretArn, "arn:admin");
            assert.deepEqual(config.appUser, { mode: "secret", secretArn: "arn:app" });
            assert.equal(config.migrationsDir, undefined);
        });

        it("names DB_APP_SECRET_ARN when it is missing", () => {
            assert.throws(() => loadMigrateConfig({ ...migrateBaseline, DB_APP_SECRET_ARN: undefined }), /DB_APP_SECRET_ARN/);
        });

        it("takes the app user's name and no app secret in IAM mode", () => {
            const config = loadMigrateConfig({ ...migrateBaseline, DB_APP_AUTH: "iam", DB_APP_USER: "app", DB_APP_SECRET_ARN: undefined });
            assert.deepEqual(config.appUser, { mode: "iam", user: "app" });
        });

        it("names DB_APP_USER when IAM mode has no user", () => {
            assert.throws(() => loadMigrateConfig({ ...migrateBaseline, DB_APP_AUTH: "iam" }), /DB_APP_USER is required when DB_APP_AUTH is 'iam'/);
        });

        it("refuses an app auth mode other than secret or iam", () => {
            assert.throws(() => loadMigrateConfig({ ...migrateBaseline, DB_APP_AUTH: "password" }), /DB_APP_AUTH/);
        });
    });

    describe("loadRelayConfig", () => {
        it("reads the API's database settings and the bus, with its own service name", () => {
            const config = loadRelayConfig({ ...apiBaseline, EVENT_BUS_NAME: `${FIXTURE_PREFIX}-orders` });
            assert.equal(config.eventBusName, `${FIXTURE_PREFIX}-orders`);
            assert.equal(config.db.host, apiBaseline.DB_HOST);
            assert.equal(config.logging.serviceName, "orders-relay");
        });

        it("names EVENT_BUS_NAME when it is missing or not a bus name", () => {
            for (const value of [undefined, "", "bus name with spaces", "x".repeat(257)]) {
                assert.throws(() => loadRelayConfig({ ...apiBaseline, EVENT_BUS_NAME: value }), (error: unknown) => {
                    assert.ok(error instanceof ConfigError);
                    assert.match(error.message, /^Invalid relay environment: EVENT_BUS_NAME/);
                    return true;
                });
            }
        });

        it("paces the relay by RELAY_POLL_MS, RELAY_MAX_IN_FLIGHT and RELAY_BATCH_SIZE, with the tuning defaults", () => {
            assert.deepEqual(loadRelayConfig({ ...apiBaseline, EVENT_BUS_NAME: "b" }).tuning, RELAY_TUNING_DEFAULTS);
            const tuned = loadRelayConfig({ ...apiBaseline, EVENT_BUS_NAME: "b", RELAY_POLL_MS: "100", RELAY_MAX_IN_FLIGHT: "4", RELAY_BATCH_SIZE: "200" });
            assert.deepEqual(tuned.tuning, { pollMs: 100, maxInFlight: 4, batchSize: 200 });
        });

        it("names a relay tuning variable out of its range", () => {
            for (const [key, value] of [["RELAY_POLL_MS", "10"], ["RELAY_MAX_IN_FLIGHT", "0"], ["RELAY_BATCH_SIZE", "many"]] as const) {
                assert.throws(() => loadRelayConfig({ ...apiBaseline, EVENT_BUS_NAME: "b", [key]: value }), new RegExp(`Invalid relay environment: .*${key}`));
            }
        });

        it("says which function's environment is wrong", () => {
            assert.throws(() => loadRelayConfig({ ...apiBaseline, DB_PORT: "x", EVENT_BUS_NAME: "b" }), /^ConfigError: Invalid relay environment: DB_PORT|Invalid relay environment: DB_PORT/);
        });
    });

    describe("loadProjectorConfig", () => {
        it("reads the API's database settings with its own service name", () => {
            const config = loadProjectorConfig({ ...apiBaseline, DB_AUTH: "iam", DB_USER: "app", DB_SECRET_ARN: "" });
            assert.deepEqual(config.auth, { mode: "iam", user: "app" });
            assert.equal(config.logging.serviceName, "orders-projector");
        });

        it("refuses IAM mode without TLS, as the API does", () => {
            assert.throws(() => loadProjectorConfig({ ...apiBaseline, DB_AUTH: "iam", DB_USER: "app", DB_TLS: "disabled" }), /Invalid projector environment: DB_TLS/);
        });
    });
});
