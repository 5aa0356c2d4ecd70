import { strict as assert } from "node:assert";
import { fixtureRoot } from "../../helpers/stackPlan";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { runCostCli } from "../../../tools/cost/cli";
import type { StackPlan } from "../../../tools/plan/run";
import { repositoryRoot } from "../../../tools/plan/run";
import { NO_OPTIONS } from "../../../tools/plan/mocks";
import { baselineResources } from "./baseline";

function cost(...args: string[]) {
    const tsx = path.join(repositoryRoot, "node_modules", ".bin", "tsx");
    return spawnSync(tsx, [path.join(repositoryRoot, "tools", "cost", "cli.ts"), ...args], { cwd: repositoryRoot, encoding: "utf8", timeout: 60_000 });
}

describe("cost: cli (npm run cost)", () => {
    it("prints the dev stack's estimate, exit 0", () => {
        const run = cost("--stack", "dev");
        assert.equal(run.status, 0, run.stderr);
        assert.match(run.stdout, /^Cost estimate for stack "dev" in eu-west-1/);
        assert.match(run.stdout, /Total fixed monthly floor: \$\d+\.\d{2}/);
    });

    it("exits 2 and names the stack file when the stack does not exist", () => {
        const run = cost("--stack", "staging");
        assert.equal(run.status, 2);
        assert.match(run.stderr, /no stack file Pulumi\.staging\.yaml/);
    });
});

describe("cost: cli (runCostCli)", () => {
    const plan: StackPlan = { root: fixtureRoot, project: "app", stack: "dev", outputs: {}, resources: baselineResources().map((r) => ({ ...r, inputs: { ...r.inputs }, options: NO_OPTIONS })) };

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
        assert.equal((await run(["--stack", "dev", "--bogus"])).code, 2);
        const bad = await run(["--stack", "dev", "--requests", "lots"]);
        assert.equal(bad.code, 2);
        assert.match(bad.stderr, /--requests must be a whole number/);
    });

    it("prints JSON with amounts as numbers, and the example at --requests", async () => {
        const { code, stdout } = await run(["--stack", "dev", "--json", "--requests", "5000000"]);
        assert.equal(code, 0);
        const json = JSON.parse(stdout) as { stack: string; region: string; fixedMonthlyTotal: number; items: { monthly: number }[]; notPriced: unknown[]; example: { requestsPerMonth: number } };
        assert.equal(json.stack, "dev");
        assert.equal(json.region, "eu-west-1");
        assert.equal(typeof json.fixedMonthlyTotal, "number");
        assert.ok(json.items.every((i) => typeof i.monthly === "number"));
        assert.deepEqual(json.notPriced, []);
        assert.equal(json.example.requestsPerMonth, 5_000_000);
    });

    it("warns on stderr when the region has no prices, and still exits 0", async () => {
        const elsewhere = { ...plan, resources: plan.resources.map((r) => (r.type === "pulumi:providers:aws" ? { ...r, inputs: { region: "eu-central-2" } } : r)) };
        const { code, stderr } = await run(["--stack", "dev"], elsewhere);
        assert.equal(code, 0);
        assert.match(stderr, /^warning: the price table has no prices for eu-central-2; using us-east-1's/);
    });
});
