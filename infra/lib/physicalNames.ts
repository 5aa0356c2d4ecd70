/**
 * The physical name a resource will get, worked out from what the program gives it (an explicit
 * name, a prefix, or nothing: then Pulumi's autonaming), and the naming rules it breaks. Pure: the
 * program uses it to check its own project and stack names (./naming.ts), the preflight to check
 * every planned resource (tools/preflight).
 */
import type { NameSpec } from "./nameRules";

/** Stand-in for the random characters Pulumi or the provider appends; letters pass every charset of ./nameRules.ts. */
const RANDOM = "x";

/**
 * How Pulumi names every resource the program gives no explicit name: `<project>-<stack>-<logical>-`
 * and 7 random hex characters. Pulumi.yaml sets it as the project's `pulumi:autonaming` (a test keeps
 * the two equal), so logical names stay short and by role and the stack's prefix lives only in
 * physical names: renaming a stack or the project changes no logical name, and an existing resource
 * keeps the name it was created with (pulumi-aws reuses the name in its state), so neither replaces
 * anything. Needs Pulumi CLI 3.146.0 and pulumi-aws 6.66.0 or later; RDS instance identifiers follow
 * the pattern from pulumi-aws 7.34.0 (pulumi-aws#6434, fixed by #6437). Sources and what a rename
 * does: docs/naming.md.
 */
export const AUTONAMING_PATTERN = "${project}-${stack}-${name}-${hex(7)}";

/** The names the pattern takes from the stack: Pulumi.yaml's `name` and the stack's name. */
export interface StackNames {
    readonly project: string;
    readonly stack: string;
}

/** Pulumi's random expressions and how many characters each produces (pulumi/pulumi pkg/backend/autonaming). */
const RANDOM_EXPRESSIONS: readonly [RegExp, (n: number) => number][] = [
    [/\$\{(?:hex|alphanum|string|num)\((\d+)\)\}/g, (n) => n],
    [/\$\{uuid\}()/g, () => 36],
];

/**
 * The name Pulumi proposes for a resource from an autonaming pattern, random characters shown as
 * `x`, with how many there are. Refuses an expression it does not know, so a changed pattern cannot
 * silently pass the name checks.
 */
export function proposedName(pattern: string, logical: string, names: StackNames): { readonly value: string; readonly generated: number } {
    let generated = 0;
    let value = pattern.split("${project}").join(names.project).split("${stack}").join(names.stack).split("${name}").join(logical);
    for (const [expression, length] of RANDOM_EXPRESSIONS) {
        value = value.replace(expression, (_match, digits: string) => {
            const n = length(Number(digits));
            generated += n;
            return RANDOM.repeat(n);
        });
    }
    const unknown = /\$\{[^}]*\}/.exec(value);
    if (unknown) {
        throw new Error(`autonaming pattern "${pattern}": ${unknown[0]} is not an expression infra/lib/physicalNames.ts knows; add it there`);
    }
    return { value, generated };
}

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

export interface PhysicalNameOptions {
    /**
     * The project and stack: autonamed resources get the project's pattern (AUTONAMING_PATTERN). Without
     * them, Pulumi's naming where no pattern is configured: the logical name, the type's separator and
     * 7 random characters.
     */
    readonly names?: StackNames;
    readonly read?: ReadString;
}

/**
 * The physical name a resource will get: the explicit input, the prefix completed by the provider,
 * or Pulumi's autoname from the logical name. Undefined when the name is not known yet.
 */
export function physicalName(resource: NamedResource, spec: NameSpec, options: PhysicalNameOptions = {}): PhysicalName | undefined {
    const read = options.read ?? plainString;
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
        // pulumi-aws applies its per-type transform (KMS aliases' `alias/`) to the pattern's name too
        // (pulumi-terraform-bridge ComputeAutoNameDefault, "propose" mode), but not its separator.
        const base = options.names
            ? proposedName(AUTONAMING_PATTERN, resource.name, options.names)
            : { value: `${resource.name}${separator}${RANDOM.repeat(randomLength)}`, generated: randomLength };
        return { value: transform ? transform(base.value) : base.value, origin: "autoname", generated: base.generated };
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
