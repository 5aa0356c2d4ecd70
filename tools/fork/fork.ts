/**
 * What `npm run fork` changes, computed without writing: the project's new name in every file that
 * names it, and the region of every stack. The caller shows the changes (dry run) or writes them.
 */
import { parse } from "yaml";
import { READ_NAMESPACES } from "../../infra/config/namespaces";
import { awsNameProblems, pulumiNameProblem, regionProblem } from "./names";
import { packageName, renameInText, renameLockfile, renamePackageManifest, setStackRegion } from "./rewrite";

/** The files of a repository as the tools see them: paths relative to its root, `/`-separated. */
export interface RepositoryFiles {
    readonly paths: readonly string[];
    /** The text of a file, or undefined for a binary file, a symbolic link or a missing file. */
    read(path: string): string | undefined;
}

/** One file's text before and after. */
export interface FileChange {
    readonly path: string;
    /** Undefined for a file the command creates. */
    readonly before: string | undefined;
    readonly after: string;
}

export interface ForkRequest {
    readonly name: string;
    readonly region?: string;
}

export interface ForkPlan {
    /** The project name before the fork (Pulumi.yaml's `name`). */
    readonly from: string;
    /**
     * An older name the stack files still use: Pulumi.yaml was renamed by hand and a stack file's
     * settings were not (renamed too, so that the fork repairs that state).
     */
    readonly stale?: string;
    readonly to: string;
    readonly stacks: readonly string[];
    readonly changes: readonly FileChange[];
}

/** A mistake in what the user asked for: reported as is, exit code 2. */
export class RefusedError extends Error {
    constructor(readonly problems: readonly string[]) {
        super(problems.join("\n"));
        this.name = "RefusedError";
    }
}

const STACK_FILE = /^Pulumi\.(.+)\.yaml$/;

/** The committed stacks: `Pulumi.<stack>.yaml` at the root, without the live test's throwaway stacks. */
export function stacksOf(files: RepositoryFiles): string[] {
    return files.paths
        .map((p) => STACK_FILE.exec(p)?.[1])
        .filter((s): s is string => s !== undefined && !s.includes("/") && !/-live-/.test(s))
        .sort();
}

/** Pulumi.yaml's `name`: the project, and the namespace of its config keys. */
export function projectOf(files: RepositoryFiles): string {
    const text = files.read("Pulumi.yaml");
    if (text === undefined) {
        throw new RefusedError(["no Pulumi.yaml at the repository's root: run this command in a copy of the blueprint"]);
    }
    const name = (parse(text) as { name?: unknown } | null)?.name;
    if (typeof name !== "string" || name === "") {
        throw new RefusedError(["Pulumi.yaml has no `name`: add the project's name (`name: my-project`) and run this command again"]);
    }
    return name;
}

/**
 * The namespace of a stack file whose settings all sit in one namespace that is neither the project's
 * nor one a provider reads: the project's previous name, when Pulumi.yaml alone was renamed. The plan
 * and `pulumi up` refuse such a stack (infra/config/namespaces.ts); `fork` renames it.
 */
export function staleNamespace(files: RepositoryFiles, project: string, stacks: readonly string[]): string | undefined {
    const read = new Set<string>([project, ...READ_NAMESPACES]);
    const candidates = new Set<string>();
    for (const stack of stacks) {
        const text = files.read(`Pulumi.${stack}.yaml`);
        let config: unknown;
        try {
            config = text === undefined ? undefined : (parse(text) as { config?: unknown } | null)?.config;
        } catch {
            continue; // An unreadable stack file is the plan's to report.
        }
        const namespaces = Object.keys(config && typeof config === "object" ? config : {}).map((k) => (k.includes(":") ? k.slice(0, k.indexOf(":")) : ""));
        const own = namespaces.filter((n) => !READ_NAMESPACES.includes(n as (typeof READ_NAMESPACES)[number]));
        const others = [...new Set(own.filter((n) => !read.has(n) && n !== ""))];
        if (others.length === 1 && !own.includes(project)) {
            candidates.add(others[0]!);
        }
    }
    return candidates.size === 1 ? [...candidates][0] : undefined;
}

/** Why the request cannot be carried out, one sentence each; empty when it can. */
export function forkProblems(request: ForkRequest, stacks: readonly string[]): string[] {
    const problems: string[] = [];
    const name = pulumiNameProblem("project", request.name);
    if (name) {
        problems.push(name);
    } else {
        problems.push(...awsNameProblems(request.name, stacks));
    }
    if (request.region !== undefined) {
        const region = regionProblem(request.region);
        if (region) {
            problems.push(region);
        }
    }
    return problems;
}

function parentOf(path: string): string {
    const slash = path.lastIndexOf("/");
    return slash === -1 ? "" : path.slice(0, slash + 1);
}

/**
 * The changes `fork` makes: in every text file, the old project name where it stands as a name of
 * its own (Pulumi.yaml's `name`, the stack files' config namespaces, the policy pack's name, docs,
 * comments, CI files); package.json names made valid npm names; in each lockfile only the root
 * package's name; and `aws:region` in every stack file when a region is given. Running it again with
 * the same request changes nothing. Throws RefusedError when the request is refused.
 */
export function planFork(files: RepositoryFiles, request: ForkRequest): ForkPlan {
    const from = projectOf(files);
    const stacks = stacksOf(files);
    const problems = forkProblems(request, stacks);
    if (problems.length > 0) {
        throw new RefusedError(problems);
    }
    const to = request.name;
    const stale = staleNamespace(files, from, stacks);
    const names = stale === undefined ? [from] : [from, stale];
    const changes: FileChange[] = [];
    const renamed = new Map<string, string>();
    const lockfiles: string[] = [];
    for (const path of files.paths) {
        const before = files.read(path);
        if (before === undefined || path.startsWith("node_modules/") || path.includes("/node_modules/") || isTest(path)) {
            continue;
        }
        const base = path.slice(parentOf(path).length);
        if (base === "package-lock.json") {
            // After the package.json next to it, whose new name it takes.
            lockfiles.push(path);
            continue;
        }
        let after = base === "package.json" ? renamePackageManifest(before, names, to) : renameInText(before, names, to);
        if (request.region !== undefined && stacks.some((s) => path === `Pulumi.${s}.yaml`)) {
            after = setStackRegion(after, request.region, path);
        }
        renamed.set(path, after);
        if (after !== before) {
            changes.push({ path, before, after });
        }
    }
    for (const path of lockfiles) {
        const before = files.read(path)!;
        const manifest = renamed.get(`${parentOf(path)}package.json`);
        const name = manifest === undefined ? undefined : packageName(manifest);
        const after = name === undefined || name === packageName(before) ? before : renameLockfile(before, name);
        if (after !== before) {
            changes.push({ path, before, after });
        }
    }
    return { from, stale, to, stacks, changes: changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
}

/**
 * Tests describe the blueprint, not this copy: they name no project (test/tools/fork/forkedCopy.test.ts checks it),
 * so a fork has nothing to change there, and must not rewrite a fixture string that happens to spell the old name.
 */
function isTest(path: string): boolean {
    return path.startsWith("test/");
}
