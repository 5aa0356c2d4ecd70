import { statementRule } from "../../lib/iamRule";

/** `"*"` or `"*:*"`: every action of every service. */
export function isWildcardAction(pattern: string): boolean {
    return /^[*:]+$/.test(pattern.trim());
}

export const disallowWildcardAction = statementRule({
    name: "disallow-wildcard-action",
    description: "IAM policy statements must not Allow every action (\"*\").",
    enforcementLevel: "mandatory",
    severity: "critical",
    topics: ["iam", "least-privilege"],
    anchors: ["Checkov CKV_AWS_62", "Checkov CKV_AWS_63"],
    rationale: "\"*\" makes the principal an administrator of everything the resource part allows.",
    remediationSteps: "List the actions the principal needs, e.g. \"secretsmanager:GetSecretValue\".",
    kinds: ["identity", "trust", "endpoint", "key", "resource"],
    checkStatement: (statement) => {
        const wildcard = statement.actions.find(isWildcardAction);
        return statement.effect === "Allow" && wildcard !== undefined
            ? `allows every action ("${wildcard}")`
            : undefined;
    },
});
