/**
 * The two shapes most preflight rules take, so that ./rules.ts holds limits as data: a physical name
 * checked against a service's naming rules, and a number checked against a range or a set.
 */
import { CHECKED, type Autoname, type NameRuleData, type NameSpec } from "../../infra/lib/nameRules";
import {
    AUTONAMING_PATTERN,
    nameProblems,
    physicalName as physicalNameOf,
    type NameProblem,
    type PhysicalName,
    type StackNames,
} from "../../infra/lib/physicalNames";
import type { Finding, PreflightContext, PreflightResource, PreflightRule, Source } from "./types";
import { isUnknown, knownNumber, knownRecord, knownString } from "./values";

export { CHECKED };
export { nameProblems };
export type { Autoname, NameProblem, NameSpec, PhysicalName };

/** A naming rule's data (infra/lib/nameRules.ts), which `nameRule` turns into a preflight rule. */
export type NameRuleSpec = NameRuleData;

/**
 * The physical name a planned resource will get (infra/lib/physicalNames.ts), reading its inputs as the
 * engine hands them over: secret-marked values are seen through, unknown ones give no name yet. With the
 * project and stack, autonamed resources get the project's autonaming pattern.
 */
export function physicalName(resource: PreflightResource, spec: NameSpec, names?: StackNames): PhysicalName | undefined {
    return physicalNameOf(resource, spec, { read: knownString, ...(names ? { names } : {}) });
}

/** How the name came about, so the message says which part the program controls. */
function origin(name: PhysicalName, resource: PreflightResource, spec: NameSpec, context: PreflightContext): string {
    switch (name.origin) {
        case "autoname":
            return context.names
                ? ` (Pulumi's autonaming pattern ${AUTONAMING_PATTERN} with the logical name "${resource.name}": ${name.generated} of its characters are random)`
                : ` (logical name "${resource.name}"${spec.autoname?.separator ? ` plus "${spec.autoname.separator}"` : ""} and ${name.generated} random characters Pulumi adds)`;
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
            const physical = physicalName(resource, name, context.names);
            if (!physical) {
                return [];
            }
            const problems = nameProblems(physical.value, name);
            if (problems.length === 0) {
                return [];
            }
            const finding: Finding = {
                message: `${name.what} "${physical.value}"${origin(physical, resource, name, context)} ${problems.map((p) => p.text).join(", and ")}.`,
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
