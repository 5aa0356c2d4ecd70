import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { validateNamePrefix } from "../lib/naming";
import { closest } from "./closest";
import { decode } from "./decode";
import { ConfigError } from "./errors";
import { namespaceProblems } from "./namespaces";
import { SettingValues, crossKeyRules } from "./rules";
import { Group, GROUPS, Setting, valueKind } from "./setting";
import { SETTINGS, SettingName } from "./settings";
import type { ApiAuthSettings, BlueprintConfig } from "./types";
import { regionProblem } from "../lib/regions";

export interface ConfigSource {
    /** Pulumi.yaml's `name`: the namespace of the blueprint's settings. */
    readonly project: string;
    readonly stack: string;
    /**
     * Every key of the stack's config with its namespace (`aws:region`, `<project>:dbMultiAz`), values as the
     * Pulumi CLI hands them to the program: strings, with YAML numbers, booleans, lists and maps JSON-encoded.
     */
    readonly config: Readonly<Record<string, string>>;
    /** The keys the user set with `--secret` (with their namespace). */
    readonly secretKeys?: readonly string[];
}

const settings = SETTINGS as unknown as Readonly<Record<SettingName, Setting>>;
const names = Object.keys(SETTINGS) as SettingName[];

/** All the settings as one object schema, with the rules between keys on top. */
const schema = z
    .strictObject(Object.fromEntries(names.map((name) => [name, settings[name].schema])))
    .superRefine((values, ctx) => crossKeyRules(values as unknown as SettingValues, ctx));

/**
 * Validates a stack's configuration and returns it typed and grouped by component. Pure apart from wrapping secret
 * settings in secret Outputs: the Pulumi runtime is read only by loadConfig. Every problem is reported at once, each
 * naming the key, what it accepts, the value it got (never a secret's) and the command that fixes it.
 */
export function parseConfig(source: ConfigSource): BlueprintConfig {
    const { project, stack } = source;
    const region = source.config["aws:region"];
    const prefix = `${project}:`;
    const secretKeys = new Set(source.secretKeys ?? []);
    const values = Object.fromEntries(
        Object.entries(source.config)
            .filter(([key]) => key.startsWith(prefix))
            .map(([key, value]) => [key.slice(prefix.length), value]),
    );
    const fix = (name: string) => `pulumi config set ${prefix}${name} <value> --stack ${stack}${settings[name as SettingName]?.secret ? " --secret" : ""}`;
    const shown = (name: string) => (secretKeys.has(prefix + name) || settings[name as SettingName]?.secret ? "[secret]" : JSON.stringify(values[name]));

    const problems: string[] = namespaceProblems({ project, stack, keys: Object.keys(source.config), settings: names });
    if (!region) {
        problems.push(`aws:region is not set. Fix: pulumi config set aws:region <region, e.g. us-east-1> --stack ${stack}`);
    } else {
        const unknown = regionProblem(region);
        if (unknown !== undefined) {
            problems.push(`aws:region ${unknown} Fix: pulumi config set aws:region <region> --stack ${stack}`);
        }
    }
    // Every physical name starts with `<project>-<stack>`: refuse one that AWS would refuse in any of them.
    problems.push(...validateNamePrefix(project, stack));

    const decoded: Record<string, unknown> = {};
    const undecodable = new Set<string>();
    for (const [name, raw] of Object.entries(values)) {
        const spec = settings[name as SettingName];
        if (!spec) {
            const hint = closest(name, names);
            problems.push(
                `${prefix}${name} is not a setting of this blueprint${hint ? ` (did you mean ${prefix}${hint}?)` : ""}. ` +
                    `Fix: pulumi config rm ${prefix}${name} --stack ${stack} (the settings are listed in docs/configuration.md)`,
            );
            continue;
        }
        if (secretKeys.has(prefix + name) && !spec.secret) {
            // Read in plain text to shape resources, its value would reach the state unencrypted.
            problems.push(
                `${prefix}${name} is set as a secret, but the blueprint reads it in plain text (it shapes resources), so it would be stored unencrypted. ` +
                    `Fix: pulumi config set ${prefix}${name} <value> --stack ${stack} (without --secret), or declare it secret: true in infra/config/settings.ts`,
            );
            undecodable.add(name);
            continue;
        }
        const value = decode(raw, valueKind(spec.schema));
        if (value === undefined) {
            problems.push(`${prefix}${name} must be ${spec.accepts} (got ${shown(name)}). Fix: ${fix(name)}`);
            undecodable.add(name);
            continue;
        }
        decoded[name] = value;
    }
    for (const name of names) {
        if (!(name in values)) {
            decoded[name] = settings[name].default;
        }
    }

    const result = schema.safeParse(decoded);
    if (!result.success) {
        for (const issue of result.error.issues) {
            const name = String(issue.path[0] ?? "");
            if (undecodable.has(name)) {
                continue; // already reported above; the schema only sees it missing
            }
            const spec = settings[name as SettingName];
            const got = name in values ? ` (got ${shown(name)})` : "";
            problems.push(
                `${prefix}${name} ${issue.message.replace(/^Invalid input: /, "")}${got}; accepted: ${spec?.accepts ?? "see docs/configuration.md"}. Fix: ${fix(name)}`,
            );
        }
    }
    if (problems.length > 0 || !result.success || !region) {
        throw new ConfigError(`Invalid configuration for stack "${stack}":\n${problems.map((p) => `  - ${p}`).join("\n")}`, problems);
    }
    return assemble(project, stack, region, result.data as unknown as SettingValues);
}

/** What a setting contributes to the typed configuration: its value, or for a secret setting a secret Output of it. */
export function settingValue(spec: Setting, value: unknown): unknown {
    return spec.secret ? pulumi.secret(value) : value;
}

/** Puts each setting's value at its group and field (settings.ts). */
function assemble(project: string, stack: string, region: string, values: SettingValues): BlueprintConfig {
    const groups = Object.fromEntries(Object.keys(GROUPS).map((group) => [group, {} as Record<string, unknown>])) as Record<Group, Record<string, unknown>>;
    for (const name of names) {
        const spec = settings[name];
        groups[spec.group][spec.field] = settingValue(spec, values[name]);
    }
    const apiAuth = groups.apiAuth as { mode: ApiAuthSettings["mode"]; issuer: string; audience: readonly string[] };
    const config = {
        ...groups.stack,
        project,
        stack,
        region,
        name: `${project}-${stack}`,
        tags: { project, stack, "managed-by": "pulumi", ...values.tags },
        network: groups.network,
        database: groups.database,
        auth: groups.auth,
        proxy: groups.proxy,
        lambda: groups.lambda,
        api: { ...groups.api, auth: apiAuth.mode === "jwt" ? apiAuth : { mode: apiAuth.mode } },
        observability: { ...groups.observability, thresholds: groups.thresholds },
    };
    return config as unknown as BlueprintConfig;
}
