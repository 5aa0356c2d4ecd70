import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";

interface Step {
    uses?: string;
    run?: string;
    with?: Record<string, unknown>;
    env?: Record<string, string>;
}
interface Job {
    if?: string;
    needs?: string | string[];
    environment?: string;
    permissions?: Record<string, string>;
    steps: Step[];
}
interface Workflow {
    on: Record<string, unknown>;
    env?: Record<string, string>;
    permissions?: Record<string, string>;
    jobs: Record<string, Job>;
}

const DIR = path.join(__dirname, "..", "..", ".github", "workflows");
const load = (name: string) => ({ text: fs.readFileSync(path.join(DIR, name), "utf8"), workflow: parse(fs.readFileSync(path.join(DIR, name), "utf8")) as Workflow });
const runs = (job: Job) => job.steps.map((s) => s.run ?? "").join("\n");

describe("workflows: policy checks in CI", () => {
    it("checks.yml runs npm ci, npm test and the plan of dev and prod on pull requests without cloud access", () => {
        const { text, workflow } = load("checks.yml");
        assert.ok("pull_request" in workflow.on);
        assert.deepEqual(workflow.permissions, { contents: "read" });
        const all = Object.values(workflow.jobs).map(runs).join("\n");
        assert.match(all, /npm ci/);
        assert.match(all, /^npm test$/m);
        assert.match(all, /npm run plan -- --stack \$\{\{ matrix\.stack \}\}/);
        assert.match(text, /stack: \[dev, prod\]/);
        assert.doesNotMatch(text, /configure-aws-credentials|id-token/);
    });

    it("deploy.yml previews with the policy pack on pull requests and deploys main with OIDC, prod behind an environment", () => {
        const { text, workflow } = load("deploy.yml");
        const { preview, "up-dev": upDev, "up-prod": upProd } = workflow.jobs;
        assert.ok(preview && upDev && upProd);
        assert.match(preview.if ?? "", /pull_request/);
        for (const job of [preview, upDev, upProd]) {
            assert.equal(job.permissions?.["id-token"], "write");
            const aws = job.steps.find((s) => s.uses?.startsWith("aws-actions/configure-aws-credentials@"));
            assert.ok(aws?.with?.["role-to-assume"], "assumes a role through OIDC");
            const pulumi = job.steps.find((s) => s.uses?.startsWith("pulumi/actions@"));
            assert.equal(pulumi?.with?.policyPacks, "policy");
            assert.match(String(pulumi?.with?.policyPackConfigs), /^policy\/config\//);
        }
        assert.equal(upProd.environment, "prod");
        assert.equal(upProd.needs, "up-dev");
        assert.doesNotMatch(text, /aws-access-key-id|aws-secret-access-key|AWS_SECRET_ACCESS_KEY/);
    });

    it("hands the Pulumi token to the pulumi/actions steps only, not to npm ci's install scripts", () => {
        const { workflow } = load("deploy.yml");
        assert.ok(!JSON.stringify(workflow.env ?? {}).includes("secrets."), "no secret in the workflow-wide env");
        for (const [name, job] of Object.entries(workflow.jobs)) {
            for (const step of job.steps) {
                const token = step.env?.PULUMI_ACCESS_TOKEN;
                if (step.uses?.startsWith("pulumi/actions@")) {
                    assert.equal(token, "${{ secrets.PULUMI_ACCESS_TOKEN }}", name);
                } else {
                    assert.ok(!JSON.stringify(step).includes("secrets.PULUMI_ACCESS_TOKEN"), `${name}: ${step.uses ?? step.run}`);
                }
            }
        }
    });

    it("points every policyPackConfigs entry at a config file that exists", () => {
        const { text } = load("deploy.yml");
        for (const stack of ["dev", "prod"]) {
            assert.ok(fs.existsSync(path.join(__dirname, "..", "..", "policy", "config", `${stack}.json`)), stack);
        }
        assert.match(text, /policyPackConfigs: policy\/config\/\$\{\{ matrix\.stack \}\}\.json/);
    });
});
