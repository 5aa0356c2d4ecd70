import { grantsAction, isUnscopedResource } from "../../lib/iamDocument";
import { statementRule } from "../../lib/iamRule";

interface Config {
    actions: string[];
}

export const disallowWildcardResourceForCredentialActions = statementRule<Config>({
    name: "disallow-wildcard-resource-for-credential-actions",
    description:
        "Actions that read credentials or secret data (secretsmanager:GetSecretValue, ssm:GetParameter*, kms:Decrypt, rds-db:connect) must not be allowed on \"*\" or on an ARN whose wildcard leaves the Region, the account or the whole resource part open.",
    enforcementLevel: "mandatory",
    severity: "critical",
    topics: ["iam", "least-privilege", "secrets"],
    rationale: "These actions hand out credentials; on \"*\" one compromised function reads every secret, parameter and database user.",
    anchors: ["Checkov CKV_AWS_107", "Checkov CKV_AWS_108", "Cloudsplaining CredentialsExposure", "Cloudsplaining DataExfiltration"],
    remediationSteps:
        "Name the one secret, parameter or key ARN (with its Region and account) or arn:aws:rds-db:<region>:<account>:dbuser:<proxy-or-db-id>/<user>.",
    configSchema: {
        properties: {
            actions: {
                type: "array",
                items: { type: "string" },
                // Cloudsplaining's data exfiltration list (secrets, parameters) and credentials exposure, plus
                // kms:Decrypt (reads SecureString parameters and secrets) and rds-db:connect (a database login).
                default: [
                    "secretsmanager:GetSecretValue",
                    "ssm:GetParameter",
                    "ssm:GetParameters",
                    "ssm:GetParametersByPath",
                    "ssm:GetParameterHistory",
                    "kms:Decrypt",
                    "rds-db:connect",
                ],
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
