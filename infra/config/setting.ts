import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";

/**
 * The parts of the typed configuration (`BlueprintConfig`, infra/config/types.ts) a setting can feed, each read by one
 * component or, for `stack`, across the stack. The configuration reference (docs/configuration.md) is grouped by them.
 */
export const GROUPS = {
    stack: { title: "Stack-wide", readBy: "the entry point (infra/index.ts) and every component" },
    network: { title: "Network", readBy: "Network (infra/components/network.ts)" },
    database: { title: "Database", readBy: "Database (infra/components/database.ts)" },
    auth: { title: "Database login", readBy: "Secrets, DatabaseProxy, Api and Events (infra/components/secrets.ts, proxy.ts, api.ts, events.ts)" },
    proxy: { title: "RDS Proxy", readBy: "DatabaseProxy (infra/components/proxy.ts)" },
    lambda: { title: "API function", readBy: "Api (infra/components/api.ts)" },
    api: { title: "HTTP API", readBy: "Api (infra/components/api.ts)" },
    apiAuth: { title: "HTTP API callers", readBy: "Api (infra/components/api.ts)" },
    observability: { title: "Alarm notifications", readBy: "Observability (infra/components/observability.ts)" },
    thresholds: { title: "Alarm thresholds", readBy: "Observability (infra/components/observability.ts, infra/lib/alarms.ts)" },
} as const;

export type Group = keyof typeof GROUPS;

/** How the Pulumi CLI hands a value over: strings as they are, the rest JSON-encoded (see decode.ts). */
export type ValueKind = "string" | "number" | "boolean" | "list" | "map";

/** One stack setting: everything the program, its validation messages and the configuration reference know of it. */
export interface Setting<S extends z.ZodType = z.ZodType, G extends Group = Group, F extends string = string, Secret extends boolean = boolean> {
    /** The rule a value must pass once decoded; cross-key rules live in rules.ts. */
    readonly schema: S;
    /** The value when the stack file does not set the key. */
    readonly default: z.input<S>;
    /** What a value may be, as a person would say it: shown in every error for the key and in the reference. */
    readonly accepts: string;
    /** What the setting does and what to know before changing it (the reference's words). */
    readonly description: string;
    /** The part of the typed configuration it feeds, and its field name there. */
    readonly group: G;
    readonly field: F;
    /**
     * true: the value comes out of the configuration as a secret `pulumi.Output`, so it stays encrypted in the state
     * wherever it goes. A key without it that the user set with `--secret` is refused (parse.ts).
     */
    readonly secret?: Secret;
}

/** A setting, with its group, field and secret flag kept as literal types, from which the typed configuration is derived. */
export function setting<const S extends z.ZodType, const G extends Group, const F extends string, const Secret extends boolean = false>(
    spec: Setting<S, G, F, Secret>,
): Setting<S, G, F, Secret> {
    return spec;
}

/** The value a setting contributes to the typed configuration: a secret `Output` for a secret setting. */
export type SettingValue<T extends Setting> = T extends Setting<infer S, Group, string, infer Secret> ? (Secret extends true ? pulumi.Output<z.output<S>> : z.output<S>) : never;

/** The fields one group of settings contributes to the typed configuration. */
export type GroupOf<Settings extends Record<string, Setting>, G extends Group> = {
    readonly [K in keyof Settings as Settings[K]["group"] extends G ? Settings[K]["field"] : never]: SettingValue<Settings[K]>;
};

/** The kind of value a schema takes, read from the zod schema itself. */
export function valueKind(schema: z.ZodType): ValueKind {
    const def = (schema as unknown as { _zod: { def: { type: string; in?: z.ZodType; innerType?: z.ZodType } } })._zod.def;
    switch (def.type) {
        case "string":
        case "enum":
            return "string";
        case "number":
            return "number";
        case "boolean":
            return "boolean";
        case "array":
            return "list";
        case "record":
            return "map";
        case "pipe":
            return valueKind(def.in!);
        case "default":
        case "optional":
            return valueKind(def.innerType!);
        default:
            throw new Error(`a setting's schema of zod type "${def.type}" has no stack-file encoding; use a string, number, boolean, array or record`);
    }
}
