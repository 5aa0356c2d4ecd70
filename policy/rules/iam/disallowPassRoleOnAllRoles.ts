import { grantsAction } from "../../lib/iamDocument";
import { statementRule } from "../../lib/iamRule";

/**
 * True for resources that name every role: "*", "arn:aws:iam::*:role/*", "arn:aws:iam::123456789012:role/*",
 * "arn:aws:iam::123456789012:*". A path or name prefix ("role/orders-*", "role/service-role/*") is a choice
 * someone made and is left to review.
 */
export function namesEveryRole(resource: string): boolean {
    const r = resource.trim();
    if (r === "*") {
        return true;
    }
    const parts = r.split(":");
    if (parts[0] !== "arn" || parts.length < 6 || !/^(?:iam|\*)$/.test(parts[2]!)) {
        return false;
    }
    return /^(?:\*|role\/\*|\*\/\*)$/.test(parts.slice(5).join(":"));
}

export const disallowPassRoleOnAllRoles = statementRule({
    name: "disallow-pass-role-on-all-roles",
    description: "IAM policy statements must not Allow iam:PassRole on every role (\"*\", \"arn:aws:iam::<account>:role/*\").",
    enforcementLevel: "mandatory",
    severity: "critical",
    topics: ["iam", "least-privilege", "privilege-escalation"],
    rationale:
        "PassRole on every role lets the principal hand any role, administrators included, to a function or instance it creates: privilege escalation.",
    anchors: ["Checkov CKV_AWS_110", "Cloudsplaining PrivilegeEscalation", "IAM Access Analyzer: pass role with star in resource", "cfn-nag F39"],
    remediationSteps: "Name the role ARNs that may be passed, and add a condition on iam:PassedToService.",
    kinds: ["identity", "endpoint"],
    checkStatement: (statement) => {
        if (statement.effect !== "Allow" || !grantsAction(statement, "iam:PassRole")) {
            return undefined;
        }
        const every = statement.resources.filter(namesEveryRole);
        return every.length > 0 ? `allows iam:PassRole on ${every.map((r) => `"${r}"`).join(", ")} (every role)` : undefined;
    },
});
