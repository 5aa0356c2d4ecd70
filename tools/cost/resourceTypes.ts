/**
 * How `npm run cost` treats every resource type the program plans: priced (a fixed monthly floor, a usage
 * price, or both; the rules are in fixed.ts and usage.ts) or free, with the reason. Data, like prices.ts.
 *
 * A planned type that is in neither list is reported as not priced, never counted as $0: adding a resource
 * type to the program means saying here what it costs.
 */

export type Treatment =
    | {
          readonly kind: "priced";
          /** What the monthly floor is, when the resource has one (fixed.ts prices it). */
          readonly fixed?: string;
          /** What is paid per use (usage.ts prices it in the worked example). */
          readonly usage?: string;
      }
    | { readonly kind: "free"; readonly reason: string };

const priced = (fixed: string | undefined, usage: string | undefined): Treatment => ({
    kind: "priced",
    ...(fixed ? { fixed } : {}),
    ...(usage ? { usage } : {}),
});
const free = (reason: string): Treatment => ({ kind: "free", reason });

/** Exact type tokens. A key ending in `*` matches every type that starts with what precedes it. */
export const RESOURCE_TYPES: Readonly<Record<string, Treatment>> = {
    "aws:rds/instance:Instance": priced(
        "instance-hours by class (× 2 Multi-AZ), gp3 storage (× 2 Multi-AZ), the RDS-managed master secret, Performance Insights",
        "log exports ingested into CloudWatch Logs; automated backups beyond the provisioned storage",
    ),
    "aws:rds/proxy:Proxy": priced("vCPUs of the target instance's class (2 at least) × hours", undefined),
    "aws:ec2/vpcEndpoint:VpcEndpoint": priced("interface endpoints: one ENI per subnet (AZ) × hours", "GB processed"),
    "aws:kms/key:Key": priced("one key-month (rotation adds a key-month per rotation, up to two)", "requests: one Decrypt per secret read"),
    "aws:secretsmanager/secret:Secret": priced("one secret-month", "GetSecretValue calls"),
    "aws:cloudwatch/metricAlarm:MetricAlarm": priced("one alarm-month per metric it reads (high-resolution ones cost more)", undefined),
    "aws:cloudwatch/compositeAlarm:CompositeAlarm": priced("one composite alarm-month", undefined),
    "aws:cloudwatch/dashboard:Dashboard": priced("one dashboard-month", undefined),
    "aws:sns/topic:Topic": priced(undefined, "publishes (alarm notifications) and deliveries"),
    "aws:lambda/function:Function": priced(
        "a function a schedule keeps running (the relay, each run polling until the next): Arm GB-seconds all month",
        "requests, Arm GB-seconds and the function's logs",
    ),
    "aws:lambda/invocation:Invocation": priced(undefined, "one run of its function per deploy that changes its input"),
    "aws:apigatewayv2/api:Api": priced(undefined, "HTTP API requests"),
    "aws:apigatewayv2/stage:Stage": priced(undefined, "access logs ingested and stored (the stage itself costs nothing)"),
    "aws:ec2/flowLog:FlowLog": priced(undefined, "flow-log records delivered to CloudWatch Logs (vended logs) and stored"),
    "aws:cloudwatch/eventBus:EventBus": priced(undefined, "custom events published to it (PutEvents)"),
    "aws:scheduler/schedule:Schedule": priced(undefined, "invocations (14 million a month are free)"),
    "aws:sqs/queue:Queue": priced(undefined, "requests (a dead-letter queue is empty unless deliveries fail)"),

    "pulumi:providers:*": free("a provider configures the engine; it creates nothing in AWS"),
    "blueprint:*": free("a component only groups its children, which are priced one by one"),
    "awsx:ec2:Vpc": free("VPCs, subnets, route tables and the internet gateway cost nothing; a NAT gateway would, so a VPC planned with one is reported as not priced"),
    "aws:iam/role:Role": free("IAM has no charge"),
    "aws:iam/rolePolicy:RolePolicy": free("IAM has no charge"),
    "aws:iam/policy:Policy": free("IAM has no charge"),
    "aws:iam/rolePolicyAttachment:RolePolicyAttachment": free("IAM has no charge"),
    "aws:ec2/securityGroup:SecurityGroup": free("security groups have no charge"),
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": free("security groups have no charge"),
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": free("security group rules have no charge"),
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": free("security group rules have no charge"),
    "aws:ec2/subnet:Subnet": free("subnets have no charge"),
    "aws:ec2/routeTable:RouteTable": free("route tables have no charge"),
    "aws:ec2/routeTableAssociation:RouteTableAssociation": free("route tables have no charge"),
    "aws:rds/subnetGroup:SubnetGroup": free("RDS subnet groups have no charge"),
    "aws:rds/parameterGroup:ParameterGroup": free("RDS parameter groups have no charge"),
    "aws:rds/proxyDefaultTargetGroup:ProxyDefaultTargetGroup": free("the proxy is priced on aws:rds/proxy:Proxy"),
    "aws:rds/proxyTarget:ProxyTarget": free("the proxy is priced on aws:rds/proxy:Proxy, by this target's instance class"),
    "aws:kms/alias:Alias": free("aliases have no charge; the key is priced"),
    "aws:secretsmanager/secretVersion:SecretVersion": free("Secrets Manager bills per secret, not per version"),
    "aws:cloudwatch/logGroup:LogGroup": free("a log group costs nothing; what it ingests and stores is priced as usage of the resource that writes to it"),
    "aws:apigatewayv2/route:Route": free("routes have no charge; requests are priced on the API"),
    "aws:apigatewayv2/integration:Integration": free("integrations have no charge; requests are priced on the API and the function"),
    "aws:apigatewayv2/authorizer:Authorizer": free("JWT and IAM authorization add nothing to the HTTP API request price (a Lambda authorizer's function would be priced as a function)"),
    "aws:lambda/permission:Permission": free("resource policies have no charge"),
    "aws:sns/topicSubscription:TopicSubscription": free("subscriptions have no charge; deliveries are priced on the topic"),
    "aws:cloudwatch/eventRule:EventRule": free("rules have no charge; events are priced when published to the bus"),
    "aws:cloudwatch/eventTarget:EventTarget": free("delivering to a Lambda target has no charge beyond the event published"),
    "aws:sqs/queuePolicy:QueuePolicy": free("queue policies have no charge"),
    "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig": free("asynchronous invocation settings have no charge"),
    "aws:lambda/eventSourceMapping:EventSourceMapping": free("an SQS event source has no charge of its own: its SQS requests are priced on the queue, its invocations on the function"),
    "random:*": free("generated locally by the random provider; nothing in AWS"),
};

/** The treatment of a type token, or undefined when the table does not list it. */
export function treatmentOf(type: string): Treatment | undefined {
    const exact = RESOURCE_TYPES[type];
    if (exact) {
        return exact;
    }
    const prefix = Object.keys(RESOURCE_TYPES).find((key) => key.endsWith("*") && type.startsWith(key.slice(0, -1)));
    return prefix ? RESOURCE_TYPES[prefix] : undefined;
}
