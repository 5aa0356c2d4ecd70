import { contentHash } from "./hash";

/** Everything whose change means the database may no longer match what `migrate` last left it in. */
export interface MigrationInputs {
    /** Hash of the SQL migrations. */
    readonly migrations: string;
    /** The bundled migrate code (it also holds the application user's grants). */
    readonly code: string;
    /**
     * How the app user logs in: the secret's version in `secret` mode (a new password must reach MySQL),
     * `iam:<user>` in IAM mode (a switch of modes must convert the user).
     */
    readonly appLogin: string;
    /**
     * The instance's `db-…` resource id. A replaced instance (new KMS key, new database name, a
     * restore) starts empty under a new id, so it needs the schema and the app user again even
     * though no migration changed.
     */
    readonly databaseResourceId: string;
}

/** The value of the Invocation's trigger: it changes, and `migrate` runs again, when any input does. */
export function migrationTrigger(inputs: MigrationInputs): string {
    return contentHash(inputs.migrations, inputs.code, inputs.appLogin, inputs.databaseResourceId);
}
