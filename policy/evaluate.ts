/**
 * Runs the policy pack without the Pulumi CLI: every resource rule's `validateResource` on every
 * resource and every stack rule's `validateStack` over all of them, with SDK-shaped args, the
 * CLI's `--policy-pack-config` format and each rule's configSchema defaults. Used by
 * `npm run policy:check` (tools/policy/check.ts) and by the plan tool (`npm run plan`).
 */
import type { EnforcementLevel, PolicyConfigSchema } from "@pulumi/policy";
import { UnknownValueError } from "@pulumi/policy";
import { z } from "zod";
import { makeResourceArgs, makeStackArgs, NotApplicableError } from "./lib/args";
import { BlueprintPolicy, configDefaults } from "./lib/rule";
import { packName, policies as packPolicies } from "./pack";

export type { EnforcementLevel };

export interface Violation {
    policy: string;
    /** The resource's name (as given to evaluateResources). */
    resource: string;
    message: string;
    enforcementLevel: EnforcementLevel;
}

/**
 * Per-policy config in the Pulumi CLI's `--policy-pack-config` format:
 * `{ "policy-name": "advisory" }` or `{ "policy-name": { "enforcementLevel": "advisory", knob: value } }`;
 * the key "all" sets the level of every policy (specific entries win).
 */
export type PolicyConfig = Record<string, EnforcementLevel | ({ enforcementLevel?: EnforcementLevel } & Record<string, unknown>)>;

export interface EvaluatedResource {
    type: string;
    name: string;
    props: Record<string, unknown>;
    /** Optional: defaults to urn:pulumi:<stack>::<project>::<type>::<name>. */
    urn?: string;
    /** Optional: names or URNs of resources this one depends on (stack rules use them, e.g. rotation -> secret). */
    dependsOn?: readonly string[];
}

export interface EvaluateOptions {
    config?: PolicyConfig;
    /** Defaults to the whole pack. */
    policies?: readonly BlueprintPolicy[];
    /** Used in generated URNs only. */
    stack?: string;
}

/** A config that names an unknown policy, an invalid level or a knob of the wrong type. */
export class PolicyConfigError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "PolicyConfigError";
    }
}

type PolicyConfigJSONSchema = PolicyConfigSchema["properties"][string];

const LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

interface ResolvedPolicy {
    policy: BlueprintPolicy;
    enforcementLevel: EnforcementLevel;
    config: Record<string, unknown>;
}

/** Why `value` does not satisfy the knob's JSON schema (type, items, minimum, ...), or undefined when it does. */
function schemaViolation(value: unknown, schema: PolicyConfigJSONSchema): string | undefined {
    const result = z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]).safeParse(value);
    return result.success ? undefined : result.error.issues.map((issue) => issue.message).join("; ");
}

/** Merges the pack's levels and schema defaults with `config`; throws PolicyConfigError on mistakes. */
export function resolvePolicyConfig(policies: readonly BlueprintPolicy[], config: PolicyConfig = {}): ResolvedPolicy[] {
    const names = new Set(policies.map((p) => p.name));
    const levelOf = (entry: PolicyConfig[string] | undefined, where: string): EnforcementLevel | undefined => {
        const level = typeof entry === "string" ? entry : entry?.enforcementLevel;
        if (level !== undefined && !LEVELS.includes(level)) {
            throw new PolicyConfigError(`${where}: enforcementLevel "${String(level)}" is not one of ${LEVELS.join(", ")}`);
        }
        return level;
    };
    for (const key of Object.keys(config)) {
        if (key !== "all" && !names.has(key)) {
            throw new PolicyConfigError(`policy config names "${key}", which is not a policy of ${packName}`);
        }
    }
    const allLevel = levelOf(config.all, "all");
    return policies.map((policy) => {
        const entry = config[policy.name];
        const level = levelOf(entry, policy.name) ?? allLevel ?? policy.enforcementLevel ?? "advisory";
        const knobs: Record<string, unknown> = {};
        if (entry !== undefined && typeof entry === "object") {
            for (const [key, value] of Object.entries(entry)) {
                if (key === "enforcementLevel") {
                    continue;
                }
                const schema = policy.configSchema?.properties[key];
                if (!schema) {
                    throw new PolicyConfigError(`${policy.name}: unknown config property "${key}"`);
                }
                const violation = schemaViolation(value, schema);
                if (violation !== undefined) {
                    throw new PolicyConfigError(`${policy.name}.${key}: ${JSON.stringify(value)} does not match the rule's config schema: ${violation}`);
                }
                knobs[key] = value;
            }
        }
        return { policy, enforcementLevel: level, config: { ...configDefaults(policy.configSchema), ...knobs } };
    });
}

/** The SDK reports a "remediate" policy's remaining violations as mandatory; so do we. */
function reportedLevel(level: EnforcementLevel): EnforcementLevel {
    return level === "remediate" ? "mandatory" : level;
}

/** Evaluates the pack (or `options.policies`) against `resources`. Throws PolicyConfigError on a bad config. */
export async function evaluateResources(
    resources: ReadonlyArray<EvaluatedResource>,
    options: EvaluateOptions = {},
): Promise<Violation[]> {
    const resolved = resolvePolicyConfig(options.policies ?? packPolicies, options.config);
    const stack = options.stack ?? "policy-check";
    const withUrns = resources.map((r) => ({ ...r, urn: r.urn ?? `urn:pulumi:${stack}::${packName}::${r.type}::${r.name}` }));
    const nameOfUrn = new Map(withUrns.map((r) => [r.urn, r.name]));
    const violations: Violation[] = [];

    for (const { policy, enforcementLevel, config } of resolved) {
        if (enforcementLevel === "disabled") {
            continue;
        }
        const push = (resource: string, message: string, level: EnforcementLevel = reportedLevel(enforcementLevel)) =>
            violations.push({ policy: policy.name, resource, message: message || policy.description, enforcementLevel: level });
        const handle = (resource: string, e: unknown) => {
            if (e instanceof UnknownValueError) {
                // What the SDK does during preview: the rule could not run; say so, do not block.
                push(resource, `can't run policy ${policy.name} during preview: ${(e as Error).message}`, "advisory");
            } else if (!(e instanceof NotApplicableError)) {
                throw new Error(`policy ${policy.name} failed on ${resource}: ${(e as Error).message}`, { cause: e });
            }
        };

        if ("validateResource" in policy && policy.validateResource) {
            const validations = Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
            for (const resource of withUrns) {
                for (const validate of validations) {
                    try {
                        const args = makeResourceArgs({ ...resource, config });
                        await validate(args, (message: string, urn?: string) => push(urn ? (nameOfUrn.get(urn) ?? urn) : resource.name, message));
                    } catch (e) {
                        handle(resource.name, e);
                    }
                }
            }
        }
        if ("validateStack" in policy && policy.validateStack) {
            try {
                const args = makeStackArgs(withUrns, config);
                await policy.validateStack(args, (message: string, urn?: string) => push(urn ? (nameOfUrn.get(urn) ?? urn) : "(stack)", message));
            } catch (e) {
                handle("(stack)", e);
            }
        }
    }
    return violations;
}
