import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import type { DatabaseSettings } from "../config";
import { autoMinorVersionUpgrade, parameterGroupFamily } from "../lib/engine";
import { physicalPrefix } from "../lib/naming";
import { dbParameters } from "../lib/parameters";

const ENGINE = "mysql";

export interface DatabaseArgs extends DatabaseSettings {
    readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    readonly securityGroupId: pulumi.Input<string>;
    readonly kmsKeyArn: pulumi.Input<string>;
    readonly masterUsername: string;
}

/**
 * RDS for MySQL, private and encrypted with the project's CMK. RDS generates, stores and
 * rotates the master password in its own secret (`manageMasterUserPassword`), so no password
 * ever passes through this program or its state.
 */
export class Database extends pulumi.ComponentResource {
    readonly instanceId: pulumi.Output<string>;
    readonly identifier: pulumi.Output<string>;
    readonly address: pulumi.Output<string>;
    readonly port: pulumi.Output<number>;
    /** The instance's `db-…` resource id: unlike the name, it changes whenever the instance is replaced. */
    readonly resourceId: pulumi.Output<string>;
    /** ARN of the RDS-managed secret of the master user (migrations only). */
    readonly masterSecretArn: pulumi.Output<string>;
    /** The instance resource itself, for resources that must wait until it is available. */
    readonly instance: aws.rds.Instance;

    constructor(name: string, args: DatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
        super("blueprint:database:Database", name, {}, opts);
        const parent = { parent: this };

        const subnetGroup = new aws.rds.SubnetGroup("db-subnets", { subnetIds: args.subnetIds }, parent);

        // The family is part of the name, so a new major version gets a new group created next to
        // the old one. The upgrade itself is refused while `allowMajorVersionUpgrade` is false: a
        // major upgrade is a deliberate, one-way step that this program does not take on a config edit.
        const family = parameterGroupFamily(args.engineVersion);
        const parameterGroup = new aws.rds.ParameterGroup(
            family.replace(".", "-"),
            {
                family,
                // A parameter group's description cannot change without replacing the group: no stack name in it.
                description: "TLS-only connections",
                parameters: dbParameters(args.logExports),
            },
            parent,
        );

        // Snapshot names are unique per account and region and outlive the stack: a fixed name would
        // make the second destroy of a re-created stack fail on the first one's snapshot. The keepers
        // are the inputs that replace the instance: a replaced instance is deleted with a final
        // snapshot of its own, so its successor needs a new name, or destroying it later would fail.
        // The identifier is only used at deletion and changes in place (terraform-provider-aws: not
        // ForceNew), so after a rename it simply follows the new `<project>-<stack>`.
        const prefix = physicalPrefix();
        const finalSnapshotIdentifier = args.finalSnapshot
            ? new random.RandomId(
                  "db-final-snapshot-suffix",
                  {
                      byteLength: 4,
                      keepers: { engine: ENGINE, dbName: args.dbName, username: args.masterUsername, kmsKeyId: args.kmsKeyArn },
                  },
                  parent,
              ).hex.apply((suffix) => `${prefix}-db-final-${suffix}`)
            : undefined;

        // Autonamed: `<project>-<stack>-db-<7 hex>` (pulumi-aws 7.34.0 or later follows the pattern for RDS
        // identifiers, pulumi-aws#6434), which must be lower case: infra/lib/naming.ts refuses other names.
        const instance = new aws.rds.Instance(
            "db",
            {
                engine: ENGINE,
                engineVersion: args.engineVersion,
                instanceClass: args.instanceClass,
                dbName: args.dbName,
                username: args.masterUsername,
                manageMasterUserPassword: true,
                masterUserSecretKmsKeyId: args.kmsKeyArn,
                iamDatabaseAuthenticationEnabled: true,
                storageType: "gp3",
                allocatedStorage: args.allocatedStorageGb,
                maxAllocatedStorage: args.maxAllocatedStorageGb,
                storageEncrypted: true,
                kmsKeyId: args.kmsKeyArn,
                dbSubnetGroupName: subnetGroup.name,
                vpcSecurityGroupIds: [args.securityGroupId],
                publiclyAccessible: false,
                parameterGroupName: parameterGroup.name,
                caCertIdentifier: "rds-ca-rsa2048-g1",
                multiAz: args.multiAz,
                backupRetentionPeriod: args.backupRetentionDays,
                copyTagsToSnapshot: true,
                deletionProtection: args.deletionProtection,
                skipFinalSnapshot: !args.finalSnapshot,
                finalSnapshotIdentifier,
                // A stack that keeps a final snapshot keeps its automated backups too: they expire on
                // their own after the retention period, and until then allow a point-in-time restore
                // to any moment before the destroy, which the final snapshot alone cannot.
                deleteAutomatedBackups: !args.finalSnapshot,
                performanceInsightsEnabled: args.performanceInsights,
                performanceInsightsKmsKeyId: args.performanceInsights ? args.kmsKeyArn : undefined,
                enabledCloudwatchLogsExports: [...args.logExports],
                autoMinorVersionUpgrade: autoMinorVersionUpgrade(args.engineVersion),
                allowMajorVersionUpgrade: false,
                // Deferred changes show in every preview until the window passes; dev applies them now.
                applyImmediately: args.applyImmediately,
            },
            // A change that replaces the instance (dbName, the key, --replace) creates a new, empty one,
            // migrates it and moves the proxy to it before deleting the old one, and RDS's deletion
            // protection only stops that last step, after the switch. Pulumi's protect refuses the
            // replacement in the preview, before anything moves; it goes with the stack's setting.
            { ...parent, protect: args.deletionProtection },
        );

        this.instance = instance;
        this.instanceId = instance.id;
        this.identifier = instance.identifier;
        this.address = instance.address;
        this.port = instance.port;
        this.resourceId = instance.resourceId;
        this.masterSecretArn = instance.masterUserSecrets.apply((secrets) => {
            const arn = secrets[0]?.secretArn;
            if (!arn) {
                throw new Error(`${name}: RDS reported no managed master user secret`);
            }
            return arn;
        });
        this.registerOutputs({ instanceId: this.instanceId, address: this.address, resourceId: this.resourceId, masterSecretArn: this.masterSecretArn });
    }
}
