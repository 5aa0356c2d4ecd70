/**
 * Builds the arguments the policy SDK passes to `validateResource` / `validateStack`, outside the
 * Pulumi engine: for ../evaluate and for tests. Props are wrapped in the SDK's own
 * `unknownCheckingProxy`, exactly as during `pulumi preview`.
 */
import {
    PolicyResource,
    PolicyResourceOptions,
    ResourceValidationArgs,
    StackValidationArgs,
    unknownCheckingProxy,
} from "@pulumi/policy";

/** Thrown by `notApplicable()`; the runner treats it as "rule does not apply", as the SDK does. */
export class NotApplicableError extends Error {
    constructor(readonly reason?: string) {
        super(reason ?? "Policy does not apply");
        this.name = "NotApplicableError";
    }
}

function notApplicable(reason?: string): never {
    throw new NotApplicableError(reason);
}

const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/**
 * Unwraps serialized secrets (`{ "4dabf...": "1b47...", value }`) the way the SDK's deserializer
 * does, so a secret output in a plan is checked by its value. Other values are copied as they are.
 */
export function normalizeProps(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(normalizeProps);
    }
    if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
        const record = value as Record<string, unknown>;
        if (record[SIG_KEY] === SECRET_SIG) {
            return normalizeProps(record.value);
        }
        return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined).map(([k, v]) => [k, normalizeProps(v)]));
    }
    return value;
}

export interface ArgsInput {
    type: string;
    name: string;
    props: Record<string, unknown>;
    urn: string;
    config: Record<string, unknown>;
}

const DEFAULT_OPTIONS: PolicyResourceOptions = {
    protect: false,
    ignoreChanges: [],
    aliases: [],
    customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
    additionalSecretOutputs: [],
};

function typeOf(resourceClass: unknown): string | undefined {
    const t = (resourceClass as { __pulumiType?: unknown } | undefined)?.__pulumiType;
    return typeof t === "string" ? t : undefined;
}

/** What resource args and stack resources share: identity, props behind the SDK proxy, type checks. */
function resourceView(input: Omit<ArgsInput, "config">): Omit<PolicyResource, "dependencies" | "propertyDependencies"> {
    const props = unknownCheckingProxy(normalizeProps(input.props) as Record<string, unknown>);
    return {
        type: input.type,
        name: input.name,
        urn: input.urn,
        props,
        opts: DEFAULT_OPTIONS,
        isType: (resourceClass) => typeOf(resourceClass) === input.type,
        asType: ((resourceClass: unknown) => (typeOf(resourceClass) === input.type ? props : undefined)) as PolicyResource["asType"],
    };
}

/** `validateResource` args for one resource. */
export function makeResourceArgs(input: ArgsInput): ResourceValidationArgs {
    const view = resourceView(input);
    return {
        ...view,
        asType: view.asType as unknown as ResourceValidationArgs["asType"],
        stackTags: new Map(),
        getConfig: <T extends object>() => ({ ...input.config }) as T,
        notApplicable,
    };
}

/** `validateStack` args; `dependsOn` lists, per resource, the names or URNs of the resources it depends on. */
export function makeStackArgs(
    resources: ReadonlyArray<Omit<ArgsInput, "config"> & { dependsOn?: readonly string[] }>,
    config: Record<string, unknown>,
): StackValidationArgs {
    const built: PolicyResource[] = resources.map((r) => ({ ...resourceView(r), dependencies: [], propertyDependencies: {} }));
    resources.forEach((r, i) => {
        built[i]!.dependencies = (r.dependsOn ?? [])
            .map((ref) => built.find((b) => b.urn === ref || b.name === ref))
            .filter((b): b is PolicyResource => b !== undefined);
    });
    return {
        resources: built,
        stackTags: new Map(),
        getConfig: <T extends object>() => ({ ...config }) as T,
        notApplicable,
    };
}
