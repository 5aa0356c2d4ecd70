import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { repositoryRoot } from "../../../tools/plan/run";
import { committedStacks } from "../../helpers/stackPlan";

const tsx = path.join(repositoryRoot, "node_modules", ".bin", "tsx");
const cliMain = path.join(repositoryRoot, "tools", "lib", "cliMain.ts");

/**
 * Runs a command with its stdout piped through `cat` by a shell, as in `npm run plan -- --json | jq`: a shell pipe
 * is what process.exit() truncates at 64 KiB (a child_process pipe is read differently and hides it).
 */
function throughShellPipe(command: readonly string[]) {
    const quoted = command.map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(" ");
    return spawnSync("bash", ["-o", "pipefail", "-c", `${quoted} | cat`], { cwd: repositoryRoot, encoding: "utf8", timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
}

/** Runs a one-line CLI built on runCli. */
function runScript(body: string) {
    return throughShellPipe([tsx, "-e", `const { runCli } = require(${JSON.stringify(cliMain)}); ${body}`]);
}

describe("tools: cliMain (runCli)", () => {
    it("lets a large write drain through a pipe before the process ends, with the CLI's exit code", () => {
        // Four times a Linux pipe's 64 KiB buffer: process.exit() after the write would cut it short.
        const size = 256 * 1024 + 17;
        const run = runScript(`void runCli(async () => { process.stdout.write("x".repeat(${size})); return 3; });`);
        assert.equal(run.stdout.length, size);
        assert.equal(run.status, 3);
    });

    it("prints a user's error without a stack trace and exits 2", () => {
        const run = runScript(`void runCli(async () => { const e = new Error("no stack file Pulumi.nope.yaml"); throw e; });`);
        assert.equal(run.status, 2);
        assert.equal(run.stderr.trim(), "no stack file Pulumi.nope.yaml");
    });

    it("prints the stack of an unexpected error, with the exit code given for it", () => {
        const run = runScript(`void runCli(async () => { throw new TypeError("boom"); }, undefined, 1);`);
        assert.equal(run.status, 1);
        assert.match(run.stderr, /TypeError: boom\n\s+at /);
    });

    it("gives `npm run plan -- --json` output that parses whole through a pipe", function () {
        this.timeout(120_000);
        const [stack] = committedStacks();
        assert.ok(stack, "the repository has no stack file");
        const run = throughShellPipe([tsx, path.join(repositoryRoot, "tools", "plan", "cli.ts"), "--stack", stack, "--json", "--no-policy"]);
        assert.ok(run.stdout.length > 64 * 1024, `the JSON plan is only ${run.stdout.length} bytes: too small to show truncation`);
        const parsed = JSON.parse(run.stdout) as { stack: string; resources: unknown[] };
        assert.equal(parsed.stack, stack);
        assert.ok(parsed.resources.length > 0);
    });
});
