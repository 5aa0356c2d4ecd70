import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { repositoryRoot } from "../../../tools/plan/run";
import { committedStacks } from "../../helpers/stackPlan";

/** The CLI with a controlled environment: no passphrase, token or credentials unless given. */
function live(args: string[], env: Record<string, string> = {}) {
    const tsx = path.join(repositoryRoot, "node_modules", ".bin", "tsx");
    return spawnSync(tsx, [path.join(repositoryRoot, "tools", "live", "cli.ts"), ...args], {
        cwd: repositoryRoot,
        encoding: "utf8",
        timeout: 60_000,
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    });
}

/** The CLI runs against the repository: any of its stacks will do, whichever a fork kept. */
const stack = committedStacks()[0] ?? "no-committed-stack";

const stackFiles = () => fs.readdirSync(repositoryRoot).filter((f) => /^Pulumi\..*\.yaml$/.test(f)).sort();

describe("live: cli (npm run test:live)", function () {
    this.timeout(120_000);

    it("exits 2 with usage when --stack is missing", () => {
        const run = live([]);
        assert.equal(run.status, 2, run.stderr);
        assert.match(run.stderr, /--stack is required\nusage: npm run test:live -- --stack/);
    });

    it("exits 2 on an unknown option", () => {
        const run = live(["--stack", stack, "--keep"]);
        assert.equal(run.status, 2, run.stderr);
        assert.match(run.stderr, /Unknown option '--keep'/);
    });

    it("exits 2 and names the file when the stack does not exist", () => {
        const missing = `${stack}-missing`;
        const run = live(["--stack", missing], { PULUMI_CONFIG_PASSPHRASE: "x" });
        assert.equal(run.status, 2, run.stderr);
        assert.ok(run.stderr.includes(`no stack file Pulumi.${missing}.yaml`), run.stderr);
    });

    it("exits 2 without PULUMI_CONFIG_PASSPHRASE, before touching any stack file", () => {
        const before = stackFiles();
        const run = live(["--stack", stack]);
        assert.equal(run.status, 2, run.stderr);
        assert.match(run.stderr, /PULUMI_CONFIG_PASSPHRASE is not set/);
        assert.deepEqual(stackFiles(), before);
    });

    describe("with the passphrase set", () => {
        let home: string;
        // An empty home and no instance metadata: the AWS credential chain finds nothing, quickly.
        const noAws = () => ({
            PULUMI_CONFIG_PASSPHRASE: "x",
            HOME: home,
            AWS_EC2_METADATA_DISABLED: "true",
            AWS_CONFIG_FILE: path.join(home, "config"),
            AWS_SHARED_CREDENTIALS_FILE: path.join(home, "credentials"),
        });
        before(() => {
            home = fs.mkdtempSync(path.join(os.tmpdir(), "live-cli-"));
        });
        after(() => fs.rmSync(home, { recursive: true, force: true }));

        it("exits 2 without AWS credentials, before creating a stack", () => {
            const before = stackFiles();
            const run = live(["--stack", stack], noAws());
            assert.equal(run.status, 2, run.stderr);
            assert.match(run.stderr, /no AWS credentials/);
            assert.deepEqual(stackFiles(), before);
        });

        it("exits 2 when the Pulumi CLI is not installed", () => {
            // Only node's own directory on PATH: tsx runs, `pulumi` is not found.
            const run = live(["--stack", stack], {
                ...noAws(),
                PATH: path.dirname(process.execPath),
                AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
                AWS_SECRET_ACCESS_KEY: "not-a-real-secret",
            });
            assert.equal(run.status, 2, run.stderr);
            assert.match(run.stderr, /cannot run the Pulumi CLI: `pulumi` is not on PATH; install it: https:\/\/www\.pulumi\.com\/docs\/install\//);
        });
    });
});
