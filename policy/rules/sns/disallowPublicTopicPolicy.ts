import { RESOURCE_POLICY_TYPES } from "../../lib/iamSources";
import { exposureRule } from "../../lib/resourcePolicy";

export const disallowPublicTopicPolicy = exposureRule({
    name: "disallow-public-topic-policy",
    subject: "SNS topic policies",
    narrowTo: "a source ARN, account, organization or VPC endpoint",
    topics: ["sns", "iam", "exposure"],
    rationale: "A topic open to \"*\" lets any AWS account publish to it (false alarms, spam to subscribers) or subscribe to what it carries.",
    anchors: ["Checkov CKV_AWS_169", "Prowler sns_topics_not_publicly_accessible"],
    remediationSteps:
        "Grant the service principal (cloudwatch.amazonaws.com, events.amazonaws.com) with an aws:SourceArn or aws:SourceAccount condition, or name the account or role ARNs.",
    types: RESOURCE_POLICY_TYPES.sns,
});
