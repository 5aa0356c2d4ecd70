import { ALLOWED_METHODS_SCHEMA, describeMethod, escalationMethods } from "../../lib/escalation";
import { documentRule } from "../../lib/iamRule";

interface Config {
    allowedMethods: number[];
}

/** How many methods a message details before it lists the rest by number. */
const DETAILED = 3;

export const disallowPrivilegeEscalation = documentRule<Config>({
    name: "disallow-privilege-escalation",
    description:
        "IAM policies must not grant a known privilege escalation method (Rhino Security Labs' list: policy versions, attaching or putting policies, access keys and login profiles, PassRole with compute creation, updating function code, ...) on every user, role, policy or function.",
    enforcementLevel: "mandatory",
    severity: "critical",
    topics: ["iam", "least-privilege", "privilege-escalation"],
    rationale: "Each method lets the holder grant itself any permission, up to administrator, whatever else its policies leave out.",
    anchors: ["Rhino Security Labs privilege escalation methods 1-28", "Cloudsplaining PrivilegeEscalation", "Checkov CKV_AWS_286"],
    remediationSteps:
        "Name the users, roles, policies or functions the action may touch; for PassRole add an iam:PassedToService condition; for delegated IAM administration require iam:PermissionsBoundary.",
    configSchema: ALLOWED_METHODS_SCHEMA,
    kinds: ["identity"],
    // A role's inline policies all apply to it: PassRole in one and CreateFunction in another is the method.
    together: true,
    checkDocument: async (document, _source, config) => {
        const found = await escalationMethods(document, config.allowedMethods);
        if (found.length === 0) {
            return [];
        }
        const detailed = found.slice(0, DETAILED).map(describeMethod).join(", ");
        const rest = found.slice(DETAILED).map((f) => `#${f.method.id}`);
        return [`allows privilege escalation by Rhino Security Labs' method ${detailed}${rest.length > 0 ? `, and ${rest.join(", ")}` : ""}`];
    },
});
