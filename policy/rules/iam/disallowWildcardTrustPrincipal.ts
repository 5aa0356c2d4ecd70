import { statementRule } from "../../lib/iamRule";

export const disallowWildcardTrustPrincipal = statementRule({
    name: "disallow-wildcard-trust-principal",
    description: "Role trust policies must not let any principal (Principal \"*\", {\"AWS\": \"*\"} or Allow with NotPrincipal) assume the role.",
    enforcementLevel: "mandatory",
    severity: "critical",
    topics: ["iam", "trust"],
    anchors: ["Checkov CKV_AWS_60"],
    rationale: "A \"*\" trust lets any AWS account assume the role.",
    remediationSteps: "Trust the service (\"lambda.amazonaws.com\") or the account/role ARN that needs the role.",
    kinds: ["trust"],
    // Conditions do not make "*" acceptable here: one mistyped condition key opens the role to
    // every AWS account, and a specific principal costs nothing.
    checkStatement: (statement) => {
        if (statement.effect !== "Allow") {
            return undefined;
        }
        // Allow + NotPrincipal trusts every principal but the listed ones: "*" spelled differently.
        if (statement.notPrincipals.length > 0) {
            return "trusts every principal but the NotPrincipal ones (Allow with NotPrincipal)";
        }
        const wildcard = statement.principals.find((p) => p.value.trim() === "*");
        if (!wildcard) {
            return undefined;
        }
        return wildcard.type === "*" ? 'trusts Principal "*"' : `trusts {"${wildcard.type}": "*"}`;
    },
});
