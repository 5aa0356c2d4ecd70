import { statementRule } from "../../lib/iamRule";
import { RESOURCE_POLICY_TYPES } from "../../lib/iamSources";
import { publicAccess } from "../../lib/resourcePolicy";

export const disallowPublicBucketPolicy = statementRule({
    name: "disallow-public-bucket-policy",
    description:
        "S3 bucket policies must not Allow Principal \"*\" (or {\"AWS\": \"*\"}, or Allow with NotPrincipal) without a condition that narrows the caller to a source ARN, account, organization or VPC endpoint.",
    enforcementLevel: "mandatory",
    severity: "critical",
    topics: ["s3", "iam", "exposure"],
    rationale: "A bucket policy open to \"*\" publishes the objects (or lets anyone write them) unless Block Public Access happens to be on.",
    anchors: ["Checkov CKV_AWS_70", "Prowler s3_bucket_public_access"],
    remediationSteps:
        "Serve public content through CloudFront with origin access control (Principal cloudfront.amazonaws.com plus aws:SourceArn); otherwise name the account or role ARNs.",
    kinds: ["resource"],
    types: RESOURCE_POLICY_TYPES.s3,
    checkStatement: publicAccess,
});
