import * as pulumi from "@pulumi/pulumi";
import type { LogLevel } from "../config";
import type { LambdaBundle } from "../../app/build";
import { directoryHash } from "../lib/hash";
import { readEncryptedSecretsStatements } from "../lib/iam";
import { migrationTrigger } from "../lib/migrationTrigger";
import { appLoginVersion, type AppLogin } from "./appLogin";
import { invokeOnDeploy } from "./deployInvocation";
import { regionOf } from "./awsScope";
import { VpcFunction } from "./vpcFunction";

export interface MigrationsArgs {
    /** The migrate function's code, bundled by the entry point (app/build.ts); a new bundle runs it again. */
    readonly code: LambdaBundle;
    /** The folder of versioned `.sql` files shipped next to it (`migrations/` in the zip); an edit runs it again. */
    readonly migrationsDir: string;
    readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    readonly securityGroupId: pulumi.Input<string>;
    readonly detachedSecurityGroupId: pulumi.Input<string>;
    /** The instance endpoint: migrations connect to the database directly, never through the proxy. */
    readonly dbHost: pulumi.Input<string>;
    readonly dbPort: pulumi.Input<number>;
    /** Changes when the instance is replaced, so a new, empty instance is migrated on the same deploy. */
    readonly dbResourceId: pulumi.Input<string>;
    readonly dbName: string;
    readonly masterSecretArn: pulumi.Input<string>;
    /** How the app user logs in: `migrate` creates it for IAM or sets its password from the secret. */
    readonly appLogin: AppLogin;
    readonly kmsKeyArn: pulumi.Input<string>;
    readonly logRetentionDays: number;
    readonly logLevel: LogLevel;
}

/** Long enough for a large ALTER TABLE; the deploy waits for it (aws.lambda.Invocation is synchronous). */
const MIGRATE_TIMEOUT_SECONDS = 300;

/**
 * The `migrate` function (schema migrations and the application user's grants, as the master
 * user) and its invocation on every deploy whose migrations, migrate code or app credentials
 * changed, or whose database instance is a new one. A failed migration fails the deploy.
 */
export class Migrations extends pulumi.ComponentResource {
    readonly functionName: pulumi.Output<string>;
    /** The function's timeout; its duration alarm is set below it. */
    readonly timeoutSeconds = MIGRATE_TIMEOUT_SECONDS;
    /** What the last run reported (applied migrations); never contains credentials. */
    readonly result: pulumi.Output<string>;

    constructor(name: string, args: MigrationsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("blueprint:migrations:Migrations", name, {}, opts);
        const parent = { parent: this };

        const { appLogin } = args;
        const appUserEnvironment: Record<string, pulumi.Input<string>> =
            appLogin.mode === "iam"
                ? { DB_APP_AUTH: "iam", DB_APP_USER: appLogin.user }
                : { DB_APP_AUTH: "secret", DB_APP_SECRET_ARN: appLogin.secretArn };
        const readableSecrets = appLogin.mode === "iam" ? [args.masterSecretArn] : [args.masterSecretArn, appLogin.secretArn];
        const fn = new VpcFunction(
            "migrate",
            {
                description: "applies database migrations and manages the application user",
                files: {
                    "index.js": new pulumi.asset.StringAsset(args.code.code),
                    migrations: new pulumi.asset.FileArchive(args.migrationsDir),
                },
                environment: {
                    DB_HOST: args.dbHost,
                    DB_PORT: pulumi.output(args.dbPort).apply(String),
                    DB_NAME: args.dbName,
                    DB_ADMIN_SECRET_ARN: args.masterSecretArn,
                    ...appUserEnvironment,
                    DB_TLS: "required",
                    POWERTOOLS_SERVICE_NAME: "migrate",
                },
                subnetIds: args.subnetIds,
                securityGroupId: args.securityGroupId,
                detachedSecurityGroupId: args.detachedSecurityGroupId,
                memoryMb: 256,
                timeoutSeconds: MIGRATE_TIMEOUT_SECONDS,
                logRetentionDays: args.logRetentionDays,
                logLevel: args.logLevel,
                statements: pulumi
                    .all([pulumi.all(readableSecrets), args.kmsKeyArn, regionOf(this)])
                    .apply(([secretArns, keyArn, region]) => readEncryptedSecretsStatements(secretArns, keyArn, region)),
            },
            parent,
        );

        const migrationsHash = directoryHash(args.migrationsDir, (file) => file.endsWith(".sql"));
        // In IAM mode the login itself is the trigger: switching modes must convert the user.
        const trigger = pulumi
            .all([appLoginVersion(appLogin), args.dbResourceId])
            .apply(([appLoginVersion, databaseResourceId]) =>
                migrationTrigger({ migrations: migrationsHash, code: args.code.code, appLogin: appLoginVersion, databaseResourceId }),
            );
        const invocation = invokeOnDeploy("migrate-run", fn, trigger, this);

        this.functionName = fn.functionName;
        this.result = invocation.result;
        this.registerOutputs({ functionName: this.functionName });
    }
}
