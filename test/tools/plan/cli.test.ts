import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { FALLBACK_REGION } from "../../../tools/cost/prices";
import { exitCode, runPlanCli } from "../../../tools/plan/cli";
import type { StackPlan } from "../../../tools/plan/run";
import { repositoryRoot, stackConfig } from "../../../tools/plan/run";
import { NO_OPTIONS } from "../../../tools/plan/mocks";
import { committedStacks, fixtureRoot } from "../../helpers/stackPlan";

function plan(...args: string[]) {
    const tsx = path.join(repositoryRoot, "node_modules", ".bin", "tsx");
    return spawnSync(tsx, [path.join(repositoryRoot, "tools", "plan", "cli.ts"), ...args], { cwd: repositoryRoot, encoding: "utf8", timeout: 60_000 });
}

describe("plan: cli (npm run plan)", () => {
    // The CLI plans the repository's own stacks: the first and the last of whatever a fork has
    // (one stack or several), read from the stack files, never assumed.
    const stacks = committedStacks();
    const first = stacks[0] ?? "no-committed-stack";
    const last = stacks.at(-1) ?? first;

    it("prints a table of a committed stack's resources, the preflight, the policy verdict and the cost in its region, exit 0", () => {
        const run = plan("--stack", first);
        assert.equal(run.status, 0, run.stderr);
        assert.ok(run.stdout.startsWith(`Plan for stack "${first}" (offline, under mocks): `), run.stdout.split("\n")[0]);
        assert.match(run.stdout, /^Plan for stack "[^"]+" \(offline, under mocks\): \d+ resources/);
        assert.match(run.stdout, /^aws:rds\/instance:Instance\s+db\s+.*publiclyAccessible=false/m);
        assert.match(run.stdout, /^ {2}readiness-check\s+runs readiness-fn, up to \d+ s: .*holds back: api/m);
        assert.match(run.stdout, /^Preflight: no failures \(\d+ rules, see docs\/preflight\.md\)\.$/m);
        assert.match(run.stdout, /^Policy pack: 0 mandatory/m);
        const cost = run.stdout.trimEnd().split("\n").at(-1)!;
        assert.match(cost, /^Estimated cost: \$\d+\.\d{2} a month fixed floor in .*, prices of \d{4}-\d{2}-\d{2}/);
        assert.ok(cost.includes(` ${stackConfig(first)["aws:region"] ?? FALLBACK_REGION}`), cost);
    });

    it("prints JSON with type, name and inputs per resource, and no secret value", () => {
        const run = plan("--stack", last, "--json");
        assert.equal(run.status, 0, run.stderr);
        const parsed = JSON.parse(run.stdout) as {
            resources: { type: string; name: string; inputs: Record<string, unknown> }[];
            preflight: unknown[];
            deployChecks: { name: string; before: string[] }[];
        };
        assert.deepEqual(parsed.preflight, []);
        assert.ok(parsed.deployChecks.some((c) => c.name === "readiness-check" && c.before.includes("api")), "the readiness check and what it holds back");
        const proxy = parsed.resources.find((r) => r.type === "aws:rds/proxy:Proxy");
        assert.equal(proxy?.inputs.requireTls, true);
        assert.ok(parsed.resources.every((r) => typeof r.type === "string" && typeof r.name === "string" && typeof r.inputs === "object"));
        // Whatever the stack's dbAuth, no password or secret string is printed; redaction itself is covered in format.test.ts.
        assert.ok(!/"(password|secretString)":\s*"(?!\[secret\])/.test(run.stdout), "no secret value printed");
    });

    it("exits 2 and names the stack file when the stack does not exist", () => {
        const missing = `${first}-missing`;
        const run = plan("--stack", missing);
        assert.equal(run.status, 2);
        assert.ok(run.stderr.includes(`no stack file Pulumi.${missing}.yaml`), run.stderr);
    });

    it("exits 2 with usage when --stack is missing", () => {
        const run = plan();
        assert.equal(run.status, 2);
        assert.match(run.stderr, /--stack is required/);
    });
});

describe("plan: cli, preflight verdict (runPlanCli)", () => {
    /** A one-resource plan whose Lambda function AWS would refuse (64 MB is below the minimum). */
    const refusedPlan: StackPlan = {
        root: fixtureRoot,
        project: "app",
        stack: "small",
        outputs: {},
        resources: [{ type: "aws:lambda/function:Function", name: "app-dev-api-fn", inputs: { memorySize: 64 }, options: NO_OPTIONS }],
    };

    async function run(args: string[], plan: StackPlan = refusedPlan) {
        let stdout = "";
        const code = await runPlanCli(args, {
            planStack: async () => plan,
            checkPlan: async () => [],
            stdout: (text) => (stdout += text),
            stderr: () => undefined,
        });
        return { code, stdout };
    }

    it("exits 1 and prints the rule, the resource, what AWS refuses and the fix when the preflight fails", async () => {
        const { code, stdout } = await run(["--stack", "small"]);
        assert.equal(code, 1);
        assert.match(stdout, /^Preflight: 1 failure\(s\) AWS would refuse at deploy time\.$/m);
        assert.match(stdout, /\[lambda-memory-size\] app-dev-api-fn \(aws:lambda\/function:Function\): Lambda memory \(MB\) is 64; AWS accepts a whole number from 128 to 10240\./);
        assert.match(stdout, /Fix: Set the memory between 128 and 10240 MB/);
    });

    it("lists the failures under preflight in --json", async () => {
        const { code, stdout } = await run(["--stack", "small", "--json"]);
        assert.equal(code, 1);
        const parsed = JSON.parse(stdout) as { preflight: { rule: string; resource: string; fix: string }[] };
        assert.deepEqual(
            parsed.preflight.map((f) => [f.rule, f.resource]),
            [["lambda-memory-size", "app-dev-api-fn"]],
        );
    });

    it("ends the text with the estimated monthly floor and adds the estimate to --json, exit code unchanged", async () => {
        const text = await run(["--stack", "small"]);
        assert.equal(text.code, 1);
        assert.match(text.stdout.trimEnd().split("\n").at(-1)!, new RegExp(`^Estimated cost: \\$0\\.00 a month fixed floor in ${FALLBACK_REGION} prices .*npm run cost -- --stack small$`));
        const json = await run(["--stack", "small", "--json"]);
        assert.equal(json.code, 1);
        const parsed = JSON.parse(json.stdout) as { cost: { fixedMonthlyTotal: number; notPriced: unknown[] } };
        assert.equal(parsed.cost.fixedMonthlyTotal, 0);
        assert.deepEqual(parsed.cost.notPriced, []);
    });

    it("keeps exit 0 without failures or mandatory violations, and 1 for a mandatory violation alone", async () => {
        assert.equal((await run(["--stack", "small"], { ...refusedPlan, resources: [] })).code, 0);
        assert.equal(exitCode([], []), 0);
        assert.equal(exitCode([{ enforcementLevel: "advisory" } as never], []), 0);
        assert.equal(exitCode([{ enforcementLevel: "mandatory" } as never], []), 1);
    });
});
