import { statementRule } from "../../lib/iamRule";
import { RESOURCE_POLICY_TYPES } from "../../lib/iamSources";
import { publicAccess } from "../../lib/resourcePolicy";

export const disallowPublicQueuePolicy = statementRule({
    name: "disallow-public-queue-policy",
    description:
        "SQS queue policies must not Allow Principal \"*\" (or {\"AWS\": \"*\"}, or Allow with NotPrincipal) without a condition that narrows the caller to a source ARN, account, organization or VPC endpoint.",
    enforcementLevel: "mandatory",
    severity: "critical",
    topics: ["sqs", "iam", "exposure"],
    rationale: "A queue open to \"*\" lets any AWS account send to it (poisoning the consumer) or read and delete its messages.",
    anchors: ["Checkov CKV_AWS_168", "Prowler sqs_queues_not_publicly_accessible"],
    remediationSteps:
        "Grant the service principal (events.amazonaws.com, sns.amazonaws.com) with an aws:SourceArn condition, or name the account or role ARNs.",
    kinds: ["resource"],
    types: RESOURCE_POLICY_TYPES.sqs,
    checkStatement: publicAccess,
});
