import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { stackKeyPolicy } from "../lib/keyPolicy";
import type { AppLogin } from "./appLogin";
import { accountIdOf, partitionOf, regionOf } from "./awsScope";

export interface SecretsArgs {
    /** The least-privileged database user the API connects as. */
    readonly appDbUser: string;
    /** `iam`: the app user has no password, so no secret is created for it. */
    readonly appAuth: AppLogin["mode"];
    readonly dbName: string;
    /**
     * Keep the key (and its alias) when the stack is destroyed, because something encrypted with it
     * outlives the stack: the database's final snapshot and retained automated backups.
     */
    readonly retainKey: boolean;
}

/**
 * The customer-managed KMS key that encrypts the database storage and every secret, and, in `secret`
 * mode only, the Secrets Manager secret of the application's database user. Its password is generated
 * by the random provider and only ever travels as a Pulumi secret.
 */
export class Secrets extends pulumi.ComponentResource {
    readonly keyArn: pulumi.Output<string>;
    readonly keyId: pulumi.Output<string>;
    readonly appLogin: AppLogin;

    constructor(name: string, args: SecretsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("blueprint:secrets:Secrets", name, {}, opts);
        const parent = { parent: this };

        // A snapshot encrypted with a key that is scheduled for deletion cannot be restored once the key
        // is gone, so a stack that keeps its final snapshot keeps the key too (retainOnDelete: Pulumi
        // forgets it instead of deleting it). It then costs $1 a month until you schedule its deletion.
        const retain = { ...parent, retainOnDelete: args.retainKey };
        const key = new aws.kms.Key(
            "key",
            {
                // No stack name in descriptions: they would change on a rename (the alias carries it).
                description: "RDS storage, Performance Insights, Secrets Manager secrets and the alarm topic",
                enableKeyRotation: true,
                deletionWindowInDays: 30,
                // AWS's default key policy plus CloudWatch's use of the key for the alarm topic (lib/keyPolicy.ts):
                // the provider's account administers the key, and CloudWatch may use it for this stack's alarms there.
                policy: pulumi
                    .all([partitionOf(this), regionOf(this), accountIdOf(this)])
                    .apply(([partition, region, accountId]) => JSON.stringify(stackKeyPolicy({ partition, accountId, region }))),
            },
            retain,
        );
        // Autonamed (`alias/<project>-<stack>-key-alias-<7 hex>`: pulumi-aws puts `alias/` in front
        // of the pattern's name), not a fixed name: an alias kept by an earlier destroy of this stack would
        // otherwise make creating the stack again fail on a name that already exists.
        new aws.kms.Alias("key-alias", { targetKeyId: key.keyId }, retain);

        if (args.appAuth === "iam") {
            this.keyArn = key.arn;
            this.keyId = key.keyId;
            this.appLogin = { mode: "iam", user: args.appDbUser };
            this.registerOutputs({ keyArn: this.keyArn });
            return;
        }

        const password = new random.RandomPassword(
            "app-db-password",
            // Alphanumeric only: the password ends up in connection strings and shell sessions.
            { length: 40, special: false },
            parent,
        );
        const secret = new aws.secretsmanager.Secret(
            "app-db",
            {
                description: `credentials of the application database user (${args.appDbUser})`,
                kmsKeyId: key.arn,
                recoveryWindowInDays: 7,
            },
            parent,
        );
        const version = new aws.secretsmanager.SecretVersion(
            "app-db",
            {
                secretId: secret.id,
                secretString: pulumi.jsonStringify({
                    engine: "mysql",
                    username: args.appDbUser,
                    password: password.result,
                    dbname: args.dbName,
                }),
            },
            parent,
        );

        this.keyArn = key.arn;
        this.keyId = key.keyId;
        this.appLogin = { mode: "secret", user: args.appDbUser, secretArn: secret.arn, secretVersionId: version.versionId };
        this.registerOutputs({ keyArn: this.keyArn, appSecretArn: secret.arn, appSecretVersionId: version.versionId });
    }
}
