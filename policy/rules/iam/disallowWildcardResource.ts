import { statementRule } from "../../lib/iamRule";
import { isWildcardResource } from "../../lib/iamDocument";
import { isWildcardOnlyAction } from "../../lib/wildcardOnlyActions";

interface Config {
    allowedWildcardActions: string[];
}

export const disallowWildcardResource = statementRule<Config>({
    name: "disallow-wildcard-resource",
    description:
        "IAM policy statements must not Allow actions on every resource (\"*\", \"arn:aws:logs:*:*:*\"), except the short list of actions that AWS only authorizes on \"*\".",
    enforcementLevel: "mandatory",
    severity: "high",
    topics: ["iam", "least-privilege"],
    anchors: ["Checkov CKV_AWS_355", "Checkov CKV_AWS_111"],
    rationale: "A stolen function role with \"*\" reaches every bucket, secret or log group in the account.",
    remediationSteps: "Scope Resource to the ARNs the principal needs (a secret, a log group, a key).",
    configSchema: {
        properties: {
            allowedWildcardActions: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "Extra exact action names (e.g. \"ecr:GetAuthorizationToken\") that may use Resource \"*\".",
            },
        },
    },
    // Identity and VPC endpoint policies only: in key and resource policies "*" means "this key" /
    // "this secret", and trust policies have no Resource.
    kinds: ["identity", "endpoint"],
    checkStatement: (statement, _source, config) => {
        const wildcards = statement.resources.filter(isWildcardResource);
        if (statement.effect !== "Allow" || wildcards.length === 0) {
            return undefined;
        }
        const offending = statement.actions.filter((a) => !isWildcardOnlyAction(a, config.allowedWildcardActions));
        return offending.length > 0
            ? `allows ${offending.map((a) => `"${a}"`).join(", ")} on Resource ${wildcards.map((r) => `"${r}"`).join(", ")}`
            : undefined;
    },
});
