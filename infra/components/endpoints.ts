import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { secretsEndpointPolicy } from "../lib/iam";

export interface EndpointsArgs {
    readonly vpcId: pulumi.Input<string>;
    readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    readonly securityGroupId: pulumi.Input<string>;
    readonly region: string;
    readonly accountId: pulumi.Input<string>;
    /** The only secrets the endpoint lets callers read. */
    readonly secretArns: pulumi.Input<string>[];
}

/**
 * The Secrets Manager interface endpoint: how functions in subnets without any route to the
 * internet reach Secrets Manager. Private DNS makes the SDK's default endpoint resolve to it,
 * so the app needs no endpoint override.
 */
export class Endpoints extends pulumi.ComponentResource {
    readonly secretsManagerEndpointId: pulumi.Output<string>;

    constructor(name: string, args: EndpointsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("blueprint:endpoints:Endpoints", name, {}, opts);

        const endpoint = new aws.ec2.VpcEndpoint(
            `${name}-secretsmanager`,
            {
                vpcId: args.vpcId,
                serviceName: `com.amazonaws.${args.region}.secretsmanager`,
                vpcEndpointType: "Interface",
                privateDnsEnabled: true,
                subnetIds: args.subnetIds,
                securityGroupIds: [args.securityGroupId],
                policy: pulumi
                    .all([pulumi.all(args.secretArns), args.accountId])
                    .apply(([arns, account]) => JSON.stringify(secretsEndpointPolicy(arns, account))),
                tags: { Name: `${name}-secretsmanager` },
            },
            { parent: this },
        );

        this.secretsManagerEndpointId = endpoint.id;
        this.registerOutputs({ secretsManagerEndpointId: this.secretsManagerEndpointId });
    }
}
