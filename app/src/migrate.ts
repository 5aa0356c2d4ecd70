import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import * as path from "node:path";
import { createConnection } from "mysql2/promise";
import { loadMigrateConfig, type MigrateConfig } from "./config";
import { baseConnectionOptions } from "./db/connectionOptions";
import { rdsCertificateAuthorities } from "./db/rdsCertificateAuthorities";
import { createLogger } from "./logger";
import { ensureAppUser, type AppUserLogin } from "./migrator/appUser";
import { readMigrations, resolveMigrationsDir } from "./migrator/files";
import { withNamedLock } from "./migrator/lock";
import { applyMigrations } from "./migrator/runner";
import { parseCredentialsSecret } from "./secrets/credentialsSecret";
import { SecretCache } from "./secrets/secretCache";

/** What the function returns to its caller (Pulumi's aws.lambda.Invocation): names and counts, no secrets. */
export interface MigrateResult {
    readonly applied: readonly string[];
    readonly skipped: number;
    readonly appUser: string;
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
export async function runMigrate(config: MigrateConfig, client: SecretsManagerClient): Promise<MigrateResult> {
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
            return { ...outcome, appUser: app.username };
        });
    } finally {
        await connection.end().catch(() => undefined);
    }
}

/** The migrate function. Accepts any event (Pulumi sends `{"trigger": "<hash>"}` to re-run on change). */
export async function handler(_event?: unknown): Promise<MigrateResult> {
    // The environment is read per invocation, unlike the API's: this runs once per deploy, and the tests
    // run it under several environments in one process. The SDK client is still made once.
    secretsClient ??= new SecretsManagerClient({});
    return runMigrate(loadMigrateConfig(process.env), secretsClient);
}
