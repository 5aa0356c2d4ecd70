import { randomBytes } from "node:crypto";
import { handler as migrate, type MigrateResult } from "../src/migrate";
import { startMariaDb, type LocalMariaDb } from "./mariadb";
import { startSecretsStub, type SecretsStub } from "./secretsStub";

/** Everything the API needs locally: MariaDB with TLS, a Secrets Manager stub, migrations applied. */
export interface LocalEnvironment {
    readonly mariadb: LocalMariaDb;
    readonly secrets: SecretsStub;
    readonly appSecretId: string;
    readonly adminSecretId: string;
    /** The API function's environment, as the infra program would set it (plus the CA file). */
    readonly apiEnv: Readonly<Record<string, string>>;
    readonly migrateEnv: Readonly<Record<string, string>>;
    /** The result of the first migrate run. */
    readonly migration: MigrateResult;
    /** Runs the migrate handler again (with `migrateEnv`). */
    migrate(): Promise<MigrateResult>;
    stop(): Promise<void>;
}

export const appSecretId = "arn:aws:secretsmanager:us-east-1:000000000000:secret:local/orders-app";
export const adminSecretId = "arn:aws:secretsmanager:us-east-1:000000000000:secret:local/orders-admin";

/**
 * Sets the SDK's standard environment so that every Secrets Manager client created afterwards talks
 * to the stub; the credentials are placeholders (the stub checks no signature).
 */
function pointAwsSdkAt(stub: SecretsStub): void {
    process.env.AWS_REGION = "us-east-1";
    process.env.AWS_ACCESS_KEY_ID = "local";
    process.env.AWS_SECRET_ACCESS_KEY = "local";
    process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = stub.endpoint;
    delete process.env.AWS_PROFILE;
}

/** Runs `work` with these environment variables set (or, given `undefined`, unset), restoring the previous values afterwards. */
export async function withEnvironment<T>(env: Readonly<Record<string, string | undefined>>, work: () => Promise<T>): Promise<T> {
    const previous = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
    setEnvironment(env);
    try {
        return await work();
    } finally {
        setEnvironment(previous);
    }
}

function setEnvironment(env: Readonly<Record<string, string | undefined>>): void {
    for (const [key, value] of Object.entries(env)) {
        if (value === undefined) {
            delete process.env[key];
        } else {
            process.env[key] = value;
        }
    }
}

export async function startLocalEnvironment(options: { logLevel?: string; threadPool?: boolean } = {}): Promise<LocalEnvironment> {
    const mariadb = await startMariaDb({ threadPool: options.threadPool });
    const secrets = await startSecretsStub();
    pointAwsSdkAt(secrets);
    secrets.put(adminSecretId, mariadb.admin);
    // Generated per run: no credential is ever stored in the repository.
    secrets.put(appSecretId, { username: "app", password: randomBytes(18).toString("base64url") });
    const common = {
        DB_HOST: mariadb.host,
        DB_PORT: String(mariadb.port),
        DB_NAME: mariadb.database,
        DB_TLS: "required",
        DB_TLS_CA_FILE: mariadb.certificates.caFile,
        POWERTOOLS_LOG_LEVEL: options.logLevel ?? "WARN",
    };
    const apiEnv = { ...common, DB_AUTH: "secret", DB_SECRET_ARN: appSecretId, SECRET_TTL_SECONDS: "300", POWERTOOLS_SERVICE_NAME: "orders-api" };
    const migrateEnv = { ...common, DB_ADMIN_SECRET_ARN: adminSecretId, DB_APP_SECRET_ARN: appSecretId, POWERTOOLS_SERVICE_NAME: "orders-migrate" };
    const runMigrate = () => withEnvironment(migrateEnv, () => migrate({ trigger: "local" }));
    try {
        const migration = await runMigrate();
        return {
            mariadb,
            secrets,
            appSecretId,
            adminSecretId,
            apiEnv,
            migrateEnv,
            migration,
            migrate: runMigrate,
            async stop() {
                await secrets.close();
                await mariadb.destroy();
            },
        };
    } catch (error) {
        await secrets.close();
        await mariadb.destroy();
        throw error;
    }
}
