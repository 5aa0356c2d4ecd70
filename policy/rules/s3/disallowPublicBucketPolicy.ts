import { RESOURCE_POLICY_TYPES } from "../../lib/iamSources";
import { exposureRule } from "../../lib/resourcePolicy";

export const disallowPublicBucketPolicy = exposureRule({
    name: "disallow-public-bucket-policy",
    subject: "S3 bucket policies",
    narrowTo: "a source ARN, account, organization or VPC endpoint",
    topics: ["s3", "iam", "exposure"],
    rationale: "A bucket policy open to \"*\" publishes the objects (or lets anyone write them) unless Block Public Access happens to be on.",
    anchors: ["Checkov CKV_AWS_70", "Prowler s3_bucket_public_access"],
    remediationSteps:
        "Serve public content through CloudFront with origin access control (Principal cloudfront.amazonaws.com plus aws:SourceArn); otherwise name the account or role ARNs.",
    types: RESOURCE_POLICY_TYPES.s3,
});
