import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { runCostCli } from "../../../tools/cost/cli";
import { FALLBACK_REGION } from "../../../tools/cost/prices";
import type { StackPlan } from "../../../tools/plan/run";
import { repositoryRoot, stackConfig } from "../../../tools/plan/run";
import { NO_OPTIONS } from "../../../tools/plan/mocks";
import { FIXTURE_REGION } from "../../helpers/fixtureValues";
import { committedStacks, fixtureRoot } from "../../helpers/stackPlan";
import { BASELINE_REGION, baselineResources } from "./baseline";

function cost(...args: string[]) {
    const tsx = path.join(repositoryRoot, "node_modules", ".bin", "tsx");
    return spawnSync(tsx, [path.join(repositoryRoot, "tools", "cost", "cli.ts"), ...args], { cwd: repositoryRoot, encoding: "utf8", timeout: 60_000 });
}

describe("cost: cli (npm run cost)", () => {
    // The CLI plans the repository's stacks: any one of them will do, whichever a fork kept.
    const stack = committedStacks()[0] ?? "no-committed-stack";

    it("prints a committed stack's estimate in its region, exit 0", () => {
        const run = cost("--stack", stack);
        assert.equal(run.status, 0, run.stderr);
        assert.ok(run.stdout.startsWith(`Cost estimate for stack "${stack}" in ${stackConfig(stack)["aws:region"]}`), run.stdout.split("\n")[0]);
        assert.match(run.stdout, /Total fixed monthly floor: \$\d+\.\d{2}/);
    });

    it("exits 2 and names the stack file when the stack does not exist", () => {
        const missing = `${stack}-missing`;
        const run = cost("--stack", missing);
        assert.equal(run.status, 2);
        assert.ok(run.stderr.includes(`no stack file Pulumi.${missing}.yaml`), run.stderr);
    });
});

describe("cost: cli (runCostCli)", () => {
    const plan: StackPlan = { root: fixtureRoot, project: "app", stack: "small", outputs: {}, resources: baselineResources().map((r) => ({ ...r, inputs: { ...r.inputs }, options: NO_OPTIONS })) };

    async function run(args: string[], p: StackPlan = plan) {
        let stdout = "";
        let stderr = "";
        const code = await runCostCli(args, { planStack: async () => p, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
        return { code, stdout, stderr };
    }

    it("exits 2 with usage when --stack is missing", async () => {
        const { code, stderr } = await run([]);
        assert.equal(code, 2);
        assert.match(stderr, /--stack is required\nusage: npm run cost -- --stack/);
    });

    it("exits 2 on an unknown option or a bad --requests", async () => {
        assert.equal((await run(["--stack", "small", "--bogus"])).code, 2);
        const bad = await run(["--stack", "small", "--requests", "lots"]);
        assert.equal(bad.code, 2);
        assert.match(bad.stderr, /--requests must be a whole number/);
    });

    it("prints JSON with amounts as numbers, and the example at --requests", async () => {
        const { code, stdout } = await run(["--stack", "small", "--json", "--requests", "5000000"]);
        assert.equal(code, 0);
        const json = JSON.parse(stdout) as { stack: string; region: string; fixedMonthlyTotal: number; items: { monthly: number }[]; notPriced: unknown[]; example: { requestsPerMonth: number } };
        assert.equal(json.stack, "small");
        assert.equal(json.region, BASELINE_REGION);
        assert.equal(typeof json.fixedMonthlyTotal, "number");
        assert.ok(json.items.every((i) => typeof i.monthly === "number"));
        assert.deepEqual(json.notPriced, []);
        assert.equal(json.example.requestsPerMonth, 5_000_000);
    });

    it("warns on stderr when the region has no prices, and still exits 0", async () => {
        const elsewhere = { ...plan, resources: plan.resources.map((r) => (r.type === "pulumi:providers:aws" ? { ...r, inputs: { region: FIXTURE_REGION } } : r)) };
        const { code, stderr } = await run(["--stack", "small"], elsewhere);
        assert.equal(code, 0);
        assert.ok(stderr.startsWith(`warning: the price table has no prices for ${FIXTURE_REGION}; using ${FALLBACK_REGION}'s`), stderr);
    });
});
