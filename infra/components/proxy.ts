import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ProxySettings } from "../config";
import { rdsInstanceDbUserArn } from "../lib/arn";
import { proxyClientPasswordAuthType } from "../lib/engine";
import { PolicyStatement, policyDocument, rdsConnectStatement, readEncryptedSecretsStatements, serviceTrustPolicy } from "../lib/iam";
import type { AppLogin } from "./appLogin";
import { accountIdOf, partitionOf, regionOf } from "./awsScope";

export interface ProxyArgs extends ProxySettings {
    readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    readonly securityGroupId: pulumi.Input<string>;
    /** The instance to register; the target waits for it. */
    readonly instance: aws.rds.Instance;
    /** The instance's `db-…` resource id, which end-to-end IAM authorises the proxy's role on. */
    readonly dbResourceId: pulumi.Input<string>;
    readonly login: AppLogin;
    readonly kmsKeyArn: pulumi.Input<string>;
    readonly engineVersion: string;
    /**
     * Changes exactly when the proxy is replaced (lib/proxyGeneration.ts): the target of a new proxy is a new
     * resource, registered before the old proxy's target goes.
     */
    readonly generation: string;
}

/**
 * RDS Proxy in front of the instance: TLS required from clients, pooling connections so Lambda
 * concurrency does not turn into database connections. In `iam` mode it authenticates clients and
 * itself to MySQL with IAM (end-to-end IAM); in `secret` mode with the app user's password.
 */
export class DatabaseProxy extends pulumi.ComponentResource {
    readonly endpoint: pulumi.Output<string>;
    readonly arn: pulumi.Output<string>;
    /** The ProxyName dimension of its CloudWatch metrics. */
    readonly name: pulumi.Output<string>;
    /** The target's id: a new registration (another proxy or instance) has another; the readiness check reruns on it. */
    readonly targetId: pulumi.Output<string>;

    constructor(name: string, args: ProxyArgs, opts?: pulumi.ComponentResourceOptions) {
        super("blueprint:proxy:DatabaseProxy", name, {}, opts);
        const parent = { parent: this };
        const { login } = args;

        const role = new aws.iam.Role(
            "proxy-role",
            {
                description:
                    login.mode === "iam"
                        ? "lets RDS Proxy log in to MySQL as the application user with IAM"
                        : "lets RDS Proxy read the application user's secret",
                // No aws:SourceAccount or aws:SourceArn: RDS Proxy supports no global condition keys
                // (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-proxy.html#rds-proxy.limitations),
                // so such a condition would keep the proxy from ever assuming its role.
                assumeRolePolicy: JSON.stringify(serviceTrustPolicy("rds.amazonaws.com")),
            },
            parent,
        );
        const statements: pulumi.Output<PolicyStatement[]> =
            login.mode === "iam"
                ? pulumi
                      .all([partitionOf(this), regionOf(this), accountIdOf(this), args.dbResourceId])
                      .apply(([partition, region, accountId, dbResourceId]) => [
                          rdsConnectStatement(rdsInstanceDbUserArn({ partition, region, accountId, dbResourceId, dbUser: login.user })),
                      ])
                : pulumi
                      .all([login.secretArn, args.kmsKeyArn, regionOf(this)])
                      .apply(([secretArn, keyArn, region]) => readEncryptedSecretsStatements([secretArn], keyArn, region));
        // Named for what it grants in each mode, so switching modes replaces it rather than editing a
        // policy whose name no longer says what it holds.
        const access = new aws.iam.RolePolicy(
            login.mode === "iam" ? "proxy-db-connect" : "proxy-read-secret",
            { role: role.id, policy: statements.apply((s) => JSON.stringify(policyDocument(...s))) },
            parent,
        );

        const proxy = new aws.rds.Proxy(
            "proxy",
            {
                engineFamily: "MYSQL",
                requireTls: true,
                roleArn: role.arn,
                vpcSubnetIds: args.subnetIds,
                vpcSecurityGroupIds: [args.securityGroupId],
                idleClientTimeout: args.idleClientTimeoutSeconds,
                debugLogging: false,
                // The provider treats an unset scheme as "keep what AWS reports", so switching back
                // from IAM_AUTH needs NONE spelled out (terraform-provider-aws#44309: Computed).
                defaultAuthScheme: login.mode === "iam" ? "IAM_AUTH" : "NONE",
                auths:
                    login.mode === "iam"
                        ? []
                        : [
                              {
                                  authScheme: "SECRETS",
                                  secretArn: login.secretArn,
                                  iamAuth: "DISABLED",
                                  // The provider leaves this field out of the auth entry's hash, so a change
                                  // to it alone shows no diff (terraform-provider-aws PR #49639, open). It
                                  // follows the major version, which this program never changes in place.
                                  clientPasswordAuthType: proxyClientPasswordAuthType(args.engineVersion),
                                  description: "application database user",
                              },
                          ],
            },
            // The role's policy must exist before the proxy first tries to log in to the database.
            { ...parent, dependsOn: [access] },
        );

        const targetGroup = new aws.rds.ProxyDefaultTargetGroup(
            "proxy-pool",
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
        // goes first; the proxy has no target for the minutes the new one takes to register.
        // A new proxy (an AZ change) is another matter: its target is another resource, named by the proxy's
        // generation, so it is registered while the old proxy keeps serving (lib/proxyGeneration.ts).
        const target = new aws.rds.ProxyTarget(
            `proxy-target-${args.generation}`,
            { dbProxyName: proxy.name, targetGroupName: targetGroup.name, dbInstanceIdentifier: args.instance.identifier },
            { ...parent, dependsOn: [args.instance, targetGroup], deleteBeforeReplace: true },
        );

        this.endpoint = proxy.endpoint;
        this.arn = proxy.arn;
        this.targetId = target.id;
        this.name = proxy.name;
        this.registerOutputs({ endpoint: this.endpoint, arn: this.arn });
    }
}
