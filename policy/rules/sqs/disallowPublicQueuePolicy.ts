import { RESOURCE_POLICY_TYPES } from "../../lib/iamSources";
import { exposureRule } from "../../lib/resourcePolicy";

export const disallowPublicQueuePolicy = exposureRule({
    name: "disallow-public-queue-policy",
    subject: "SQS queue policies",
    narrowTo: "a source ARN, account, organization or VPC endpoint",
    topics: ["sqs", "iam", "exposure"],
    rationale: "A queue open to \"*\" lets any AWS account send to it (poisoning the consumer) or read and delete its messages.",
    anchors: ["Checkov CKV_AWS_168", "Prowler sqs_queues_not_publicly_accessible"],
    remediationSteps:
        "Grant the service principal (events.amazonaws.com, sns.amazonaws.com) with an aws:SourceArn condition, or name the account or role ARNs.",
    types: RESOURCE_POLICY_TYPES.sqs,
});
