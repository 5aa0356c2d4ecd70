import { contentHash } from "./hash";

/** Everything whose change means the database may no longer match what `migrate` last left it in. */
export interface MigrationInputs {
    /** Hash of the SQL migrations. */
    readonly migrations: string;
    /** The bundled migrate code (it also holds the application user's grants). */
    readonly code: string;
    /** Version of the app user's secret: a new password must reach MySQL. */
    readonly appSecretVersion: string;
    /**
     * The instance's `db-…` resource id. A replaced instance (new KMS key, new database name, a
     * restore) starts empty under a new id, so it needs the schema and the app user again even
     * though no migration changed.
     */
    readonly databaseResourceId: string;
}

/** The value of the Invocation's trigger: it changes, and `migrate` runs again, when any input does. */
export function migrationTrigger(inputs: MigrationInputs): string {
    return contentHash(inputs.migrations, inputs.code, inputs.appSecretVersion, inputs.databaseResourceId);
}
