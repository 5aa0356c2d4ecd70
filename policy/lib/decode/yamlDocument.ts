/**
 * A YAML document's leaves (config files, Kubernetes-style manifests, cloud-config), parsed with
 * the `yaml` package. Only a mapping at the top counts: a shell script parses as one long string.
 */
import { parseDocument } from "yaml";
import { Leaf, leaves } from "./json";

/** The leaves of a YAML mapping document, or undefined when `text` is not one. */
export function yamlLeaves(text: string): Leaf[] | undefined {
    if (!/^[ \t]*[A-Za-z_][\w.-]*[ \t]*:(?:[ \t]|$)/m.test(text)) {
        return undefined;
    }
    const parsed = parseDocument(text);
    if (parsed.errors.length > 0) {
        return undefined;
    }
    const root = parsed.toJS() as unknown;
    return typeof root === "object" && root !== null && !Array.isArray(root) ? leaves(root) : undefined;
}
