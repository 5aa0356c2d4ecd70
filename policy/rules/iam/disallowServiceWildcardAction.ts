import { statementRule } from "../../lib/iamRule";

/** `"s3:*"`: every action of one service. */
export function isServiceWildcardAction(pattern: string): boolean {
    return /^[a-z0-9-]+:\*$/i.test(pattern.trim());
}

export const disallowServiceWildcardAction = statementRule({
    name: "disallow-service-wildcard-action",
    description: "IAM policy statements should not Allow every action of a service (\"svc:*\").",
    enforcementLevel: "advisory",
    severity: "medium",
    topics: ["iam", "least-privilege"],
    rationale: "\"svc:*\" includes destructive and permission-changing actions the code never calls.",
    remediationSteps: "List the service's actions the principal needs instead of \"svc:*\".",
    // Not key policies: the default KMS key policy grants "kms:*" to the account root on purpose,
    // so that IAM policies (checked here) decide who may use the key.
    kinds: ["identity", "endpoint", "resource"],
    checkStatement: (statement) => {
        const wildcards = statement.actions.filter(isServiceWildcardAction);
        return statement.effect === "Allow" && wildcards.length > 0
            ? `allows every action of a service (${wildcards.map((a) => `"${a}"`).join(", ")})`
            : undefined;
    },
});
