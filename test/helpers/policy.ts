/**
 * Runs one policy rule the way the SDK does (props behind `unknownCheckingProxy`, getConfig with
 * the schema defaults) and returns the violation messages.
 */
import type { BlueprintPolicy } from "../../policy/lib/rule";
import { makeResourceArgs, makeStackArgs } from "../../policy/lib/args";
import { configDefaults } from "../../policy/lib/rule";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const sdkProxy = require("@pulumi/policy/proxy") as Record<string, string>;

/** The SDK's own "unknown during preview" sentinels, to put into props. */
export const UNKNOWN = {
    string: sdkProxy.unknownStringValue!,
    number: sdkProxy.unknownNumberValue!,
    boolean: sdkProxy.unknownBooleanValue!,
    array: sdkProxy.unknownArrayValue!,
    object: sdkProxy.unknownObjectValue!,
    asset: sdkProxy.unknownAssetValue!,
    archive: sdkProxy.unknownArchiveValue!,
};

export interface TestResource {
    type: string;
    props: Record<string, unknown>;
    name?: string;
    dependsOn?: string[];
}

/** Violation messages of `policy.validateResource` for one resource. */
export async function runPolicy(policy: BlueprintPolicy, resource: TestResource, config: Record<string, unknown> = {}): Promise<string[]> {
    if (!("validateResource" in policy) || !policy.validateResource) {
        throw new Error(`${policy.name} is not a resource policy`);
    }
    const name = resource.name ?? "test";
    const args = makeResourceArgs({
        type: resource.type,
        name,
        props: resource.props,
        urn: `urn:pulumi:test::test::${resource.type}::${name}`,
        config: { ...configDefaults(policy.configSchema), ...config },
    });
    const messages: string[] = [];
    const validations = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
    for (const validate of validations) {
        await validate(args, (message: string) => messages.push(message));
    }
    return messages;
}

/** Violations of `policy.validateStack` as `{ message, urn }`. */
export async function runStackPolicy(
    policy: BlueprintPolicy,
    resources: TestResource[],
    config: Record<string, unknown> = {},
): Promise<{ message: string; urn?: string }[]> {
    if (!("validateStack" in policy) || !policy.validateStack) {
        throw new Error(`${policy.name} is not a stack policy`);
    }
    const args = makeStackArgs(
        resources.map((r, i) => {
            const name = r.name ?? `r${i}`;
            return { type: r.type, name, props: r.props, urn: `urn:pulumi:test::test::${r.type}::${name}`, dependsOn: r.dependsOn };
        }),
        { ...configDefaults(policy.configSchema), ...config },
    );
    const out: { message: string; urn?: string }[] = [];
    await policy.validateStack(args, (message: string, urn?: string) => out.push({ message, urn }));
    return out;
}

/** A copy of `resource` with one prop changed (`undefined` removes it). */
export function withProp(resource: TestResource, key: string, value: unknown): TestResource {
    const props = { ...resource.props };
    if (value === undefined) {
        delete props[key];
    } else {
        props[key] = value;
    }
    return { ...resource, props };
}
