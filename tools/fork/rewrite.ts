/**
 * The text rewrites `fork` and `stack:new` make, as pure functions from a file's text to its new
 * text: no file system, so each is tested on fixtures of its own. Every rewrite keeps the rest of the
 * file byte for byte (comments, quoting, order), which a parse-and-serialise round trip would not.
 */
import { isMap, isScalar, parseDocument, type Pair, type Scalar, type YAMLMap } from "yaml";

/** Characters that continue a name: an occurrence of the old name next to one of them is another word. */
const WORD = "A-Za-z0-9_";

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Where `name` stands as a name of its own in a text: not inside a longer word, so that renaming
 * `acme` leaves `acmes` alone but renames `acme:tags`, `acme-dev-db` and `alias/acme-prod`.
 */
export function namePattern(...names: string[]): RegExp {
    // Longest first, so that of two names where one starts the other the longer one wins.
    const alternatives = [...names].sort((a, b) => b.length - a.length).map(escapeRegExp);
    return new RegExp(`(?<![${WORD}])(?:${alternatives.join("|")})(?![${WORD}])`, "g");
}

/** Whether `text` names `name` (as {@link namePattern} finds it). */
export function mentions(text: string, name: string): boolean {
    return namePattern(name).test(text);
}

/**
 * Every occurrence of the name `from` (or of any of several names) replaced by `to`, in one pass:
 * a replacement is never renamed again, even when `to` contains one of the names.
 */
export function renameInText(text: string, from: string | readonly string[], to: string): string {
    const names = (typeof from === "string" ? [from] : [...from]).filter((n) => n !== "" && n !== to);
    if (names.length === 0) {
        return text;
    }
    return text.replace(namePattern(...names), () => to);
}

/**
 * An npm package name for a project name: npm refuses capital letters in new package names
 * (npm/validate-npm-package-name: "name can no longer contain capital letters"), Pulumi allows them.
 */
export function npmName(name: string): string {
    return name.toLowerCase();
}

/**
 * A package.json renamed: the project name replaced everywhere in it, and the package's own `name`
 * made a valid npm name. Other fields (dependencies) never carry the project name.
 */
export function renamePackageManifest(text: string, from: string | readonly string[], to: string): string {
    const renamed = renameInText(text, from, to);
    return renamed.replace(/^(\s*"name"\s*:\s*)"([^"]*)"/m, (_, head: string, value: string) => `${head}${JSON.stringify(npmName(value))}`);
}

/** The `name` field of a package.json, if any. */
export function packageName(text: string): string | undefined {
    const name = (JSON.parse(text) as { name?: unknown }).name;
    return typeof name === "string" ? name : undefined;
}

/**
 * A package-lock.json whose root package is now called `name`: only the two places npm writes the
 * root's name (the top-level `name` and `packages[""].name`); the dependency entries stay untouched.
 */
export function renameLockfile(text: string, name: string): string {
    const lock = JSON.parse(text) as { name?: string; packages?: Record<string, { name?: string }> };
    const quoted = JSON.stringify(name);
    let result = text.replace(/^(\{\s*"name"\s*:\s*)"[^"]*"/, (_, head: string) => `${head}${quoted}`);
    result = result.replace(/("packages"\s*:\s*\{\s*""\s*:\s*\{\s*"name"\s*:\s*)"[^"]*"/, (_, head: string) => `${head}${quoted}`);
    // The edit must have changed exactly the root's names: anything else means an unexpected layout.
    const expected = JSON.stringify({ ...lock, name, packages: lock.packages && { ...lock.packages, "": { ...lock.packages[""], name } } });
    const after = JSON.parse(result) as typeof lock;
    const hasRoot = lock.packages?.[""]?.name !== undefined;
    const got = JSON.stringify({ ...after, packages: after.packages && { ...after.packages, "": { ...after.packages[""], name } } });
    if (after.name !== name || (hasRoot && after.packages?.[""]?.name !== name) || got !== expected) {
        throw new Error(`the lockfile's root package name could not be changed in place; run \`npm install\` after the rename instead`);
    }
    return result;
}

/** The `config:` map of a stack file, if it has one. */
function configMap(doc: ReturnType<typeof parseDocument>): YAMLMap | undefined {
    const config = doc.get("config", true);
    return isMap(config) ? config : undefined;
}

function keyOf(pair: Pair): string | undefined {
    return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

/** A stack file's text parsed, or a message naming the file and the YAML error. */
function parseStackFile(text: string, file: string) {
    const doc = parseDocument(text);
    if (doc.errors.length > 0) {
        throw new Error(`${file}: not valid YAML (${doc.errors[0]!.message.split("\n")[0]}); fix it before running this command`);
    }
    if (doc.contents !== null && !isMap(doc.contents)) {
        throw new Error(`${file}: a stack file is a map with a \`config\` key; fix it before running this command`);
    }
    return doc;
}

/** Where the line holding `offset` starts, and its indentation. */
function lineAt(text: string, offset: number): { start: number; end: number; indent: string } {
    const start = text.lastIndexOf("\n", offset - 1) + 1;
    const newline = text.indexOf("\n", offset);
    return { start, end: newline === -1 ? text.length : newline, indent: /^[ \t]*/.exec(text.slice(start))![0] };
}

/**
 * A stack file with `aws:region` set to `region`: the value replaced where it is, or a first line
 * under `config:` when the file has none (with the indentation of the keys already there).
 */
export function setStackRegion(text: string, region: string, file = "stack file"): string {
    const doc = parseStackFile(text, file);
    const configPair = isMap(doc.contents) ? doc.contents.items.find((p) => keyOf(p) === "config") : undefined;
    if (!configPair) {
        const separator = text === "" || text.endsWith("\n") ? "" : "\n";
        return `${text}${separator}config:\n  aws:region: ${region}\n`;
    }
    const config = configPair.value;
    const empty = config === null || (isScalar(config) && config.value === null) || (isMap(config) && config.items.length === 0);
    if (empty) {
        // `config:` or `config: {}`: that line becomes a block map holding the region.
        const line = lineAt(text, (configPair.key as Scalar).range![0]);
        return `${text.slice(0, line.start)}${line.indent}config:\n${line.indent}  aws:region: ${region}${text.slice(line.end)}`;
    }
    if (!isMap(config) || config.flow) {
        throw new Error(`${file}: \`config\` must be a map written one key per line; fix it before running this command`);
    }
    const pair = config.items.find((p) => keyOf(p) === "aws:region");
    if (pair && isScalar(pair.value)) {
        if (pair.value.value === region) {
            return text;
        }
        const [start, end] = pair.value.range!;
        return `${text.slice(0, start)}${region}${text.slice(end)}`;
    }
    // Right under `config:`, indented like the first key.
    const indent = lineAt(text, (config.items[0]!.key as Scalar).range![0]).indent;
    const at = lineAt(text, (configPair.key as Scalar).range![0]).end + 1;
    return `${text.slice(0, at)}${indent}aws:region: ${region}\n${text.slice(at)}`;
}

/** `aws:region` of a stack file, if set. */
export function stackRegion(text: string, file = "stack file"): string | undefined {
    const config = configMap(parseStackFile(text, file));
    const value = config?.get("aws:region");
    return typeof value === "string" ? value : undefined;
}

/**
 * A stack file copied for a new stack: values of the project's `tags` map that name the source
 * stack (`environment: dev`) name the new one, everything else stays as it was.
 */
export function retagStackFile(text: string, project: string, from: string, to: string, file = "stack file"): string {
    const config = configMap(parseStackFile(text, file));
    const tags = config?.items.find((p) => keyOf(p) === `${project}:tags`)?.value;
    if (!isMap(tags)) {
        return text;
    }
    const edits = tags.items
        .map((p) => p.value)
        .filter((v): v is Scalar => isScalar(v) && v.value === from)
        .map((v) => v.range!)
        .sort((a, b) => b[0] - a[0]);
    let result = text;
    for (const [start, end] of edits) {
        result = `${result.slice(0, start)}${to}${result.slice(end)}`;
    }
    return result;
}

/** One changed region of a file: lines removed and lines added at a 1-based line of the old text. */
export interface Hunk {
    readonly line: number;
    readonly removed: readonly string[];
    readonly added: readonly string[];
}

/**
 * The changed lines between two texts, for a dry run and for the summary of what was written: a
 * longest-common-subsequence diff of the lines between the common head and tail.
 */
export function lineDiff(before: string, after: string): Hunk[] {
    const a = before.split("\n");
    const b = after.split("\n");
    let head = 0;
    while (head < a.length && head < b.length && a[head] === b[head]) {
        head++;
    }
    let tail = 0;
    while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) {
        tail++;
    }
    const x = a.slice(head, a.length - tail);
    const y = b.slice(head, b.length - tail);
    // lcs[i][j]: length of the longest common subsequence of x[i..] and y[j..].
    const width = y.length + 1;
    const lcs = new Uint32Array((x.length + 1) * width);
    for (let i = x.length - 1; i >= 0; i--) {
        for (let j = y.length - 1; j >= 0; j--) {
            lcs[i * width + j] = x[i] === y[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
        }
    }
    const hunks: Hunk[] = [];
    let current: { line: number; removed: string[]; added: string[] } | undefined;
    const flush = () => {
        if (current) {
            hunks.push(current);
            current = undefined;
        }
    };
    let i = 0;
    let j = 0;
    while (i < x.length || j < y.length) {
        if (i < x.length && j < y.length && x[i] === y[j]) {
            flush();
            i++;
            j++;
        } else if (j < y.length && (i === x.length || lcs[i * width + j + 1]! >= lcs[(i + 1) * width + j]!)) {
            current ??= { line: head + i + 1, removed: [], added: [] };
            current.added.push(y[j]!);
            j++;
        } else {
            current ??= { line: head + i + 1, removed: [], added: [] };
            current.removed.push(x[i]!);
            i++;
        }
    }
    flush();
    return hunks;
}
