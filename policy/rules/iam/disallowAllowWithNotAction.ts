import { statementRule } from "../../lib/iamRule";

export const disallowAllowWithNotAction = statementRule({
    name: "disallow-allow-with-not-action",
    description: "IAM policy statements must not combine Allow with NotAction, which grants every action but the listed ones.",
    enforcementLevel: "mandatory",
    severity: "high",
    topics: ["iam", "least-privilege"],
    rationale: "Allow + NotAction grants every current and future action except the listed ones.",
    remediationSteps: "Use Action with the actions to allow; keep NotAction for Deny statements.",
    kinds: ["identity", "trust", "endpoint", "key", "resource"],
    checkStatement: (statement) =>
        statement.effect === "Allow" && (statement.notActions.length > 0 || statement.unknownFields.includes("NotAction"))
            ? "uses NotAction with Allow"
            : undefined,
});
