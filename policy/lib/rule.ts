import type {
    PolicyConfigSchema,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationPolicy,
} from "@pulumi/policy";
import { unwrapProps } from "./unknown";

export type Severity = "low" | "medium" | "high" | "critical";

/** Metadata every blueprint rule carries next to the SDK's fields (as in pulumi/compliance-policies). */
export interface BlueprintMetadata {
    severity: Severity;
    /** What the rule is about, for the README table and filtering: "iam", "secrets", "network", ... */
    topics: readonly string[];
    /** Why the rule exists, one sentence (the README's "why" column). */
    rationale: string;
    /**
     * The rules of other tools this one follows (the README's "follows" column): a Checkov check id
     * ("Checkov CKV_AWS_45"), a gitleaks rule id, a Cloudsplaining finding, an IAM Access Analyzer check.
     */
    anchors?: readonly string[];
}

export type BlueprintResourcePolicy = ResourceValidationPolicy & BlueprintMetadata;
export type BlueprintStackPolicy = StackValidationPolicy & BlueprintMetadata;
export type BlueprintPolicy = BlueprintResourcePolicy | BlueprintStackPolicy;

/** What a rule's check receives: the plain props (unknowns are sentinels, see ./unknown) and the SDK args. */
export type ResourceCheck<C> = (
    props: Record<string, unknown>,
    report: (message: string) => void,
    context: { type: string; name: string; config: C; args: ResourceValidationArgs },
) => void | Promise<void>;

/** The `default` of every property in a config schema. */
export function configDefaults(schema: PolicyConfigSchema | undefined): Record<string, unknown> {
    const defaults: Record<string, unknown> = {};
    for (const [key, property] of Object.entries(schema?.properties ?? {})) {
        if (property.default !== undefined) {
            defaults[key] = property.default;
        }
    }
    return defaults;
}

export interface ResourceRuleSpec<C> extends Omit<BlueprintResourcePolicy, "validateResource"> {
    /** Pulumi type tokens (see ./types) the rule looks at, or "all"; other resources are skipped. */
    types: readonly string[] | "all";
    check: ResourceCheck<C>;
}

/**
 * Builds a resource rule whose `validateResource` runs `check` for the given types only, on the
 * plain props behind the SDK's unknown-checking proxy, with the schema defaults merged under the
 * caller's config (the engine may or may not have applied them).
 */
export function resourceRule<C extends object = Record<string, never>>(spec: ResourceRuleSpec<C>): BlueprintResourcePolicy {
    const { types, check, ...policy } = spec;
    const defaults = configDefaults(spec.configSchema);
    return {
        ...policy,
        validateResource: async (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
            if (types !== "all" && !types.includes(args.type)) {
                return;
            }
            await check(unwrapProps(args.props), (message) => reportViolation(message), {
                type: args.type,
                name: args.name,
                config: { ...defaults, ...args.getConfig<object>() } as C,
                args,
            });
        },
    };
}
