import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { LogLevel } from "../config";
import { PolicyStatement, lambdaVpcAccessStatement, policyDocument, serviceTrustPolicy, writeLogsStatement } from "../lib/iam";
import { LAMBDA_LOG_FORMAT } from "../lib/logLevels";
import { physicalPrefix } from "../lib/naming";

export interface VpcFunctionArgs {
    readonly description: string;
    /** Files of the deployment package; `index.js` must export `handler`. */
    readonly files: Record<string, pulumi.asset.Asset | pulumi.asset.Archive>;
    readonly environment: Readonly<Record<string, pulumi.Input<string>>>;
    readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    readonly securityGroupId: pulumi.Input<string>;
    /** Takes over the function's network interfaces on destroy so its own group can go at once. */
    readonly detachedSecurityGroupId: pulumi.Input<string>;
    readonly memoryMb: number;
    readonly timeoutSeconds: number;
    readonly logRetentionDays: number;
    readonly logLevel: LogLevel;
    /** Statements beyond VPC access and the function's own log group, given the resolved ARNs. */
    readonly statements: pulumi.Input<PolicyStatement[]>;
}

/**
 * A Node.js 22 Lambda function in the isolated subnets, with its own log group (retention set,
 * JSON logs) and its own role holding exactly the statements it is given. No managed policy.
 */
export class VpcFunction extends pulumi.ComponentResource {
    readonly functionName: pulumi.Output<string>;
    readonly functionArn: pulumi.Output<string>;
    readonly invokeArn: pulumi.Output<string>;
    readonly roleArn: pulumi.Output<string>;

    constructor(name: string, args: VpcFunctionArgs, opts?: pulumi.ComponentResourceOptions) {
        super("blueprint:lambda:VpcFunction", name, {}, opts);
        const parent = { parent: this };

        // Named by Lambda's convention, `/aws/lambda/<project>-<stack>-<name>`, which the autonaming pattern cannot
        // make; the function writes to it by `loggingConfig`. The name is set when the group is created and then
        // kept (ignoreChanges): a log group's name cannot change in place, and a renamed stack keeps its groups,
        // their logs and the functions' pointers to them (docs/naming.md).
        const logGroup = new aws.cloudwatch.LogGroup(
            `${name}-logs`,
            { name: `/aws/lambda/${physicalPrefix()}-${name}`, retentionInDays: args.logRetentionDays },
            { ...parent, ignoreChanges: ["name"] },
        );
        const role = new aws.iam.Role(
            `${name}-role`,
            { description: args.description, assumeRolePolicy: JSON.stringify(serviceTrustPolicy("lambda.amazonaws.com")) },
            parent,
        );
        const permissions = new aws.iam.RolePolicy(
            `${name}-permissions`,
            {
                role: role.id,
                policy: pulumi
                    .all([logGroup.arn, args.statements])
                    .apply(([logGroupArn, statements]) =>
                        JSON.stringify(policyDocument(lambdaVpcAccessStatement(), writeLogsStatement(logGroupArn), ...statements)),
                    ),
            },
            parent,
        );

        const fn = new aws.lambda.Function(
            `${name}-fn`,
            {
                description: args.description,
                runtime: aws.lambda.Runtime.NodeJS22dX,
                architectures: ["arm64"],
                handler: "index.handler",
                code: new pulumi.asset.AssetArchive(args.files),
                role: role.arn,
                memorySize: args.memoryMb,
                timeout: args.timeoutSeconds,
                environment: { variables: { ...args.environment, POWERTOOLS_LOG_LEVEL: args.logLevel } },
                vpcConfig: { subnetIds: args.subnetIds, securityGroupIds: [args.securityGroupId] },
                replaceSecurityGroupsOnDestroy: true,
                replacementSecurityGroupIds: [args.detachedSecurityGroupId],
                // Powertools filters at the stack's level; Lambda's own filter stays off, or it would drop the EMF
                // metric lines or override Powertools' level (lib/logLevels.ts).
                loggingConfig: { logFormat: LAMBDA_LOG_FORMAT, logGroup: logGroup.name },
            },
            // Lambda checks the ENI permissions when the function is created, so the role's
            // policy has to be in place first, and the log group before the first invocation.
            { ...parent, dependsOn: [permissions, logGroup] },
        );

        this.functionName = fn.name;
        this.functionArn = fn.arn;
        this.invokeArn = fn.invokeArn;
        this.roleArn = role.arn;
        this.registerOutputs({ functionName: this.functionName, functionArn: this.functionArn, roleArn: this.roleArn });
    }
}
