/**
 * Unknown values during `pulumi preview`.
 *
 * The policy SDK wraps resource props in `unknownCheckingProxy`: reading a property whose value is
 * not known yet (an output of a resource still to be created) throws `UnknownValueError`, and the
 * SDK turns that into an advisory "can't run policy during preview" diagnostic for the whole rule.
 * Rules here read the proxy's target instead and treat the SDK's sentinels as "unknown": the part
 * of the check that depends on the unknown value is skipped (never flagged), the rest still runs.
 */

/** The SDK's sentinels (`@pulumi/policy/proxy`, internal); a test checks they still match. */
export const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
    "030794c1-ac77-496b-92df-f27374a8bd58", // asset
    "e48ece36-62e2-4504-bad9-02848725956a", // archive
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
]);

/** The key the SDK's proxies answer with their target (`getSpecialProxyTarget` in `@pulumi/policy/proxy`). */
const PROXY_TARGET = "__getSpecialProxyTarget";

/** True when `value` is one of the SDK's "not known during preview" sentinels. */
export function isUnknown(value: unknown): boolean {
    return typeof value === "string" && UNKNOWN_SENTINELS.has(value);
}

/** The plain object behind the SDK's unknown-checking proxy (or `props` itself when it is not proxied). */
export function unwrapProps(props: unknown): Record<string, unknown> {
    if (props === null || typeof props !== "object") {
        return {};
    }
    const target = (props as Record<string, unknown>)[PROXY_TARGET];
    if (target !== undefined && target !== null && typeof target === "object") {
        return target as Record<string, unknown>;
    }
    return props as Record<string, unknown>;
}

/** A plain object (not an array, not unknown), else undefined. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
    return value !== null && typeof value === "object" && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : undefined;
}

/** An array's known elements; a scalar becomes a one-element array; undefined/unknown give []. */
export function asArray(value: unknown): unknown[] {
    if (value === undefined || value === null || isUnknown(value)) {
        return [];
    }
    return Array.isArray(value) ? value : [value];
}

/** A known string, else undefined. */
export function knownString(value: unknown): string | undefined {
    return typeof value === "string" && !isUnknown(value) ? value : undefined;
}

/** A known number (numeric strings accepted, as the engine may pass either), else undefined. */
export function knownNumber(value: unknown): number | undefined {
    if (typeof value === "number" && Number.isFinite(value)) {
        return value;
    }
    if (typeof value === "string" && !isUnknown(value) && value.trim() !== "" && Number.isFinite(Number(value))) {
        return Number(value);
    }
    return undefined;
}
