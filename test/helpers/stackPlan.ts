import * as fs from "node:fs";
import * as path from "node:path";
import { PlanOptions, StackPlan, planStack, projectName, repositoryRoot, stackConfig } from "../../tools/plan/run";
import type { PlannedResource } from "../../tools/plan/mocks";
import type { PolicyDocument, PolicyStatement } from "../../infra/lib/iam";

const cache = new Map<string, Promise<StackPlan>>();

/**
 * The plan of a committed stack as written; computed once per test run. Only for invariants every
 * stack must meet whatever a fork set in it (it plans, passes the preflight, has no mandatory
 * violation), over `committedStacks()`. A test about what a setting does plans the fixture project
 * with the setting made explicit: `fixturePlanWith(stack, { key: value })`.
 */
export function committedPlan(stack: string): Promise<StackPlan> {
    let plan = cache.get(stack);
    if (!plan) {
        plan = planStack(stack);
        cache.set(stack, plan);
    }
    return plan;
}

/** A fresh plan of a committed stack with some config values changed (keys with their namespace); see `committedPlan`. */
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

export { isSecretValue } from "../../tools/plan/format";
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

/** The tests' own project (test/fixtures/project): its name, stacks and regions belong to no fork. */
export const fixtureRoot = path.join(__dirname, "..", "fixtures", "project");

/** The fixture stacks: `small` (a development-like stack) and `hardened` (a production-like one). */
export type FixtureStack = "small" | "hardened";

const fixtureCache = new Map<string, Promise<StackPlan>>();

/** The plan of a fixture stack as written; computed once per test run. */
export function fixturePlan(stack: FixtureStack): Promise<StackPlan> {
    let plan = fixtureCache.get(stack);
    if (!plan) {
        plan = planStack(stack, { root: fixtureRoot });
        fixtureCache.set(stack, plan);
    }
    return plan;
}

/** A fresh plan of a fixture stack with some settings changed: keys without a namespace are the project's. */
export function fixturePlanWith(stack: FixtureStack, overrides: Readonly<Record<string, string | undefined>>, as?: PlanOptions["as"]): Promise<StackPlan> {
    const project = projectName(fixtureRoot);
    const keyed = Object.fromEntries(Object.entries(overrides).map(([k, v]) => [k.includes(":") ? k : `${project}:${k}`, v]));
    return planStack(stack, { root: fixtureRoot, overrides: keyed, as });
}

/** The settings of a fixture stack file, keys without the project's namespace (values as the CLI passes them). */
export function fixtureSettings(stack: FixtureStack): Record<string, string> {
    const project = projectName(fixtureRoot);
    return Object.fromEntries(
        Object.entries(stackConfig(stack, fixtureRoot)).map(([k, v]) => [k.startsWith(`${project}:`) ? k.slice(project.length + 1) : k, v]),
    );
}

/** The stacks committed at the repository's root (Pulumi.<stack>.yaml), whatever a fork named them. */
export function committedStacks(root = repositoryRoot): string[] {
    return fs
        .readdirSync(root)
        .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
        .filter((s): s is string => s !== undefined && !/-live-/.test(s))
        .sort();
}
