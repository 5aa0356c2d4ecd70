import { isUnscopedResource, PolicyDocument, Statement, wildcardMatch } from "../../lib/iamDocument";
import { actionsNotIn, expandActions } from "../../lib/iamActions";
import { documentRule } from "../../lib/iamRule";
import { CONTAINING_CONDITION_KEYS, ESCALATION_METHODS, ESCALATION_SOURCE, EscalationMethod } from "../../lib/privilegeEscalation";

interface Config {
    allowedMethods: number[];
}

/** How many methods a message details before it lists the rest by number. */
const DETAILED = 3;

/**
 * Broad: every user, role, policy or function of an account (./iamDocument's isUnscopedResource),
 * unless the ARN names the caller itself through a policy variable, as AWS's "manage your own
 * credentials" example does (`arn:aws:iam::*:user/${aws:username}`): a key for yourself is no escalation.
 */
export function isBroadResource(resource: string): boolean {
    return isUnscopedResource(resource) && !/\$\{aws:(?:username|userid)\}/i.test(resource);
}

interface Grant {
    statement: Statement;
    /** True when the statement grants the action (exact name). */
    has: (action: string) => boolean;
}

/**
 * What a statement grants: its patterns expanded by iam-expand (so "iam:Put*" is judged by the
 * actions it reaches), or everything but its NotAction. The patterns are matched as well, for
 * actions the pinned data does not list (codestar:CreateProjectFromTemplate is undocumented).
 */
async function grantOf(statement: Statement): Promise<Grant> {
    const negated = statement.notActions.length > 0;
    const names = negated ? await actionsNotIn(statement.notActions) : await expandActions(statement.actions);
    const expanded = new Set(names.map((a) => a.toLowerCase()));
    const patterns = negated ? statement.notActions : statement.actions;
    const matched = (action: string) => patterns.some((p) => wildcardMatch(p, action));
    return { statement, has: (action) => expanded.has(action.toLowerCase()) || (negated ? !matched(action) : matched(action)) };
}

/** Values of positive `iam:PassedToService` conditions; undefined when there is none. */
function passedToServices(statement: Statement): string[] | undefined {
    const values = statement.conditions
        .filter((c) => c.key.toLowerCase() === "iam:passedtoservice" && /^(?:ForAnyValue:)?String(?:Equals|Like)$/i.test(c.operator))
        .flatMap((c) => c.values);
    return values.length > 0 ? values : undefined;
}

/** True when the statement grants the method's pivot on a broad resource, uncontained. */
function reachesEveryone(grant: Grant, method: EscalationMethod): boolean {
    const { statement } = grant;
    if (!grant.has(method.pivot) || statement.unknownFields.some((f) => f === "Resource" || f === "Condition")) {
        return false;
    }
    const broad = statement.resources.some(isBroadResource) || statement.notResources.length > 0;
    const contained = statement.conditions.some((c) => CONTAINING_CONDITION_KEYS.includes(c.key.toLowerCase()));
    const services = method.passedTo === undefined ? undefined : passedToServices(statement);
    const passesToMethod = services === undefined || services.some((s) => wildcardMatch(s, method.passedTo!));
    return broad && !contained && passesToMethod;
}

/** The methods a document enables: its pivot on a broad resource, the other actions anywhere, none denied outright. */
export async function escalationMethods(document: PolicyDocument, allowed: readonly number[] = []): Promise<{ method: EscalationMethod; pivotOn: string[] }[]> {
    const grants: Grant[] = [];
    const denials: Grant[] = [];
    for (const statement of document.statements) {
        if (statement.unknownFields.some((f) => f === "Action" || f === "NotAction")) {
            continue;
        }
        if (statement.effect === "Allow") {
            grants.push(await grantOf(statement));
        } else if (statement.effect === "Deny" && statement.conditions.length === 0 && statement.resources.includes("*")) {
            // Only an unconditional Deny on "*" surely removes an action; a narrower one is left to review.
            denials.push(await grantOf(statement));
        }
    }
    const allows = (action: string) => !denials.some((d) => d.has(action)) && grants.some((g) => g.has(action));
    return ESCALATION_METHODS.filter((m) => !allowed.includes(m.id) && m.actions.every(allows)).flatMap((method) => {
        const pivots = grants.filter((g) => reachesEveryone(g, method));
        const pivotOn = [...new Set(pivots.flatMap((g) => g.statement.resources.filter(isBroadResource)))];
        return pivots.length > 0 ? [{ method, pivotOn: pivotOn.length > 0 ? pivotOn : ["every resource but the NotResource ones"] }] : [];
    });
}

function describe({ method, pivotOn }: { method: EscalationMethod; pivotOn: string[] }): string {
    const others = method.actions.filter((a) => a !== method.pivot);
    const on = pivotOn.map((r) => (r.startsWith("every") ? r : `"${r}"`)).join(", ");
    return `#${method.id} "${method.title}" (${method.pivot} on ${on}${others.length > 0 ? ` with ${others.join(", ")}` : ""})`;
}

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
    configSchema: {
        properties: {
            allowedMethods: {
                type: "array",
                items: { type: "integer" },
                default: [],
                description: `Numbers of escalation methods (${ESCALATION_SOURCE}) a stack accepts, e.g. [18] for a deploy role that updates function code.`,
            },
        },
    },
    kinds: ["identity"],
    // A role's inline policies all apply to it: PassRole in one and CreateFunction in another is the method.
    together: true,
    checkDocument: async (document, _source, config) => {
        const found = await escalationMethods(document, config.allowedMethods);
        if (found.length === 0) {
            return [];
        }
        const detailed = found.slice(0, DETAILED).map(describe).join(", ");
        const rest = found.slice(DETAILED).map((f) => `#${f.method.id}`);
        return [`allows privilege escalation by Rhino Security Labs' method ${detailed}${rest.length > 0 ? `, and ${rest.join(", ")}` : ""}`];
    },
});
