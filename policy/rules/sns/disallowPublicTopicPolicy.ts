import { statementRule } from "../../lib/iamRule";
import { RESOURCE_POLICY_TYPES } from "../../lib/iamSources";
import { publicAccess } from "../../lib/resourcePolicy";

export const disallowPublicTopicPolicy = statementRule({
    name: "disallow-public-topic-policy",
    description:
        "SNS topic policies must not Allow Principal \"*\" (or {\"AWS\": \"*\"}, or Allow with NotPrincipal) without a condition that narrows the caller to a source ARN, account, organization or VPC endpoint.",
    enforcementLevel: "mandatory",
    severity: "critical",
    topics: ["sns", "iam", "exposure"],
    rationale: "A topic open to \"*\" lets any AWS account publish to it (false alarms, spam to subscribers) or subscribe to what it carries.",
    anchors: ["Checkov CKV_AWS_169", "Prowler sns_topics_not_publicly_accessible"],
    remediationSteps:
        "Grant the service principal (cloudwatch.amazonaws.com, events.amazonaws.com) with an aws:SourceArn or aws:SourceAccount condition, or name the account or role ARNs.",
    kinds: ["resource"],
    types: RESOURCE_POLICY_TYPES.sns,
    checkStatement: publicAccess,
});
