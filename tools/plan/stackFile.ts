import * as fs from "node:fs";
import * as path from "node:path";
import { YAMLError, parse } from "yaml";
import { ConfigError } from "../../infra/config";

/**
 * Reads one of the project's YAML files, refusing a syntax error with a message that names the file and the line, as a
 * ConfigError: the plan CLI prints those without a stack trace.
 */
function readYaml(file: string, root: string): unknown {
    const shown = path.relative(root, file) || file;
    try {
        return parse(fs.readFileSync(file, "utf8"));
    } catch (err) {
        if (!(err instanceof YAMLError)) {
            throw err;
        }
        const where = err.linePos?.[0] ? ` at line ${err.linePos[0].line}, column ${err.linePos[0].col}` : "";
        const what = err.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
        const problem = `${shown} is not valid YAML${where}: ${what}. Fix: correct the file (an indentation or quoting slip, most often)`;
        throw new ConfigError(problem, [problem]);
    }
}

/** The project name from Pulumi.yaml: the namespace of the project's config keys. */
export function projectName(root: string): string {
    const file = path.join(root, "Pulumi.yaml");
    const project = (readYaml(file, root) ?? {}) as { name?: unknown };
    if (typeof project.name !== "string") {
        const problem = `Pulumi.yaml has no project name. Fix: add a line "name: <project>" to ${file}`;
        throw new ConfigError(problem, [problem]);
    }
    return project.name;
}

/**
 * The project-level settings of Pulumi.yaml's `config:` block, which the Pulumi CLI applies to every stack under the
 * stack file's own (https://www.pulumi.com/docs/iac/concepts/config/): a key of another
 * namespace carries its value under `value:` (the CLI refuses it otherwise, sdk/go/common/workspace/project.go), a key
 * of the project's may be a bare value or declare a `default:`; a key without a namespace is the project's.
 * Values encoded as {@link stackConfig}'s.
 */
export function projectConfig(root: string): Record<string, string> {
    const project = projectName(root);
    const doc = (readYaml(path.join(root, "Pulumi.yaml"), root) ?? {}) as { config?: unknown };
    if (typeof doc.config !== "object" || doc.config === null || Array.isArray(doc.config)) {
        return {};
    }
    const values: Record<string, string> = {};
    for (const [key, declared] of Object.entries(doc.config as Record<string, unknown>)) {
        const spec = typeof declared === "object" && declared !== null && !Array.isArray(declared) ? (declared as { value?: unknown; default?: unknown }) : undefined;
        const value = spec === undefined ? declared : (spec.value ?? spec.default);
        if (value !== undefined) {
            values[key.includes(":") ? key : `${project}:${key}`] = typeof value === "string" ? value : JSON.stringify(value);
        }
    }
    return values;
}

/** A stack file's settings as the Pulumi CLI hands them to the program, and which of them are secrets. */
export interface StackFile {
    /** Every value a string, structured YAML values (numbers, booleans, lists, maps) JSON-encoded; keys as written, namespace included. */
    readonly config: Record<string, string>;
    /**
     * The keys set with `--secret`, stored as `key: { secure: <ciphertext> }`. Offline there is no key to decrypt them:
     * their value here is the ciphertext, marked secret so the program treats it as the CLI would a secret.
     */
    readonly secretKeys: string[];
}

/** A stack's config as the Pulumi CLI hands it to the program (see {@link StackFile}). */
export function stackConfig(stack: string, root: string): Record<string, string> {
    return readStackFile(stack, root).config;
}

/** A stack file's settings and its secret keys. */
export function readStackFile(stack: string, root: string): StackFile {
    const file = path.join(root, `Pulumi.${stack}.yaml`);
    if (!fs.existsSync(file)) {
        // The plan CLI recognises this message (tools/plan/cli.ts) and prints it without a stack trace.
        throw new Error(`no stack file ${path.relative(root, file)}: create it or pick one of the existing stacks`);
    }
    const doc = readYaml(file, root) ?? {};
    const config = typeof doc === "object" && !Array.isArray(doc) ? (doc as { config?: unknown }).config : undefined;
    if (config !== undefined && config !== null && (typeof config !== "object" || Array.isArray(config))) {
        const problem = `${path.relative(root, file)}: "config" must be a map of keys to values (got ${Array.isArray(config) ? "a list" : typeof config}). Fix: indent each setting under "config:" as "<namespace>:<key>: <value>"`;
        throw new ConfigError(problem, [problem]);
    }
    const values: Record<string, string> = {};
    const secretKeys: string[] = [];
    for (const [key, value] of Object.entries((config ?? {}) as Record<string, unknown>)) {
        const secure = isSecure(value) ? value.secure : undefined;
        if (secure !== undefined) {
            secretKeys.push(key);
        }
        values[key] = secure ?? (typeof value === "string" ? value : JSON.stringify(value));
    }
    return { config: values, secretKeys };
}

/** How the Pulumi CLI writes a secret into a stack file: a map whose only key is `secure`. */
function isSecure(value: unknown): value is { secure: string } {
    return typeof value === "object" && value !== null && Object.keys(value).length === 1 && typeof (value as { secure?: unknown }).secure === "string";
}
