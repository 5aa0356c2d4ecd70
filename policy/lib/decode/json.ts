/** A JSON document's leaves, by path: `{"db": {"password": "x"}}` gives db.password = "x". */

export interface Leaf {
    /** Dotted path from the root: "db.password", "hosts.0". */
    path: string;
    /** The key holding the leaf; undefined for array items, which have no name. */
    key?: string;
    value: unknown;
}

/** The leaves of a JSON object or array, or undefined when `text` is not one. */
export function jsonLeaves(text: string): Leaf[] | undefined {
    const trimmed = text.trim();
    if (!/^[{[]/.test(trimmed)) {
        return undefined;
    }
    try {
        return leaves(JSON.parse(trimmed) as unknown);
    } catch {
        return undefined;
    }
}

/** The leaves of a parsed document (JSON or YAML). */
export function leaves(node: unknown, path = ""): Leaf[] {
    const entries: [string, unknown][] = Array.isArray(node)
        ? node.map((v, i) => [String(i), v])
        : typeof node === "object" && node !== null
          ? Object.entries(node)
          : [];
    return entries.flatMap(([key, child]) => {
        const at = path === "" ? key : `${path}.${key}`;
        if (typeof child === "object" && child !== null) {
            return leaves(child, at);
        }
        return [{ path: at, key: Array.isArray(node) ? undefined : key, value: child }];
    });
}
