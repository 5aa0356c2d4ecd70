import { RESOURCE_POLICY_TYPES } from "../../lib/iamSources";
import { exposureRule } from "../../lib/resourcePolicy";

export const disallowPublicSecretPolicy = exposureRule({
    name: "disallow-public-secret-policy",
    subject: "Secrets Manager resource policies",
    narrowTo: "an account, organization or VPC endpoint",
    topics: ["secretsmanager", "iam", "exposure"],
    rationale: "A secret's resource policy open to \"*\" lets any AWS account read the secret, whatever the identity policies say.",
    anchors: ["Prowler secretsmanager_not_publicly_accessible", "IAM Access Analyzer: public access findings"],
    remediationSteps:
        "Name the account root or role ARNs in Principal, or keep \"*\" only with a condition such as aws:PrincipalAccount, aws:PrincipalOrgID or aws:SourceVpce.",
    types: RESOURCE_POLICY_TYPES.secretsmanager,
});
