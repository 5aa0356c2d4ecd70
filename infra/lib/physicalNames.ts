/**
 * The physical name a resource will get, worked out from what the program gives it (an explicit
 * name, a prefix, or nothing: then Pulumi's autonaming), and the naming rules it breaks. Pure: the
 * program uses it to check its own project and stack names (./naming.ts), the preflight to check
 * every planned resource (tools/preflight).
 */
import type { NameSpec } from "./nameRules";

/** Stand-in for the random characters Pulumi or the provider appends; letters pass every charset of ./nameRules.ts. */
const RANDOM = "x";

/** What a name is worked out from: a resource's type, logical name and inputs. */
export interface NamedResource {
    readonly type: string;
    /** The logical name (Pulumi's resource name). */
    readonly name: string;
    readonly inputs: Readonly<Record<string, unknown>>;
}

export interface PhysicalName {
    readonly value: string;
    readonly origin: "explicit" | "prefix" | "autoname";
    /** Characters the provider or Pulumi adds at deploy time (shown as `x`). */
    readonly generated: number;
}

/** Reads an input as a string when it is known; the preflight passes one that sees through secrets and unknowns. */
export type ReadString = (value: unknown) => string | undefined;

const plainString: ReadString = (value) => (typeof value === "string" ? value : undefined);

/**
 * The physical name a resource will get: the explicit input, the prefix completed by the provider,
 * or Pulumi's autoname from the logical name. Undefined when the name is not known yet.
 */
export function physicalName(resource: NamedResource, spec: NameSpec, read: ReadString = plainString): PhysicalName | undefined {
    const inputs = resource.inputs;
    if (inputs[spec.property] !== undefined && inputs[spec.property] !== null) {
        const value = read(inputs[spec.property]);
        return value === undefined ? undefined : { value, origin: "explicit", generated: 0 };
    }
    if (spec.prefixProperty && inputs[spec.prefixProperty] !== undefined && inputs[spec.prefixProperty] !== null) {
        const prefix = read(inputs[spec.prefixProperty]);
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
