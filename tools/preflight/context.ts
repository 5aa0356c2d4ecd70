/**
 * Links between planned resources. A resource's dependency URNs include every resource whose output
 * it takes as an input, so "the function this integration invokes" or "the instance behind this
 * proxy target" can be found without reading ARNs or ids, which are unknown during a real preview.
 */
import type { StackNames } from "../../infra/lib/physicalNames";
import type { PreflightContext, PreflightResource } from "./types";

/**
 * `type::name` of a URN, `urn:pulumi:<stack>::<project>::<parent types$type>::<name>`: a component
 * in the chain of parent types does not change which resource it is.
 */
export function urnKey(urn: string): string {
    const parts = urn.split("::");
    const name = parts[parts.length - 1] ?? "";
    const typeChain = parts[parts.length - 2] ?? "";
    const type = typeChain.split("$").pop() ?? "";
    return `${type}::${name}`;
}

function keyOf(resource: PreflightResource): string {
    return `${resource.type}::${resource.name}`;
}

/** The URN part of a provider reference (`urn::id`). */
function providerUrn(reference: string): string {
    return reference.slice(0, reference.lastIndexOf("::"));
}

export function createContext(resources: readonly PreflightResource[], names?: StackNames): PreflightContext {
    const byKey = new Map(resources.map((r) => [keyOf(r), r]));
    const dependencies = new Map<PreflightResource, PreflightResource[]>();
    const dependents = new Map<PreflightResource, PreflightResource[]>(resources.map((r) => [r, []]));
    for (const resource of resources) {
        const found = (resource.options?.dependsOn ?? [])
            .map((urn) => byKey.get(urnKey(urn)))
            .filter((r): r is PreflightResource => r !== undefined && r !== resource);
        const unique = [...new Set(found)];
        dependencies.set(resource, unique);
        for (const dependency of unique) {
            dependents.get(dependency)?.push(resource);
        }
    }
    return {
        resources,
        ...(names ? { names, namePrefix: `${names.project}-${names.stack}` } : {}),
        dependencies: (resource) => dependencies.get(resource) ?? [],
        dependents: (resource) => dependents.get(resource) ?? [],
        provider: (resource) => (resource.provider ? byKey.get(urnKey(providerUrn(resource.provider))) : undefined),
    };
}
