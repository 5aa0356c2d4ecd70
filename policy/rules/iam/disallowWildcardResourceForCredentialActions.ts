import { grantsAction } from "../../lib/iamDocument";
import { statementRule } from "../../lib/iamRule";

interface Config {
    actions: string[];
}

/**
 * True for "*" and for ARNs whose resource part is only wildcards ("arn:aws:secretsmanager:*:*:secret:*",
 * "arn:aws:kms:us-east-1:123456789012:key/*"): they name every secret, key or database user.
 */
export function isUnscopedResource(resource: string): boolean {
    const r = resource.trim();
    if (r === "*") {
        return true;
    }
    const parts = r.split(":");
    if (parts[0] !== "arn") {
        return false;
    }
    if (parts.length < 6) {
        return parts[parts.length - 1] === "*";
    }
    const resourcePart = parts.slice(5).join(":");
    return /^(?:[A-Za-z-]+[:/])?\*(?:[:/]\*)*$/.test(resourcePart);
}

export const disallowWildcardResourceForCredentialActions = statementRule<Config>({
    name: "disallow-wildcard-resource-for-credential-actions",
    description:
        "Actions that read credentials (secretsmanager:GetSecretValue, kms:Decrypt, rds-db:connect) must never be allowed on every resource.",
    enforcementLevel: "mandatory",
    severity: "critical",
    topics: ["iam", "least-privilege", "secrets"],
    rationale: "These actions hand out credentials; on \"*\" one compromised function reads every secret and database user.",
    remediationSteps: "Name the one secret ARN, key ARN or arn:aws:rds-db:<region>:<account>:dbuser:<proxy-or-db-id>/<user>.",
    configSchema: {
        properties: {
            actions: {
                type: "array",
                items: { type: "string" },
                default: ["secretsmanager:GetSecretValue", "kms:Decrypt", "rds-db:connect"],
                description: "Exact action names that must be scoped to specific resources.",
            },
        },
    },
    kinds: ["identity", "endpoint"],
    checkStatement: (statement, _source, config) => {
        if (statement.effect !== "Allow") {
            return undefined;
        }
        const unscoped = statement.resources.filter(isUnscopedResource);
        const granted = config.actions.filter((action) => grantsAction(statement, action));
        return unscoped.length > 0 && granted.length > 0
            ? `allows ${granted.join(", ")} on ${unscoped.map((r) => `"${r}"`).join(", ")}`
            : undefined;
    },
});
