import type { ValueKind } from "./setting";

/**
 * A stack config value as the program receives it: the Pulumi CLI hands every value over as a string, YAML numbers,
 * booleans, lists and maps JSON-encoded. Undefined when the text is not a value of the kind (nothing is coerced:
 * "yes" is not a boolean). A string setting takes the text as it is, so `dbEngineVersion: 8.4` stays "8.4".
 */
export function decode(raw: string, kind: ValueKind): unknown {
    if (kind === "string") {
        return raw;
    }
    try {
        const value: unknown = JSON.parse(raw);
        const ok =
            (kind === "number" && typeof value === "number") ||
            (kind === "boolean" && typeof value === "boolean") ||
            (kind === "list" && Array.isArray(value)) ||
            (kind === "map" && typeof value === "object" && value !== null && !Array.isArray(value));
        return ok ? value : undefined;
    } catch {
        return undefined;
    }
}
