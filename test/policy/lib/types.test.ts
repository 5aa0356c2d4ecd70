import { strict as assert } from "node:assert";
import { T } from "../../../policy/lib/types";

/** Where each token's resource class lives in @pulumi/aws. */
const MODULES: Record<keyof typeof T, [string, string]> = {
    apiRoute: ["apigatewayv2/route", "Route"],
    apiStage: ["apigatewayv2/stage", "Stage"],
    restApiStage: ["apigateway/stage", "Stage"],
    ec2Instance: ["ec2/instance", "Instance"],
    eventBusPolicy: ["cloudwatch/eventBusPolicy", "EventBusPolicy"],
    ecsTaskDefinition: ["ecs/taskDefinition", "TaskDefinition"],
    launchTemplate: ["ec2/launchTemplate", "LaunchTemplate"],
    securityGroup: ["ec2/securityGroup", "SecurityGroup"],
    securityGroupRule: ["ec2/securityGroupRule", "SecurityGroupRule"],
    securityGroupIngressRule: ["vpc/securityGroupIngressRule", "SecurityGroupIngressRule"],
    vpcEndpoint: ["ec2/vpcEndpoint", "VpcEndpoint"],
    vpcEndpointPolicy: ["ec2/vpcEndpointPolicy", "VpcEndpointPolicy"],
    iamRole: ["iam/role", "Role"],
    iamPolicy: ["iam/policy", "Policy"],
    iamRolePolicy: ["iam/rolePolicy", "RolePolicy"],
    iamUserPolicy: ["iam/userPolicy", "UserPolicy"],
    iamGroupPolicy: ["iam/groupPolicy", "GroupPolicy"],
    iamRolePolicyAttachment: ["iam/rolePolicyAttachment", "RolePolicyAttachment"],
    iamUserPolicyAttachment: ["iam/userPolicyAttachment", "UserPolicyAttachment"],
    iamGroupPolicyAttachment: ["iam/groupPolicyAttachment", "GroupPolicyAttachment"],
    iamPolicyAttachment: ["iam/policyAttachment", "PolicyAttachment"],
    iamRolePolicyAttachmentsExclusive: ["iam/rolePolicyAttachmentsExclusive", "RolePolicyAttachmentsExclusive"],
    iamUserPolicyAttachmentsExclusive: ["iam/userPolicyAttachmentsExclusive", "UserPolicyAttachmentsExclusive"],
    iamGroupPolicyAttachmentsExclusive: ["iam/groupPolicyAttachmentsExclusive", "GroupPolicyAttachmentsExclusive"],
    kmsKey: ["kms/key", "Key"],
    kmsKeyPolicy: ["kms/keyPolicy", "KeyPolicy"],
    lambdaFunction: ["lambda/function", "Function"],
    lambdaFunctionUrl: ["lambda/functionUrl", "FunctionUrl"],
    lambdaPermission: ["lambda/permission", "Permission"],
    rdsInstance: ["rds/instance", "Instance"],
    rdsCluster: ["rds/cluster", "Cluster"],
    rdsClusterInstance: ["rds/clusterInstance", "ClusterInstance"],
    rdsProxy: ["rds/proxy", "Proxy"],
    s3Bucket: ["s3/bucket", "Bucket"],
    s3BucketV2: ["s3/bucketV2", "BucketV2"],
    s3BucketPolicy: ["s3/bucketPolicy", "BucketPolicy"],
    secret: ["secretsmanager/secret", "Secret"],
    secretPolicy: ["secretsmanager/secretPolicy", "SecretPolicy"],
    secretRotation: ["secretsmanager/secretRotation", "SecretRotation"],
    snsTopic: ["sns/topic", "Topic"],
    snsTopicPolicy: ["sns/topicPolicy", "TopicPolicy"],
    sqsQueue: ["sqs/queue", "Queue"],
    sqsQueuePolicy: ["sqs/queuePolicy", "QueuePolicy"],
    ssmParameter: ["ssm/parameter", "Parameter"],
};

describe("lib: types", () => {
    for (const [key, token] of Object.entries(T) as [keyof typeof T, string][]) {
        it(`uses @pulumi/aws's type token for ${key} (${token})`, () => {
            const [modulePath, className] = MODULES[key];
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const mod = require(`@pulumi/aws/${modulePath}`) as Record<string, { __pulumiType?: string }>;
            assert.equal(mod[className]?.__pulumiType, token);
        });
    }
});
