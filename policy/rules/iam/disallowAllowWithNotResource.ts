import { statementRule } from "../../lib/iamRule";

export const disallowAllowWithNotResource = statementRule({
    name: "disallow-allow-with-not-resource",
    description: "IAM policy statements must not combine Allow with NotResource, which grants access to every resource but the listed ones.",
    enforcementLevel: "mandatory",
    severity: "high",
    topics: ["iam", "least-privilege"],
    rationale: "Allow + NotResource grants access to every current and future resource except the listed ones.",
    remediationSteps: "Use Resource with the ARNs to allow; keep NotResource for Deny statements.",
    kinds: ["identity", "trust", "endpoint", "key", "resource"],
    checkStatement: (statement) =>
        statement.effect === "Allow" && (statement.notResources.length > 0 || statement.unknownFields.includes("NotResource"))
            ? "uses NotResource with Allow"
            : undefined,
});
