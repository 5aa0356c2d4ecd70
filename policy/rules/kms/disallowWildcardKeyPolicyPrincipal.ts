import { statementRule } from "../../lib/iamRule";

export const disallowWildcardKeyPolicyPrincipal = statementRule({
    name: "disallow-wildcard-kms-key-policy-principal",
    description: "KMS key policies must not Allow Principal \"*\" (or {\"AWS\": \"*\"}) without a condition that narrows it.",
    enforcementLevel: "mandatory",
    severity: "critical",
    topics: ["kms", "iam", "encryption"],
    rationale: "A key policy is the key's only gate: \"*\" with no condition lets every AWS account use or manage the key.",
    anchors: ["Checkov CKV_AWS_33"],
    remediationSteps:
        "Name the account root or role ARNs, or keep \"*\" only with a condition such as kms:CallerAccount, kms:ViaService or aws:PrincipalOrgID.",
    kinds: ["key"],
    // With a condition, "*" is the documented way to grant "any principal of this account via
    // this service" (kms:ViaService + kms:CallerAccount), which AWS's own default policies use.
    checkStatement: (statement) => {
        if (statement.effect !== "Allow" || statement.conditions.length > 0 || statement.unknownFields.includes("Condition")) {
            return undefined;
        }
        const wildcard = statement.principals.find((p) => p.value.trim() === "*" && (p.type === "*" || p.type === "AWS"));
        if (!wildcard) {
            return undefined;
        }
        return `allows ${wildcard.type === "*" ? 'Principal "*"' : '{"AWS": "*"}'} with no condition`;
    },
});
