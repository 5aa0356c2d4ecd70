import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import * as path from "node:path";
import { createConnection, type Connection } from "mysql2/promise";
import { loadMigrateConfig, type MigrateConfig } from "./config";
import type { Queryable } from "./db/connection";
import { baseConnectionOptions } from "./db/connectionOptions";
import { rdsCertificateAuthorities } from "./db/rdsCertificateAuthorities";
import { createLogger } from "./logger";
import { ensureAppUser, type AppUserLogin } from "./migrator/appUser";
import { readMigrations, resolveMigrationsDir } from "./migrator/files";
import { withNamedLock } from "./migrator/lock";
import { applyMigrations } from "./migrator/runner";
import { rebuildReadModel, type RebuildResult } from "./readModel/rebuild";
import { parseCredentialsSecret } from "./secrets/credentialsSecret";
import { SecretCache } from "./secrets/secretCache";

/** What the function returns to its caller (Pulumi's aws.lambda.Invocation): names and counts, no secrets. */
export interface MigrateResult {
    readonly applied: readonly string[];
    readonly skipped: number;
    readonly appUser: string;
    /** Only when the invocation asked for `{"rebuildReadModel": true}`. */
    readonly readModel?: RebuildResult;
}

/** What an invocation may ask for besides the migrations: a rebuild of the read model from the event store. */
export interface MigrateRequest {
    readonly rebuildReadModel?: boolean;
}

export class MigrateError extends Error {
    override readonly name = "MigrateError";
}

// Bundled, this file is index.js at the zip root with migrations/ beside it; from source it is app/src/migrate.ts.
const migrationCandidates = [path.join(__dirname, "migrations"), path.join(__dirname, "..", "migrations")];

let secretsClient: SecretsManagerClient | undefined;

async function readCredentials(client: SecretsManagerClient, secretId: string) {
    // Read fresh on every run (TTL 0): a deploy must apply the secret's current value.
    return new SecretCache({ client, secretId, ttlSeconds: 0, parse: parseCredentialsSecret }).get();
}

/**
 * Applies pending migrations and creates or updates the app user, connected straight to the DB instance
 * as the RDS master user. Safe to run twice and concurrently; throws on failure so that the deploy fails.
 */
export async function runMigrate(config: MigrateConfig, client: SecretsManagerClient, request: MigrateRequest = {}): Promise<MigrateResult> {
    const logger = createLogger(config.logging);
    const migrations = readMigrations(resolveMigrationsDir(config.migrationsDir, migrationCandidates));
    const { appUser } = config;
    const [admin, app] = await Promise.all([
        readCredentials(client, config.adminSecretArn),
        appUser.mode === "secret" ? readCredentials(client, appUser.secretArn) : Promise.resolve<AppUserLogin>({ username: appUser.user, iam: true }),
    ]);
    if (admin.username === app.username) {
        throw new MigrateError("The app secret names the master user; the API needs a user of its own");
    }
    const connection = await createConnection({
        ...baseConnectionOptions(config.db, rdsCertificateAuthorities),
        connectTimeout: 10_000,
        user: admin.username,
        password: admin.password,
    });
    try {
        // Lock names are limited to 64 characters in MySQL.
        const lockName = `migrations.${config.db.database}`.slice(0, 64);
        return await withNamedLock(connection, lockName, 60, async () => {
            const outcome = await applyMigrations(connection, migrations, logger);
            await ensureAppUser(connection, app, config.db.database);
            logger.info("Migrations done", { applied: outcome.applied, skipped: outcome.skipped, appUser: app.username });
            if (request.rebuildReadModel !== true) {
                return { ...outcome, appUser: app.username };
            }
            const readModel = await rebuildReadModel(connectionQueryable(connection), logger);
            logger.info("Read model rebuilt", { ...readModel });
            return { ...outcome, appUser: app.username, readModel };
        });
    } finally {
        await connection.end().catch(() => undefined);
    }
}

/** The admin connection as the stores' `Queryable` (one statement at a time, parameters on the client). */
function connectionQueryable(connection: Connection): Queryable {
    return { query: async <R>(sql: string, values: readonly unknown[]) => (await connection.query(sql, [...values]))[0] as R };
}

/**
 * The migrate function. Accepts any event (Pulumi sends `{"trigger": "<hash>"}` to re-run on change);
 * `{"rebuildReadModel": true}` also rebuilds order_summaries from the event store.
 */
export async function handler(event?: unknown): Promise<MigrateResult> {
    // The environment is read per invocation, unlike the API's: this runs once per deploy, and the tests
    // run it under several environments in one process. The SDK client is still made once.
    secretsClient ??= new SecretsManagerClient({});
    const rebuild = typeof event === "object" && event !== null && (event as MigrateRequest).rebuildReadModel === true;
    return runMigrate(loadMigrateConfig(process.env), secretsClient, { rebuildReadModel: rebuild });
}
