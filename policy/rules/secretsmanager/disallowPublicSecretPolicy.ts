import { statementRule } from "../../lib/iamRule";
import { RESOURCE_POLICY_TYPES } from "../../lib/iamSources";
import { publicAccess } from "../../lib/resourcePolicy";

export const disallowPublicSecretPolicy = statementRule({
    name: "disallow-public-secret-policy",
    description:
        "Secrets Manager resource policies must not Allow Principal \"*\" (or {\"AWS\": \"*\"}, or Allow with NotPrincipal) without a condition that narrows the caller to an account, organization or VPC endpoint.",
    enforcementLevel: "mandatory",
    severity: "critical",
    topics: ["secretsmanager", "iam", "exposure"],
    rationale: "A secret's resource policy open to \"*\" lets any AWS account read the secret, whatever the identity policies say.",
    anchors: ["Prowler secretsmanager_not_publicly_accessible", "IAM Access Analyzer: public access findings"],
    remediationSteps:
        "Name the account root or role ARNs in Principal, or keep \"*\" only with a condition such as aws:PrincipalAccount, aws:PrincipalOrgID or aws:SourceVpce.",
    kinds: ["resource"],
    types: RESOURCE_POLICY_TYPES.secretsmanager,
    checkStatement: publicAccess,
});
