/**
 * Which of the escalation methods (./privilegeEscalation) a policy document enables. The rules
 * `disallow-privilege-escalation` (one resource's documents) and
 * `disallow-privilege-escalation-across-policies` (a role's documents spread over resources) share it.
 */
import { isUnscopedResource, PolicyDocument, Statement, wildcardMatch } from "./iamDocument";
import { actionsNotIn, expandActions } from "./iamActions";
import type { PolicyConfigSchema } from "@pulumi/policy";
import { CONTAINING_CONDITION_KEYS, ESCALATION_METHODS, ESCALATION_SOURCE, EscalationMethod } from "./privilegeEscalation";

/** The knob both escalation rules take: the method numbers a stack accepts. */
export const ALLOWED_METHODS_SCHEMA: PolicyConfigSchema = {
    properties: {
        allowedMethods: {
            type: "array",
            items: { type: "integer" },
            default: [],
            description: `Numbers of escalation methods (${ESCALATION_SOURCE}) a stack accepts, e.g. [18] for a deploy role that updates function code.`,
        },
    },
};

export interface FoundMethod {
    method: EscalationMethod;
    /** The broad resources the pivot action is granted on. */
    pivotOn: string[];
}

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
 * What a statement grants: its patterns expanded over the reference's data (so "iam:Put*" is judged by the
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
export async function escalationMethods(document: PolicyDocument, allowed: readonly number[] = []): Promise<FoundMethod[]> {
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

/** "#15 \"Passing a role...\" (iam:PassRole on \"*\" with lambda:CreateFunction, ...)", for messages. */
export function describeMethod({ method, pivotOn }: FoundMethod): string {
    const others = method.actions.filter((a) => a !== method.pivot);
    const on = pivotOn.map((r) => (r.startsWith("every") ? r : `"${r}"`)).join(", ");
    return `#${method.id} "${method.title}" (${method.pivot} on ${on}${others.length > 0 ? ` with ${others.join(", ")}` : ""})`;
}
