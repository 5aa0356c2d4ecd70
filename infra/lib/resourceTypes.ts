/**
 * Pulumi type tokens of the resources this program creates, as the engine, the plan and the
 * preflight see them. Data only: the name rules (./nameRules.ts) and the tools (tools/preflight)
 * refer to types through these constants, so a type token is spelled once.
 */
export const T = {
    provider: "pulumi:providers:aws",
    awsAny: "aws:*",
    iamRole: "aws:iam/role:Role",
    iamRolePolicy: "aws:iam/rolePolicy:RolePolicy",
    lambdaFunction: "aws:lambda/function:Function",
    lambdaPermission: "aws:lambda/permission:Permission",
    rdsInstance: "aws:rds/instance:Instance",
    rdsProxy: "aws:rds/proxy:Proxy",
    rdsProxyTargetGroup: "aws:rds/proxyDefaultTargetGroup:ProxyDefaultTargetGroup",
    rdsProxyTarget: "aws:rds/proxyTarget:ProxyTarget",
    rdsParameterGroup: "aws:rds/parameterGroup:ParameterGroup",
    rdsSubnetGroup: "aws:rds/subnetGroup:SubnetGroup",
    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
    ingressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    egressRule: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    subnet: "aws:ec2/subnet:Subnet",
    awsxVpc: "awsx:ec2:Vpc",
    kmsKey: "aws:kms/key:Key",
    kmsAlias: "aws:kms/alias:Alias",
    secret: "aws:secretsmanager/secret:Secret",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    dashboard: "aws:cloudwatch/dashboard:Dashboard",
    httpApi: "aws:apigatewayv2/api:Api",
    stage: "aws:apigatewayv2/stage:Stage",
    integration: "aws:apigatewayv2/integration:Integration",
    eventBus: "aws:cloudwatch/eventBus:EventBus",
    eventRule: "aws:cloudwatch/eventRule:EventRule",
    schedule: "aws:scheduler/schedule:Schedule",
    sqsQueue: "aws:sqs/queue:Queue",
    eventTarget: "aws:cloudwatch/eventTarget:EventTarget",
    lambdaEventInvokeConfig: "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig",
} as const;
