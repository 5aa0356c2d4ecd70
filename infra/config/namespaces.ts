import { closest } from "./closest";

/**
 * Config namespaces something in this program reads besides the project's own: the engine's (`pulumi:`, e.g.
 * `pulumi:tags`) and those of the provider packages infra/ imports (@pulumi/aws, @pulumi/awsx, @pulumi/random).
 * A key in any other namespace reaches nothing: the Pulumi CLI stores it and the program never looks at it, so a
 * renamed project or a typo in a namespace would silently leave every setting at its default. Adding a provider
 * package? Add its name here (test/infra/config/namespaces.test.ts checks the list against infra/'s imports).
 */
export const READ_NAMESPACES = ["aws", "awsx", "pulumi", "random"] as const;

export interface NamespaceSource {
    /** Pulumi.yaml's `name`: the namespace of the blueprint's own settings. */
    readonly project: string;
    readonly stack: string;
    /** Every key of the stack's config, with its namespace (`aws:region`, `<project>:flowLogs`). */
    readonly keys: readonly string[];
    /** The blueprint's own setting names, to suggest the key a misplaced one was meant as. */
    readonly settings: readonly string[];
}

function namespaceOf(key: string): string {
    const colon = key.indexOf(":");
    return colon < 0 ? "" : key.slice(0, colon);
}

/**
 * What is wrong with the namespaces of a stack's config keys, one message per problem (empty when none): a key in a
 * namespace nothing reads is an error naming the key, its stack file, the namespace expected and the fix. A stack
 * whose settings all sit in one other namespace (the project was renamed, the keys were not) gets one message
 * saying exactly that.
 */
export function namespaceProblems(source: NamespaceSource): string[] {
    const { project, stack, keys, settings } = source;
    const file = `Pulumi.${stack}.yaml`;
    const read = new Set<string>([project, ...READ_NAMESPACES]);
    const stray = keys.filter((key) => !read.has(namespaceOf(key)));
    if (stray.length === 0) {
        return [];
    }
    const strayNamespaces = [...new Set(stray.map(namespaceOf))];
    const hasProjectKeys = keys.some((key) => namespaceOf(key) === project);
    if (!hasProjectKeys && strayNamespaces.length === 1) {
        const [other] = strayNamespaces;
        return [
            `every setting in ${file} is in namespace "${other}" but the project is "${project}" (Pulumi.yaml's name), so none of them ` +
                `would be read and every setting would fall back to its default. Fix: rename the keys (${other}:<key> → ${project}:<key>) ` +
                `or Pulumi.yaml's name (name: ${other})`,
        ];
    }
    const readList = [...READ_NAMESPACES].map((n) => `${n}:`).join(", ");
    return stray.map((key) => {
        const namespace = namespaceOf(key);
        const name = key.slice(namespace.length + 1);
        const meant = suggestion(namespace, name, project, settings);
        const hint = meant === undefined ? "" : ` Did you mean ${meant}?`;
        const fix =
            meant === undefined
                ? `move it to ${project}:<setting> if it is one of the blueprint's settings (docs/configuration.md), or remove it: pulumi config rm ${key} --stack ${stack}`
                : `rename it to ${meant} in ${file}`;
        return (
            `${key} in ${file} is in namespace "${namespace}", which nothing in this program reads: the project's settings are in ` +
            `"${project}" (Pulumi.yaml's name), and the providers read ${readList}.${hint} Fix: ${fix}`
        );
    });
}

/** The key `namespace:name` was most likely meant as, when the namespace is a near miss of one that is read. */
function suggestion(namespace: string, name: string, project: string, settings: readonly string[]): string | undefined {
    const meantNamespace = closest(namespace, [project, ...READ_NAMESPACES]);
    if (meantNamespace === undefined) {
        return undefined;
    }
    if (meantNamespace !== project) {
        return `${meantNamespace}:${name}`;
    }
    return `${project}:${settings.includes(name) ? name : (closest(name, settings) ?? name)}`;
}
