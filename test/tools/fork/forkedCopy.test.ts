/**
 * A fork, end to end, in a temporary copy of this repository (its files as git lists them, the
 * dependencies linked): `npm run fork` with another name and region, `npm run stack:new` for a third
 * stack with other switches, every stack planned, and the tests that read the repository's own files
 * run there. It fails when a file of the copy still names the original project, or when the fork had
 * to change a test: the tests describe the blueprint, not this copy of it.
 */
import { strict as assert } from "node:assert";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseDocument } from "yaml";
import { stackRegion, mentions } from "../../../tools/fork/rewrite";
import { trackedPaths } from "../../../tools/fork/repository";
import { projectName, repositoryRoot } from "../../../tools/plan/run";
import { committedStacks } from "../../helpers/stackPlan";

interface Run {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
}

/** Runs a command in the copy; never rejects, the exit code is part of the result. */
function run(cwd: string, file: string, args: readonly string[]): Promise<Run> {
    return new Promise((resolve) => {
        execFile(file, [...args], { cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, FORCE_COLOR: "0" } }, (err, stdout, stderr) => {
            const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
            resolve({ code, stdout, stderr });
        });
    });
}

const tsx = require.resolve("tsx/cli");
const mocha = require.resolve("mocha/bin/mocha.js");

function npmScript(cwd: string, script: string, args: readonly string[]): Promise<Run> {
    return run(cwd, process.execPath, [tsx, script, ...args]);
}

function git(cwd: string, ...args: string[]): Promise<Run> {
    return run(cwd, "git", ["-c", "user.name=fork test", "-c", "user.email=fork-test@example.invalid", "-c", "commit.gpgsign=false", ...args]);
}

function show(result: Run): string {
    return `exit ${result.code}\n--- stdout\n${result.stdout.slice(-6000)}\n--- stderr\n${result.stderr.slice(-6000)}`;
}

/**
 * The part of the suite that reads the repository's own files rather than fixtures: the docs and
 * their links, the README's facts, the generated references, the workflows `stack:new` edits, the
 * config namespaces and the layout. Found by name, so that moving one keeps it in.
 */
function repositoryTests(root: string): string[] {
    return trackedPaths(root).filter(
        (f) =>
            !f.startsWith("test/tools/fork/") &&
            (/^test\/(docs|tools\/docs)\/.+\.test\.ts$/.test(f) || /\/(readme|doc|workflows|namespaces|layout)\.test\.ts$/.test(f)),
    );
}

describe("fork: a forked copy", function () {
    // Planning every stack of the copy takes most of it (about 5-15 s a stack, on a shared machine).
    this.timeout(600_000);

    const original = projectName();
    const stacks = committedStacks();
    const regions = new Set(stacks.map((s) => stackRegion(fs.readFileSync(path.join(repositoryRoot, `Pulumi.${s}.yaml`), "utf8"))));
    // Names and a region this copy does not use already, so that every one of them is a change.
    // A name no file of the repository holds (this one included), so that the fork's changes are all renames.
    const name = `forked-${Math.random().toString(36).replace(/[^a-z]/g, "").slice(0, 8)}`;
    const region = ["ap-southeast-2", "sa-east-1"].find((r) => !regions.has(r))!;
    const newStack = ["qa", "qa-fork"].find((s) => !stacks.includes(s))!;
    let copy = "";

    before(async () => {
        copy = fs.mkdtempSync(path.join(os.tmpdir(), "forked-copy-"));
        for (const rel of trackedPaths(repositoryRoot)) {
            const from = path.join(repositoryRoot, rel);
            if (fs.existsSync(from) && fs.lstatSync(from).isFile()) {
                fs.mkdirSync(path.dirname(path.join(copy, rel)), { recursive: true });
                fs.copyFileSync(from, path.join(copy, rel));
            }
        }
        for (const modules of ["node_modules", "policy/node_modules"]) {
            if (fs.existsSync(path.join(repositoryRoot, modules))) {
                fs.symlinkSync(fs.realpathSync(path.join(repositoryRoot, modules)), path.join(copy, modules), "dir");
            }
        }
        // A repository of its own, so that `git status` shows what each command changed.
        for (const args of [["init", "-q"], ["add", "-A"], ["commit", "-qm", "copy"]]) {
            const result = await git(copy, ...args);
            assert.equal(result.code, 0, show(result));
        }
    });

    after(() => {
        if (copy !== "") {
            fs.rmSync(copy, { recursive: true, force: true });
        }
    });

    async function changedFiles(): Promise<string[]> {
        const status = await git(copy, "status", "--porcelain", "--untracked-files=all");
        return status.stdout
            .split("\n")
            .filter((line) => line.trim() !== "")
            .map((line) => line.slice(3));
    }

    async function commit(message: string): Promise<void> {
        for (const args of [["add", "-A"], ["commit", "-q", "--allow-empty", "-m", message]]) {
            const result = await git(copy, ...args);
            assert.equal(result.code, 0, show(result));
        }
    }

    it(`renames the project and moves every stack to another region, and every stack plans`, async () => {
        const result = await npmScript(copy, "tools/fork/cli.ts", ["--name", name, "--region", region]);
        assert.equal(result.code, 0, show(result));
        for (const stack of stacks) {
            assert.match(result.stdout, new RegExp(`ok +${stack}: `), `${stack} planned\n${show(result)}`);
            assert.equal(stackRegion(fs.readFileSync(path.join(copy, `Pulumi.${stack}.yaml`), "utf8")), region, stack);
        }
        assert.equal(projectName(copy), name);
    });

    it("leaves no file naming the original project", () => {
        // No exceptions: the lockfiles name the root package only, which is renamed, and no dependency
        // carries the project's name.
        const naming = trackedPaths(copy).filter((rel) => {
            const file = path.join(copy, rel);
            if (!fs.lstatSync(file).isFile()) {
                return false;
            }
            const bytes = fs.readFileSync(file);
            return !bytes.includes(0) && mentions(bytes.toString("utf8"), original);
        });
        assert.deepEqual(naming, [], `files still naming "${original}"`);
    });

    it("changed no test: the tests describe the blueprint, not this copy", async () => {
        const changed = await changedFiles();
        await commit("fork");
        // A test that pins the project's name fails in every fork. A test whose fixture merely uses the same
        // string as the project (a fork named like a fixture) is renamed too: give that fixture another string.
        assert.deepEqual(changed.filter((f) => f.startsWith("test/")), [], `the fork renamed "${original}" in these tests`);
    });

    it(`adds a stack ${newStack} from the first committed stack, which plans`, async () => {
        await commit("fork");
        const from = stacks[0]!;
        const result = await npmScript(copy, "tools/fork/stackNewCli.ts", [newStack, "--from", from]);
        assert.equal(result.code, 0, show(result));
        assert.match(result.stdout, new RegExp(`ok +${newStack}: `), show(result));
        const created = await changedFiles();
        assert.ok(created.includes(`Pulumi.${newStack}.yaml`) && created.includes(`policy/config/${newStack}.json`), created.join(", "));
    });

    it(`plans every stack, ${newStack} with events off, secret database auth and an open API, and fork renames nothing more`, async () => {
        const stackFile = path.join(copy, `Pulumi.${newStack}.yaml`);
        const doc = parseDocument(fs.readFileSync(stackFile, "utf8"));
        doc.setIn(["config", `${name}:events`], false);
        doc.setIn(["config", `${name}:dbAuth`], "secret");
        doc.setIn(["config", `${name}:apiAuth`], "none");
        fs.writeFileSync(stackFile, doc.toString());
        // An open API is for throwaway stacks: the pack refuses it unless the stack's policy config
        // makes the rule advisory, as a forker would for this stack (docs/fork.md).
        const policyFile = path.join(copy, "policy", "config", `${newStack}.json`);
        const policy = JSON.parse(fs.readFileSync(policyFile, "utf8")) as Record<string, unknown>;
        fs.writeFileSync(policyFile, `${JSON.stringify({ ...policy, "disallow-unauthorized-api-routes": "advisory" }, null, 2)}\n`);
        await commit(newStack);

        const result = await npmScript(copy, "tools/fork/cli.ts", ["--name", name, "--region", region]);
        assert.equal(result.code, 0, show(result));
        assert.match(result.stdout, /nothing to change/, show(result));
        for (const stack of [...stacks, newStack]) {
            assert.match(result.stdout, new RegExp(`ok +${stack}: `), `${stack} planned\n${show(result)}`);
        }
        // The rename is done already; only the cost tables follow the new stack's settings.
        const generated = (await changedFiles()).filter((f) => !["README.md", "docs/stack-costs.md"].includes(f));
        assert.deepEqual(generated, [], "running fork again renames nothing more");
    });

    it("passes the tests that read the repository's own files", async () => {
        const tests = repositoryTests(copy);
        assert.ok(tests.length >= 5, `too few tests read the repository's files: ${tests.join(", ")}`);
        const result = await run(copy, process.execPath, [mocha, "--no-config", "-r", "tsx/cjs", "--extension", "ts", "--timeout", "120000", ...tests]);
        assert.equal(result.code, 0, show(result));
    });
});
