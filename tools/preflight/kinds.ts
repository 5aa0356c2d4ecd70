/**
 * The two shapes most preflight rules take, so that ./rules.ts holds limits as data: a physical name
 * checked against a service's naming rules, and a number checked against a range or a set.
 */
import type { Finding, PreflightContext, PreflightResource, PreflightRule, Source } from "./types";
import { isUnknown, knownNumber, knownRecord, knownString } from "./values";

/** The date every source in ./rules.ts was last read. */
export const CHECKED = "2026-11-22";

/** Stand-in for the random characters Pulumi or the provider appends; letters pass every charset below. */
const RANDOM = "x";

/** How a physical name is made when the program does not set one. */
export interface Autoname {
    /** Between the logical name and the random part: "-" for most types, "" for RDS instances. */
    readonly separator: string;
    readonly randomLength: number;
    /** Applied after the random part (KMS aliases get `alias/` in front). */
    readonly transform?: (name: string) => string;
}

export interface NameSpec {
    /** "IAM role name", as the messages say it. */
    readonly what: string;
    /** The input holding an explicit physical name. */
    readonly property: string;
    /** An input holding a prefix the provider completes with `prefixRandomLength` characters. */
    readonly prefixProperty?: string;
    readonly prefixRandomLength?: number;
    /** Pulumi's naming when neither input is set; without it the rule only checks explicit names. */
    readonly autoname?: Autoname;
    readonly maxLength: number;
    /** One allowed character (a single-character class, no anchors). */
    readonly allowed: RegExp;
    readonly allowedText: string;
    readonly first?: { readonly pattern: RegExp; readonly text: string };
    readonly noDoubleHyphen?: boolean;
    readonly noTrailingHyphen?: boolean;
    readonly requiredPrefix?: string;
    readonly forbiddenPrefixes?: readonly string[];
    /** Refused whole names, compared case-insensitively. */
    readonly forbiddenNames?: readonly string[];
    /** Names always accepted whatever the other constraints say (`$default`). */
    readonly alwaysAllowed?: readonly string[];
}

export interface PhysicalName {
    readonly value: string;
    readonly origin: "explicit" | "prefix" | "autoname";
    /** Characters the provider or Pulumi adds at deploy time (shown as `x`). */
    readonly generated: number;
}

/**
 * The physical name a resource will get: the explicit input, the prefix completed by the provider,
 * or Pulumi's autoname from the logical name. Undefined when the name is not known yet.
 */
export function physicalName(resource: PreflightResource, spec: NameSpec): PhysicalName | undefined {
    const inputs = resource.inputs;
    if (inputs[spec.property] !== undefined && inputs[spec.property] !== null) {
        const value = knownString(inputs[spec.property]);
        return value === undefined ? undefined : { value, origin: "explicit", generated: 0 };
    }
    if (spec.prefixProperty && inputs[spec.prefixProperty] !== undefined && inputs[spec.prefixProperty] !== null) {
        const prefix = knownString(inputs[spec.prefixProperty]);
        const length = spec.prefixRandomLength ?? 0;
        return prefix === undefined ? undefined : { value: prefix + RANDOM.repeat(length), origin: "prefix", generated: length };
    }
    if (spec.autoname) {
        const { separator, randomLength, transform } = spec.autoname;
        const base = `${resource.name}${separator}${RANDOM.repeat(randomLength)}`;
        return { value: transform ? transform(base) : base, origin: "autoname", generated: randomLength };
    }
    return undefined;
}

/** Which constraint a name breaks, worded to follow the name. */
export interface NameProblem {
    readonly kind: "length" | "characters" | "first" | "hyphens" | "prefix" | "reserved";
    readonly text: string;
    /** For "characters": the refused characters. */
    readonly characters?: readonly string[];
}

export function nameProblems(value: string, spec: NameSpec): NameProblem[] {
    if (spec.alwaysAllowed?.includes(value)) {
        return [];
    }
    const problems: NameProblem[] = [];
    if (spec.requiredPrefix && !value.startsWith(spec.requiredPrefix)) {
        problems.push({ kind: "prefix", text: `must start with "${spec.requiredPrefix}"` });
    }
    if (value.length > spec.maxLength) {
        problems.push({ kind: "length", text: `is ${value.length} characters; at most ${spec.maxLength} are allowed` });
    }
    if (value.length === 0) {
        problems.push({ kind: "length", text: "is empty" });
    }
    const refused = [...new Set([...value].filter((c) => !spec.allowed.test(c)))];
    if (refused.length > 0) {
        problems.push({
            kind: "characters",
            text: `contains ${refused.map((c) => JSON.stringify(c)).join(", ")}; only ${spec.allowedText} are allowed`,
            characters: refused,
        });
    }
    if (spec.first && value.length > 0 && !spec.first.pattern.test(value[0]!)) {
        problems.push({ kind: "first", text: `must start with ${spec.first.text}` });
    }
    if (spec.noDoubleHyphen && value.includes("--")) {
        problems.push({ kind: "hyphens", text: "must not contain two consecutive hyphens" });
    }
    if (spec.noTrailingHyphen && value.endsWith("-")) {
        problems.push({ kind: "hyphens", text: "must not end with a hyphen" });
    }
    for (const prefix of spec.forbiddenPrefixes ?? []) {
        if (value.toLowerCase().startsWith(prefix.toLowerCase())) {
            problems.push({ kind: "reserved", text: `must not start with "${prefix}"` });
        }
    }
    if (spec.forbiddenNames?.some((n) => n.toLowerCase() === value.toLowerCase())) {
        problems.push({ kind: "reserved", text: `must not be "${value}"` });
    }
    return problems;
}

/** How the name came about, so the message says which part the program controls. */
function origin(name: PhysicalName, resource: PreflightResource, spec: NameSpec): string {
    switch (name.origin) {
        case "autoname":
            return ` (logical name "${resource.name}"${spec.autoname?.separator ? ` plus "${spec.autoname.separator}"` : ""} and ${name.generated} random characters Pulumi adds)`;
        case "prefix":
            return ` (the ${spec.prefixProperty} input plus ${name.generated} characters the provider adds)`;
        default:
            return "";
    }
}

/** The fix for a name: shorten or rename `<project>-<stack>` when the problem comes from it. */
function nameFix(name: PhysicalName, problems: readonly NameProblem[], spec: NameSpec, context: PreflightContext): string | undefined {
    const prefix = context.namePrefix;
    if (!prefix || !name.value.includes(prefix)) {
        return undefined;
    }
    const fixes: string[] = [];
    if (problems.some((p) => p.kind === "length")) {
        const rest = name.value.length - prefix.length;
        fixes.push(
            `shorten the project and stack names: "<project>-<stack>" is "${prefix}" (${prefix.length} characters) and may have at most ` +
                `${Math.max(spec.maxLength - rest, 0)} here, since the rest of the ${spec.what} takes ${rest} of its ${spec.maxLength}`,
        );
    }
    const inPrefix = problems.flatMap((p) => p.characters ?? []).filter((c) => prefix.includes(c));
    const prefixBreaksForm =
        (spec.first && !spec.first.pattern.test(prefix[0] ?? "") && name.value.startsWith(prefix)) ||
        (spec.noDoubleHyphen && prefix.includes("--")) ||
        (spec.noTrailingHyphen && prefix.endsWith("-"));
    if (inPrefix.length > 0 || prefixBreaksForm) {
        fixes.push(
            `rename the project or stack: ${spec.what}s allow only ${spec.allowedText}` +
                (spec.first ? `, starting with ${spec.first.text}` : "") +
                (spec.noDoubleHyphen ? ", with no two hyphens in a row" : ""),
        );
    }
    return fixes.length > 0 ? `${fixes.join("; and ")}.` : undefined;
}

export interface NameRuleSpec extends NameSpec {
    readonly id: string;
    readonly types: readonly string[];
    readonly description: string;
    readonly fix: string;
    readonly sources: readonly Source[];
}

/** A rule that checks the physical name a resource will get against a service's naming rules. */
export function nameRule(spec: NameRuleSpec): PreflightRule & { readonly name: NameSpec } {
    const { id, types, description, fix, sources, ...name } = spec;
    return {
        id,
        types,
        description,
        fix,
        sources,
        checked: CHECKED,
        name,
        check: (resource, context) => {
            const physical = physicalName(resource, name);
            if (!physical) {
                return [];
            }
            const problems = nameProblems(physical.value, name);
            if (problems.length === 0) {
                return [];
            }
            const finding: Finding = {
                message: `${name.what} "${physical.value}"${origin(physical, resource, name)} ${problems.map((p) => p.text).join(", and ")}.`,
                fix: nameFix(physical, problems, name, context),
            };
            return [finding];
        },
    };
}

/** Reads a nested input (`connectionPoolConfig.maxConnectionsPercent`); unknown parents read as undefined. */
export function readPath(inputs: Readonly<Record<string, unknown>>, path: readonly string[]): unknown {
    let current: unknown = inputs;
    for (const key of path) {
        const record = knownRecord(current);
        if (!record) {
            return isUnknown(current) ? current : undefined;
        }
        current = record[key];
    }
    return current;
}

export interface RangeRuleSpec {
    readonly id: string;
    readonly types: readonly string[];
    /** The input, as a path into nested objects. */
    readonly path: readonly string[];
    /** "RDS Proxy idle client timeout (seconds)", as the messages say it. */
    readonly what: string;
    readonly min?: number;
    readonly max?: number;
    /** The only accepted values, instead of a range. */
    readonly allowed?: readonly number[];
    readonly integer?: boolean;
    readonly description: string;
    readonly fix: string;
    readonly sources: readonly Source[];
}

/** A rule that checks a number the program sets against the range or set of values AWS accepts. */
export function rangeRule(spec: RangeRuleSpec): PreflightRule {
    const { id, types, description, fix, sources } = spec;
    const accepted = spec.allowed
        ? `one of ${spec.allowed.join(", ")}`
        : `${spec.integer ? "a whole number " : ""}from ${spec.min ?? "-∞"} to ${spec.max ?? "∞"}`;
    return {
        id,
        types,
        description,
        fix,
        sources,
        checked: CHECKED,
        check: (resource) => {
            const raw = readPath(resource.inputs, spec.path);
            if (raw === undefined || raw === null) {
                return [];
            }
            const value = knownNumber(raw);
            if (value === undefined) {
                return [];
            }
            const ok = spec.allowed
                ? spec.allowed.includes(value)
                : (spec.min === undefined || value >= spec.min) &&
                  (spec.max === undefined || value <= spec.max) &&
                  (!spec.integer || Number.isInteger(value));
            return ok ? [] : [{ message: `${spec.what} is ${value}; AWS accepts ${accepted}.` }];
        },
    };
}

/** A plain rule built from its metadata and a check. */
export function customRule(rule: Omit<PreflightRule, "checked">): PreflightRule {
    return { ...rule, checked: CHECKED };
}
