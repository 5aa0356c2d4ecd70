import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ProxySettings } from "../config";
import { proxyClientPasswordAuthType } from "../lib/engine";
import { decryptViaSecretsManagerStatement, policyDocument, readSecretsStatement, serviceTrustPolicy } from "../lib/iam";

export interface ProxyArgs extends ProxySettings {
    readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    readonly securityGroupId: pulumi.Input<string>;
    /** The instance to register; the target waits for it. */
    readonly instance: aws.rds.Instance;
    readonly appSecretArn: pulumi.Input<string>;
    readonly kmsKeyArn: pulumi.Input<string>;
    readonly region: string;
    readonly iamAuth: boolean;
    readonly engineVersion: string;
}

/**
 * RDS Proxy in front of the instance: TLS required from clients, authenticates to MySQL as the
 * application user with the secret, and pools connections so Lambda concurrency does not turn
 * into database connections.
 */
export class DatabaseProxy extends pulumi.ComponentResource {
    readonly endpoint: pulumi.Output<string>;
    readonly arn: pulumi.Output<string>;

    constructor(name: string, args: ProxyArgs, opts?: pulumi.ComponentResourceOptions) {
        super("blueprint:proxy:DatabaseProxy", name, {}, opts);
        const parent = { parent: this };

        const role = new aws.iam.Role(
            `${name}-proxy-role`,
            {
                description: `${name}: lets RDS Proxy read the application user's secret`,
                // No aws:SourceAccount or aws:SourceArn: RDS Proxy supports no global condition keys
                // (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-proxy.html#rds-proxy.limitations),
                // so such a condition would keep the proxy from ever assuming its role and reading the secret.
                assumeRolePolicy: JSON.stringify(serviceTrustPolicy("rds.amazonaws.com")),
            },
            parent,
        );
        const readSecret = new aws.iam.RolePolicy(
            `${name}-proxy-read-secret`,
            {
                role: role.id,
                policy: pulumi
                    .all([args.appSecretArn, args.kmsKeyArn])
                    .apply(([secretArn, keyArn]) =>
                        JSON.stringify(policyDocument(readSecretsStatement([secretArn]), decryptViaSecretsManagerStatement(keyArn, args.region))),
                    ),
            },
            parent,
        );

        const proxy = new aws.rds.Proxy(
            `${name}-proxy`,
            {
                engineFamily: "MYSQL",
                requireTls: true,
                roleArn: role.arn,
                vpcSubnetIds: args.subnetIds,
                vpcSecurityGroupIds: [args.securityGroupId],
                idleClientTimeout: args.idleClientTimeoutSeconds,
                debugLogging: false,
                auths: [
                    {
                        authScheme: "SECRETS",
                        secretArn: args.appSecretArn,
                        iamAuth: args.iamAuth ? "REQUIRED" : "DISABLED",
                        clientPasswordAuthType: proxyClientPasswordAuthType(args.engineVersion),
                        description: "application database user",
                    },
                ],
            },
            // The role's policy must exist before the proxy first tries to read the secret.
            { ...parent, dependsOn: [readSecret] },
        );

        const targetGroup = new aws.rds.ProxyDefaultTargetGroup(
            `${name}-proxy-pool`,
            {
                dbProxyName: proxy.name,
                connectionPoolConfig: {
                    maxConnectionsPercent: args.maxConnectionsPercent,
                    maxIdleConnectionsPercent: args.maxIdleConnectionsPercent,
                    connectionBorrowTimeout: args.connectionBorrowTimeoutSeconds,
                },
            },
            parent,
        );

        // Registration fails while the instance is still being created or configured, and the
        // identifier alone is known before that: depend on the instance resource itself.
        // A proxy's target group holds one RDS instance, and every input of a target forces its
        // replacement: created before the old one is deleted (Pulumi's default), the new registration
        // would be refused and any change that replaces the instance would fail. So the old target
        // goes first; the proxy has no target for the minute the new one takes to register.
        new aws.rds.ProxyTarget(
            `${name}-proxy-target`,
            { dbProxyName: proxy.name, targetGroupName: targetGroup.name, dbInstanceIdentifier: args.instance.identifier },
            { ...parent, dependsOn: [args.instance, targetGroup], deleteBeforeReplace: true },
        );

        this.endpoint = proxy.endpoint;
        this.arn = proxy.arn;
        this.registerOutputs({ endpoint: this.endpoint, arn: this.arn });
    }
}
