import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { secretsEndpointPolicy } from "../lib/iam";
import { accountIdOf, regionOf } from "./awsScope";
import { physicalPrefix } from "../lib/naming";

export interface EndpointsArgs {
    readonly vpcId: pulumi.Input<string>;
    readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    readonly securityGroupId: pulumi.Input<string>;
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

        const endpoint = interfaceEndpoint(
            "secretsmanager",
            {
                vpcId: args.vpcId,
                service: "secretsmanager",
                subnetIds: args.subnetIds,
                securityGroupId: args.securityGroupId,
                policy: pulumi
                    .all([pulumi.all(args.secretArns), accountIdOf(this)])
                    .apply(([arns, account]) => JSON.stringify(secretsEndpointPolicy(arns, account))),
            },
            this,
        );

        this.secretsManagerEndpointId = endpoint.id;
        this.registerOutputs({ secretsManagerEndpointId: this.secretsManagerEndpointId });
    }
}

export interface InterfaceEndpointArgs {
    readonly vpcId: pulumi.Input<string>;
    /** The service's short name: com.amazonaws.<region>.<service>, in the region of `parent`'s provider. */
    readonly service: string;
    readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    readonly securityGroupId: pulumi.Input<string>;
    /** The endpoint policy, as JSON: what may pass through it. */
    readonly policy: pulumi.Input<string>;
}

/**
 * An interface endpoint in every isolated subnet with private DNS, so the SDK's default endpoint for the service
 * resolves to it and the app needs no endpoint override. Private DNS only resolves with the VPC's DNS support and
 * hostnames on (network.ts sets both).
 */
export function interfaceEndpoint(name: string, args: InterfaceEndpointArgs, parent: pulumi.Resource): aws.ec2.VpcEndpoint {
    return new aws.ec2.VpcEndpoint(
        name,
        {
            vpcId: args.vpcId,
            serviceName: pulumi.interpolate`com.amazonaws.${regionOf(parent)}.${args.service}`,
            vpcEndpointType: "Interface",
            privateDnsEnabled: true,
            subnetIds: args.subnetIds,
            securityGroupIds: [args.securityGroupId],
            policy: args.policy,
            // The console shows endpoints by their Name tag: the stack's prefix tells stacks apart (tags change in place).
            tags: { Name: `${physicalPrefix()}-${name}` },
        },
        { parent },
    );
}
