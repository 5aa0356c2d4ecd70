import { statementRule } from "../../lib/iamRule";
import { publicAccess } from "../../lib/resourcePolicy";

export const disallowWildcardKeyPolicyPrincipal = statementRule({
    name: "disallow-wildcard-kms-key-policy-principal",
    description:
        "KMS key policies must not Allow Principal \"*\" (or {\"AWS\": \"*\"}, or Allow with NotPrincipal) without a condition that narrows the caller to an account or organization.",
    enforcementLevel: "mandatory",
    severity: "critical",
    topics: ["kms", "iam", "encryption", "exposure"],
    rationale: "A key policy is the key's only gate: \"*\" with no narrowing condition lets every AWS account use or manage the key.",
    anchors: ["Checkov CKV_AWS_33", "Prowler kms_key_not_publicly_accessible"],
    remediationSteps:
        "Name the account root or role ARNs, or keep \"*\" only with a condition such as kms:CallerAccount (with kms:ViaService), aws:PrincipalAccount or aws:PrincipalOrgID.",
    kinds: ["key"],
    // With kms:CallerAccount, "*" is the documented way to grant "any principal of this account via
    // this service", which AWS's own key policies use. A condition that narrows nothing
    // (aws:SecureTransport, kms:ViaService alone) does not make "*" private.
    checkStatement: publicAccess,
});
