/**
 * Reading planned inputs. A value the engine does not know yet (an output of a resource still to be
 * created, during `pulumi preview`) arrives as one of the SDK's sentinel strings: a rule that needs
 * it is skipped, never failed. Secret-marked values are read through.
 */
import * as pulumi from "@pulumi/pulumi";
import { UNKNOWN_SENTINELS } from "../../policy/lib/unknown";

/** True for the SDK's "not known during preview" sentinels. */
export function isUnknown(value: unknown): boolean {
    return typeof value === "string" && UNKNOWN_SENTINELS.has(value);
}

/** The value behind a secret marker (at any depth of nesting of markers), else the value itself. */
export function reveal(value: unknown): unknown {
    let current = value;
    while (
        current !== null &&
        typeof current === "object" &&
        (current as Record<string, unknown>)[pulumi.runtime.specialSigKey] === pulumi.runtime.specialSecretSig
    ) {
        current = (current as Record<string, unknown>).value;
    }
    return current;
}

/** A known string, else undefined (absent, unknown or another type). */
export function knownString(value: unknown): string | undefined {
    const v = reveal(value);
    return typeof v === "string" && !isUnknown(v) ? v : undefined;
}

/** A known finite number (numeric strings accepted: provider inputs arrive JSON-encoded), else undefined. */
export function knownNumber(value: unknown): number | undefined {
    const v = reveal(value);
    if (typeof v === "number" && Number.isFinite(v)) {
        return v;
    }
    if (typeof v === "string" && !isUnknown(v) && v.trim() !== "" && Number.isFinite(Number(v))) {
        return Number(v);
    }
    return undefined;
}

/** A known boolean (provider inputs may arrive as "true"/"false"), else undefined. */
export function knownBoolean(value: unknown): boolean | undefined {
    const v = reveal(value);
    if (typeof v === "boolean") {
        return v;
    }
    return v === "true" ? true : v === "false" ? false : undefined;
}

/** A known array, or undefined when absent or unknown; its elements may still be unknown. */
export function knownArray(value: unknown): readonly unknown[] | undefined {
    const v = reveal(value);
    return Array.isArray(v) ? v.map(reveal) : undefined;
}

/**
 * A known plain object (JSON-encoded objects, as provider inputs arrive, are parsed), else
 * undefined; its values may still be unknown.
 */
export function knownRecord(value: unknown): Readonly<Record<string, unknown>> | undefined {
    let v = reveal(value);
    if (typeof v === "string" && !isUnknown(v) && v.trim().startsWith("{")) {
        try {
            v = JSON.parse(v) as unknown;
        } catch {
            return undefined;
        }
    }
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}
