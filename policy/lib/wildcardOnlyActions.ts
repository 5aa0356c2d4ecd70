/**
 * Actions that AWS only authorizes on `Resource: "*"`: they have no resource type in the Service
 * Authorization Reference, so a `*` resource is as tight as AWS allows. The one deliberate
 * exception is Lambda's ENI actions (Create/Delete/Assign/Unassign): IAM could scope them to
 * network interfaces, but Lambda creates the interfaces itself, the Lambda developer guide warns
 * that a function may lose VPC access unless DeleteNetworkInterface covers every interface id, and
 * AWS's AWSLambdaVPCAccessExecutionRole grants them on `*`. Keep this list short: every
 * entry is an exception to `disallow-wildcard-resource`, and forks extend it through that rule's
 * `allowedWildcardActions` config instead of editing it.
 */
export const WILDCARD_ONLY_ACTIONS: readonly { action: string; why: string }[] = [
    // Lambda VPC access (what AWSLambdaVPCAccessExecutionRole grants): Lambda creates and deletes
    // the function's ENIs itself; their ids are not known in advance and Describe* takes no resource.
    { action: "ec2:CreateNetworkInterface", why: "Lambda VPC access: ENI ids are not known in advance" },
    { action: "ec2:DescribeNetworkInterfaces", why: "Describe actions support only *" },
    { action: "ec2:DeleteNetworkInterface", why: "Lambda VPC access: ENI ids are not known in advance" },
    { action: "ec2:AssignPrivateIpAddresses", why: "Lambda VPC access: ENI ids are not known in advance" },
    { action: "ec2:UnassignPrivateIpAddresses", why: "Lambda VPC access: ENI ids are not known in advance" },
    { action: "ec2:DescribeSubnets", why: "Describe actions support only *" },
    { action: "ec2:DescribeSecurityGroups", why: "Describe actions support only *" },
    { action: "ec2:DescribeVpcs", why: "Describe actions support only *" },
    // Tracing and metrics: no resource types.
    { action: "xray:PutTraceSegments", why: "X-Ray has no resource type for trace puts" },
    { action: "xray:PutTelemetryRecords", why: "X-Ray has no resource type for telemetry puts" },
    { action: "xray:GetSamplingRules", why: "X-Ray sampling reads support only *" },
    { action: "xray:GetSamplingTargets", why: "X-Ray sampling reads support only *" },
    { action: "cloudwatch:PutMetricData", why: "CloudWatch metrics have no resource type (scope with cloudwatch:namespace)" },
    // Secret rotation: the rotation function AWS documents (and configure-secret-rotation asks for)
    // generates the new password with this action, which has no resource type.
    { action: "secretsmanager:GetRandomPassword", why: "generates a random string; no resource type (rotation functions need it)" },
    // Identity: no resource type.
    { action: "sts:GetCallerIdentity", why: "needs no permission and has no resource type" },
];

/** True when `action` (an exact action name, compared case-insensitively) may use `Resource: "*"`. */
export function isWildcardOnlyAction(action: string, extra: readonly string[] = []): boolean {
    const lower = action.toLowerCase();
    return (
        WILDCARD_ONLY_ACTIONS.some((a) => a.action.toLowerCase() === lower) ||
        extra.some((a) => a.toLowerCase() === lower)
    );
}
