import type { PlannedResource } from "./mocks";

/** A function the deploy itself runs (`aws.lambda.Invocation`): a failure stops `pulumi up` there. */
export interface DeployCheck {
    /** The invocation's logical name. */
    readonly name: string;
    /** The function it runs, its description and timeout, as planned. */
    readonly functionName: string;
    readonly description: string;
    readonly timeoutSeconds: number | undefined;
    /** The program's top-level components that wait for it: what the deploy holds back until it passes. */
    readonly before: readonly string[];
}

const INVOCATION = "aws:lambda/invocation:Invocation";
const FUNCTION = "aws:lambda/function:Function";

/** `urn:pulumi:<stack>::<project>::<parent types$type>::<name>` → `<type>::<name>`, the key resources are found by. */
function keyOfUrn(urn: string): string {
    const parts = urn.split("::");
    return `${parts[2]?.split("$").pop() ?? ""}::${parts.at(-1) ?? ""}`;
}

const keyOf = (resource: PlannedResource) => `${resource.type}::${resource.name}`;

/**
 * The deploy-time checks of a plan, and for each the components that wait for it. A resource waits for what it and its
 * ancestors list as dependencies (the SDK registers a child only once its parent is registered, and a component only
 * once its own `dependsOn` are done).
 */
export function deployChecks(resources: readonly PlannedResource[]): DeployCheck[] {
    const byKey = new Map(resources.map((r) => [keyOf(r), r]));
    const parentOf = (r: PlannedResource) => (r.options.parent === "" ? undefined : byKey.get(keyOfUrn(r.options.parent)));
    const topLevel = (r: PlannedResource): PlannedResource => {
        let current = r;
        for (let parent = parentOf(current); parent !== undefined && !parent.type.startsWith("pulumi:pulumi:"); parent = parentOf(current)) {
            current = parent;
        }
        return current;
    };
    const waitedFor = (r: PlannedResource): Set<string> => {
        const keys = new Set<string>();
        for (let current: PlannedResource | undefined = r; current !== undefined; current = parentOf(current)) {
            current.options.dependsOn.forEach((urn) => keys.add(keyOfUrn(urn)));
        }
        return keys;
    };
    return resources
        .filter((r) => r.type === INVOCATION)
        .map((invocation) => {
            const fn = resources.find((r) => r.type === FUNCTION && r.name === invocation.inputs.functionName);
            const own = topLevel(invocation).name;
            const before = new Set(
                resources
                    .filter((r) => r !== invocation && waitedFor(r).has(keyOf(invocation)))
                    .map((r) => topLevel(r).name)
                    .filter((name) => name !== own),
            );
            return {
                name: invocation.name,
                functionName: String(invocation.inputs.functionName ?? "?"),
                description: typeof fn?.inputs.description === "string" ? fn.inputs.description : "",
                timeoutSeconds: typeof fn?.inputs.timeout === "number" ? fn.inputs.timeout : undefined,
                before: [...before],
            };
        });
}

/** The checks as lines under the plan's table; empty when the plan has none. */
export function formatDeployChecks(checks: readonly DeployCheck[]): string {
    if (checks.length === 0) {
        return "";
    }
    const width = Math.max(...checks.map((c) => c.name.length));
    const lines = checks.map((c) => {
        const timeout = c.timeoutSeconds === undefined ? "" : `, up to ${c.timeoutSeconds} s`;
        const before = c.before.length === 0 ? "" : `; holds back: ${c.before.join(", ")}`;
        return `  ${c.name.padEnd(width)}  runs ${c.functionName}${timeout}: ${c.description}${before}`;
    });
    return `Deploy-time checks (pulumi up runs each function and stops if it fails):\n${lines.join("\n")}\n`;
}
