import { PlanOptions, StackPlan, planStack } from "../../infra/plan/run";
import type { PlannedResource } from "../../infra/plan/mocks";
import type { PolicyDocument, PolicyStatement } from "../../infra/lib/iam";

const cache = new Map<string, Promise<StackPlan>>();

/** The plan of a stack as committed; computed once per test run (bundling the app takes a moment). */
export function committedPlan(stack: string): Promise<StackPlan> {
    let plan = cache.get(stack);
    if (!plan) {
        plan = planStack(stack);
        cache.set(stack, plan);
    }
    return plan;
}

/** A fresh plan of a stack with some config values changed. */
export function planWith(stack: string, overrides: PlanOptions["overrides"], as?: PlanOptions["as"]): Promise<StackPlan> {
    return planStack(stack, { overrides, as });
}

/** URNs of a planned resource look like `urn:pulumi:<stack>::<project>::<type chain>::<name>`. */
export function urnName(urn: string): string {
    return urn.split("::").pop() ?? "";
}

/** The names of the resources `resource` lists as its own dependencies. */
export function dependencyNames(resource: PlannedResource): string[] {
    return resource.options.dependsOn.map(urnName);
}

/**
 * The names of everything `resource` waits for before it is created or updated: its own dependencies
 * and those of every component above it (the SDK registers a child only after its parent, and a
 * component only after its `dependsOn`).
 */
export function waitsFor(plan: StackPlan, resource: PlannedResource): string[] {
    const byUrnName = new Map(plan.resources.map((r) => [r.name + "::" + r.type, r]));
    const names = new Set<string>();
    let current: PlannedResource | undefined = resource;
    while (current) {
        dependencyNames(current).forEach((n) => names.add(n));
        const parent = current.options.parent;
        const parentType = parent.split("::")[2]?.split("$").pop() ?? "";
        current = byUrnName.get(`${urnName(parent)}::${parentType}`);
    }
    return [...names];
}

export function ofType(plan: StackPlan, type: string): PlannedResource[] {
    return plan.resources.filter((r) => r.type === type);
}

/** The one resource of a type whose name ends with `suffix`; fails loudly if there is not exactly one. */
export function single(plan: StackPlan, type: string, suffix = ""): PlannedResource {
    const found = ofType(plan, type).filter((r) => r.name.endsWith(suffix));
    if (found.length !== 1) {
        throw new Error(`expected one ${type} named *${suffix}, found ${found.map((r) => r.name).join(", ") || "none"}`);
    }
    return found[0]!;
}

/** The id the mocks gave a resource. */
export function idOf(resource: PlannedResource): string {
    return `${resource.name}-id`;
}

export { isSecretValue } from "../../infra/plan/format";
export { normalizeProps as revealSecrets } from "../../policy/lib/args";

export function parseDocument(value: unknown): PolicyDocument {
    return (typeof value === "string" ? JSON.parse(value) : value) as PolicyDocument;
}

export function asList<T>(value: T | readonly T[] | undefined): T[] {
    return value === undefined ? [] : Array.isArray(value) ? [...(value as T[])] : [value as T];
}

/** Every permission statement the plan grants: inline role policies, standalone policies and role policies. */
export function grantedStatements(plan: StackPlan): { resource: string; statement: PolicyStatement }[] {
    const documents: { resource: string; document: unknown }[] = [
        ...ofType(plan, "aws:iam/rolePolicy:RolePolicy").map((r) => ({ resource: r.name, document: r.inputs.policy })),
        ...ofType(plan, "aws:iam/policy:Policy").map((r) => ({ resource: r.name, document: r.inputs.policy })),
        ...ofType(plan, "aws:iam/role:Role").flatMap((r) =>
            asList(r.inputs.inlinePolicies as { policy: unknown }[] | undefined).map((p) => ({ resource: r.name, document: p.policy })),
        ),
    ];
    return documents.flatMap(({ resource, document }) =>
        asList(parseDocument(document).Statement).map((statement) => ({ resource, statement })),
    );
}
