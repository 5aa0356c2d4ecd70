import * as aws from "@pulumi/aws";
import * as awsx from "@pulumi/awsx";
import * as pulumi from "@pulumi/pulumi";
import { flowLogsDeliveryStatement, flowLogsSourceArn, policyDocument, serviceTrustPolicy } from "../lib/iam";
import { physicalPrefix } from "../lib/naming";
import { isolatedSubnetCidrs } from "../lib/subnetLayout";
import { accountIdOf, partitionOf, regionOf } from "./awsScope";

export interface NetworkArgs {
    readonly availabilityZones: number;
    readonly cidrBlock: string;
    readonly flowLogs: boolean;
    /** Whether the API function reads a secret (`secret` mode); in IAM mode it gets no path to the endpoint. */
    readonly apiReadsSecrets: boolean;
    /** `events`: groups for the relay, the projector and the EventBridge endpoint, chained like the API's. */
    readonly events: boolean;
    readonly logRetentionDays: number;
}

const MYSQL_PORT = 3306;
const HTTPS_PORT = 443;

/**
 * An isolated VPC (no NAT gateway, no route to the internet) and the security-group chain
 * Lambda → RDS Proxy → database. Nothing here is open to a CIDR range: every rule names the
 * security group on the other side, so a new workload gets no access until it is given a group.
 */
export class Network extends pulumi.ComponentResource {
    readonly vpcId: pulumi.Output<string>;
    /** Isolated subnets, one per AZ, shared by the functions, the proxy, the database and the endpoints. */
    readonly subnetIds: pulumi.Output<string[]>;
    readonly apiFunctionSecurityGroupId: pulumi.Output<string>;
    readonly migrateFunctionSecurityGroupId: pulumi.Output<string>;
    readonly proxySecurityGroupId: pulumi.Output<string>;
    readonly databaseSecurityGroupId: pulumi.Output<string>;
    readonly endpointSecurityGroupId: pulumi.Output<string>;
    /** With `events`: the relay's and the projector's groups, and the EventBridge endpoint's. */
    readonly events?: {
        readonly relayFunctionSecurityGroupId: pulumi.Output<string>;
        readonly projectorFunctionSecurityGroupId: pulumi.Output<string>;
        readonly eventsEndpointSecurityGroupId: pulumi.Output<string>;
    };
    /**
     * The VPC's default security group, stripped of its rules: it takes over the network interfaces
     * of functions being destroyed, and lives exactly as long as the VPC.
     */
    readonly detachedSecurityGroupId: pulumi.Output<string>;

    constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("blueprint:network:Network", name, {}, opts);
        const parent = { parent: this };
        // Name tags carry the stack's prefix for the console; tags change in place, so a rename replaces nothing.
        const prefix = physicalPrefix();

        // Renaming `vpc` (logical names are by role, the same in every stack: docs/naming.md) replaces the
        // VPC and everything in it. awsx names each subnet by its AZ index (`vpc-isolated-1`…), and the
        // blocks are fixed per index, so a third AZ adds
        // one subnet and leaves the first two alone. awsx takes the region's first N AZs by name.
        const vpc = new awsx.ec2.Vpc(
            "vpc",
            {
                cidrBlock: args.cidrBlock,
                numberOfAvailabilityZones: args.availabilityZones,
                // Interface endpoints with private DNS only resolve when both are on.
                enableDnsHostnames: true,
                enableDnsSupport: true,
                natGateways: { strategy: awsx.ec2.NatGatewayStrategy.None },
                // With explicit blocks `Auto` uses them as given; `Exact` would also demand that they
                // fill the VPC without gaps, which the free blocks kept for forks would break.
                subnetStrategy: awsx.ec2.SubnetAllocationStrategy.Auto,
                subnetSpecs: [
                    { type: awsx.ec2.SubnetType.Isolated, name: "isolated", cidrBlocks: isolatedSubnetCidrs(args.cidrBlock, args.availabilityZones) },
                ],
            },
            parent,
        );
        this.vpcId = vpc.vpcId;
        this.subnetIds = vpc.isolatedSubnetIds;

        const group = (role: string, description: string) =>
            new aws.ec2.SecurityGroup(
                `${role}-sg`,
                { vpcId: vpc.vpcId, description, tags: { Name: `${prefix}-${role}` } },
                parent,
            );
        // A group's description cannot change without replacing the group (and waiting on the ENIs in
        // it), so descriptions say what holds in every mode.
        const apiFn = group("api-fn", "API Lambda: may reach the proxy, and the Secrets Manager endpoint in secret mode");
        const migrateFn = group("migrate-fn", "Migration Lambda: may reach the database and the Secrets Manager endpoint only");
        const proxy = group("proxy", "RDS Proxy: accepts MySQL from the API Lambda, connects to the database");
        const db = group("db", "RDS for MySQL: accepts MySQL from the proxy and the migration Lambda");
        const endpoint = group("endpoint", "Secrets Manager interface endpoint: HTTPS from the Lambdas");

        // Lambda deletes a function's network interfaces some time after the function itself, and they
        // block whatever group they are in. A group of this stack would be deleted in the same destroy
        // and wait on them; the VPC's default group is only deleted with the VPC, after the subnets,
        // whose deletion waits for the interfaces anyway. Adopting it with no rules revokes AWS's
        // default allow-all rules, so nothing placed in it by mistake can talk to anything.
        const defaultGroup = new aws.ec2.DefaultSecurityGroup(
            "default-sg",
            { vpcId: vpc.vpcId, tags: { Name: `${prefix}-default-no-rules` } },
            parent,
        );

        const allow = (ruleName: string, from: aws.ec2.SecurityGroup, to: aws.ec2.SecurityGroup, port: number, what: string) => {
            new aws.vpc.SecurityGroupEgressRule(
                `${ruleName}-out`,
                { securityGroupId: from.id, referencedSecurityGroupId: to.id, ipProtocol: "tcp", fromPort: port, toPort: port, description: what },
                parent,
            );
            new aws.vpc.SecurityGroupIngressRule(
                `${ruleName}-in`,
                { securityGroupId: to.id, referencedSecurityGroupId: from.id, ipProtocol: "tcp", fromPort: port, toPort: port, description: what },
                parent,
            );
        };
        allow("api-to-proxy", apiFn, proxy, MYSQL_PORT, "API Lambda to RDS Proxy");
        allow("proxy-to-db", proxy, db, MYSQL_PORT, "RDS Proxy to database");
        allow("migrate-to-db", migrateFn, db, MYSQL_PORT, "Migration Lambda to database");
        if (args.apiReadsSecrets) {
            allow("api-to-endpoint", apiFn, endpoint, HTTPS_PORT, "API Lambda to Secrets Manager endpoint");
        }
        allow("migrate-to-endpoint", migrateFn, endpoint, HTTPS_PORT, "Migration Lambda to Secrets Manager endpoint");

        if (args.events) {
            // Same shape as the API's: each function reaches the proxy, and the relay alone the EventBridge endpoint.
            const relayFn = group("relay-fn", "Relay Lambda: may reach the proxy and the EventBridge endpoint, and the Secrets Manager endpoint in secret mode");
            const projectorFn = group("projector-fn", "Projector Lambda: may reach the proxy, and the Secrets Manager endpoint in secret mode");
            const eventsEndpoint = group("events-endpoint", "EventBridge interface endpoint: HTTPS from the relay Lambda");
            allow("relay-to-proxy", relayFn, proxy, MYSQL_PORT, "Relay Lambda to RDS Proxy");
            allow("projector-to-proxy", projectorFn, proxy, MYSQL_PORT, "Projector Lambda to RDS Proxy");
            allow("relay-to-events-endpoint", relayFn, eventsEndpoint, HTTPS_PORT, "Relay Lambda to EventBridge endpoint");
            if (args.apiReadsSecrets) {
                allow("relay-to-endpoint", relayFn, endpoint, HTTPS_PORT, "Relay Lambda to Secrets Manager endpoint");
                allow("projector-to-endpoint", projectorFn, endpoint, HTTPS_PORT, "Projector Lambda to Secrets Manager endpoint");
            }
            this.events = {
                relayFunctionSecurityGroupId: relayFn.id,
                projectorFunctionSecurityGroupId: projectorFn.id,
                eventsEndpointSecurityGroupId: eventsEndpoint.id,
            };
        }

        this.apiFunctionSecurityGroupId = apiFn.id;
        this.migrateFunctionSecurityGroupId = migrateFn.id;
        this.proxySecurityGroupId = proxy.id;
        this.databaseSecurityGroupId = db.id;
        this.endpointSecurityGroupId = endpoint.id;
        this.detachedSecurityGroupId = defaultGroup.id;

        if (args.flowLogs) {
            const logGroup = new aws.cloudwatch.LogGroup("flow-logs", { retentionInDays: args.logRetentionDays }, parent);
            const role = new aws.iam.Role(
                "flow-logs-role",
                {
                    // AWS's flow-logs guide recommends both keys against the confused deputy.
                    assumeRolePolicy: pulumi
                        .all([partitionOf(this), regionOf(this), accountIdOf(this)])
                        .apply(([partition, region, account]) =>
                            JSON.stringify(serviceTrustPolicy("vpc-flow-logs.amazonaws.com", account, flowLogsSourceArn(partition, region, account))),
                        ),
                },
                parent,
            );
            const delivery = new aws.iam.RolePolicy(
                "flow-logs-delivery",
                { role: role.id, policy: logGroup.arn.apply((arn) => JSON.stringify(policyDocument(flowLogsDeliveryStatement(arn)))) },
                parent,
            );
            new aws.ec2.FlowLog(
                "flow-log",
                { vpcId: vpc.vpcId, trafficType: "ALL", logDestinationType: "cloud-watch-logs", logDestination: logGroup.arn, iamRoleArn: role.arn },
                // The role ARN alone lets the flow log start delivering before the role may write.
                { ...parent, dependsOn: [delivery] },
            );
        }

        this.registerOutputs({
            vpcId: this.vpcId,
            subnetIds: this.subnetIds,
            apiFunctionSecurityGroupId: this.apiFunctionSecurityGroupId,
            migrateFunctionSecurityGroupId: this.migrateFunctionSecurityGroupId,
            proxySecurityGroupId: this.proxySecurityGroupId,
            databaseSecurityGroupId: this.databaseSecurityGroupId,
            endpointSecurityGroupId: this.endpointSecurityGroupId,
            detachedSecurityGroupId: this.detachedSecurityGroupId,
        });
    }
}
