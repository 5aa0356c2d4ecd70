/**
 * The repository on disk for `fork` and `stack:new`: which files it tracks, their text, and writing
 * a list of changes (or showing it, for a dry run).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import type { FileChange, RepositoryFiles } from "./fork";
import { lineDiff } from "./rewrite";

/** Folders never searched or written: dependencies, git's own, the live test's local state. */
const SKIPPED = new Set(["node_modules", ".git", ".pulumi-live"]);

/**
 * The files git tracks and the new files it would track (`git ls-files --cached --others
 * --exclude-standard`: a stack file not committed yet counts), so ignored and generated files are
 * left alone; in a copy without git (a downloaded archive), every file outside the skipped folders.
 */
export function trackedPaths(root: string): string[] {
    try {
        const out = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
        return [...new Set(out.split("\0"))].filter((p) => p !== "" && !p.split("/").some((part) => SKIPPED.has(part))).sort();
    } catch {
        return walk(root, "");
    }
}

function walk(root: string, dir: string): string[] {
    return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
        const rel = dir === "" ? entry.name : `${dir}/${entry.name}`;
        if (SKIPPED.has(entry.name)) {
            return [];
        }
        return entry.isDirectory() ? walk(root, rel) : entry.isFile() ? [rel] : [];
    });
}

/** The repository at `root`: its tracked files, read as UTF-8 text; binary files, links and deleted files read as undefined. */
export function repositoryAt(root: string): RepositoryFiles {
    return {
        paths: trackedPaths(root),
        read(rel) {
            const file = path.join(root, rel);
            let stat: fs.Stats;
            try {
                stat = fs.lstatSync(file);
            } catch {
                return undefined;
            }
            if (!stat.isFile()) {
                return undefined;
            }
            const bytes = fs.readFileSync(file);
            return bytes.includes(0) ? undefined : bytes.toString("utf8");
        },
    };
}

/** Writes the changes (creating folders for new files). */
export function applyChanges(root: string, changes: readonly FileChange[]): void {
    for (const change of changes) {
        const file = path.join(root, change.path);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, change.after);
    }
}

/** A change as a reader checks it: the file, then each changed line with its number (`-` before, `+` after). */
export function formatChange(change: FileChange): string {
    if (change.before === undefined) {
        return [`${change.path} (new file)`, ...change.after.replace(/\n$/, "").split("\n").map((line) => `  + ${line}`)].join("\n");
    }
    const lines = lineDiff(change.before, change.after).flatMap((h) => {
        const number = (i: number) => `  ${h.line + i}: `;
        const pad = (i: number) => " ".repeat(number(i).length);
        // A line changed in place reads best as its before and after one above the other.
        if (h.removed.length === h.added.length) {
            return h.removed.flatMap((line, i) => [`${number(i)}- ${line}`, `${pad(i)}+ ${h.added[i]}`]);
        }
        return [...h.removed.map((line, i) => `${number(i)}- ${line}`), ...h.added.map((line) => `${pad(0)}+ ${line}`)];
    });
    return [change.path, ...lines].join("\n");
}
