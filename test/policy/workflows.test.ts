import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { committedStacks } from "../helpers/stackPlan";

interface Step {
    uses?: string;
    run?: string;
    with?: Record<string, unknown>;
    env?: Record<string, string>;
}
interface Job {
    if?: string;
    strategy?: { matrix?: { stack?: string[]; include?: { stack?: string; role?: string }[] } };
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

const ROOT = path.join(__dirname, "..", "..");
const DIR = path.join(ROOT, ".github", "workflows");
const load = (name: string) => ({ text: fs.readFileSync(path.join(DIR, name), "utf8"), workflow: parse(fs.readFileSync(path.join(DIR, name), "utf8")) as Workflow });
const runs = (job: Job) => job.steps.map((s) => s.run ?? "").join("\n");

/**
 * The workflows list stacks by name (`npm run stack:new` adds a new one to the lists it can). Which
 * stacks they list is the fork's business; that each is a stack of the repository with its own policy
 * config is not.
 */
function assertCommittedStacks(stacks: readonly (string | undefined)[], where: string): void {
    assert.ok(stacks.length > 0, `${where} lists no stack`);
    for (const stack of stacks) {
        assert.ok(stack !== undefined && committedStacks().includes(stack), `${where}: ${stack} has no Pulumi.${stack}.yaml`);
        assert.ok(fs.existsSync(path.join(ROOT, "policy", "config", `${stack}.json`)), `${where}: ${stack} has no policy/config/${stack}.json`);
    }
}

/** The stack each `pulumi up` job deploys, with the job. */
function upJobs(workflow: Workflow): { name: string; job: Job; stack: string }[] {
    return Object.entries(workflow.jobs).flatMap(([name, job]) => {
        const pulumi = job.steps.find((s) => s.uses?.startsWith("pulumi/actions@"));
        return pulumi?.with?.command === "up" ? [{ name, job, stack: String(pulumi.with["stack-name"]) }] : [];
    });
}

describe("workflows: policy checks in CI", () => {
    it("checks.yml runs npm ci, npm test and the plan of the repository's stacks on pull requests without cloud access", () => {
        const { text, workflow } = load("checks.yml");
        assert.ok("pull_request" in workflow.on);
        assert.deepEqual(workflow.permissions, { contents: "read" });
        const all = Object.values(workflow.jobs).map(runs).join("\n");
        assert.match(all, /npm ci/);
        assert.match(all, /^npm test$/m);
        assert.match(all, /npm run plan -- --stack \$\{\{ matrix\.stack \}\}/);
        assertCommittedStacks(workflow.jobs.plan?.strategy?.matrix?.stack ?? [], "checks.yml plan matrix");
        assert.doesNotMatch(text, /configure-aws-credentials|id-token/);
    });

    it("deploy.yml previews with the policy pack on pull requests and deploys main with OIDC, each stack in its environment, one after the other", () => {
        const { text, workflow } = load("deploy.yml");
        const preview = workflow.jobs.preview;
        const ups = upJobs(workflow);
        assert.ok(preview && ups.length > 0);
        assert.match(preview.if ?? "", /pull_request/);
        assertCommittedStacks((preview.strategy?.matrix?.include ?? []).map((i) => i.stack), "deploy.yml preview matrix");
        assertCommittedStacks(ups.map((u) => u.stack), "deploy.yml up jobs");
        for (const job of [preview, ...ups.map((u) => u.job)]) {
            assert.equal(job.permissions?.["id-token"], "write");
            const aws = job.steps.find((s) => s.uses?.startsWith("aws-actions/configure-aws-credentials@"));
            assert.ok(aws?.with?.["role-to-assume"], "assumes a role through OIDC");
            const pulumi = job.steps.find((s) => s.uses?.startsWith("pulumi/actions@"));
            assert.equal(pulumi?.with?.policyPacks, "policy");
            assert.match(String(pulumi?.with?.policyPackConfigs), /^policy\/config\//);
        }
        // Required reviewers are configured on a GitHub environment: each deployment runs in its stack's,
        // and each after the first waits for the one before it.
        ups.forEach(({ name, job, stack }, i) => {
            assert.equal(job.environment, stack, name);
            assert.match(job.if ?? "", /push/, name);
            if (i > 0) {
                assert.ok([job.needs ?? []].flat().includes(ups[i - 1]!.name), `${name} needs ${ups[i - 1]!.name}`);
            }
        });
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

    it("installs the policy pack from its own lockfile before any step that runs it, in every job and in .ci/run", () => {
        // The pack is a package of its own: the Pulumi CLI loads it with policy/node_modules.
        const installsPack = (s: Step) => /^npm ci\b.*--prefix policy\b/.test(s.run ?? "");
        const runsPack = (s: Step) => s.with?.policyPacks !== undefined || /^npm (test|run (plan|test:live))\b/m.test(s.run ?? "");
        let jobsRunningPack = 0;
        for (const name of fs.readdirSync(DIR).filter((f) => f.endsWith(".yml"))) {
            for (const [jobName, job] of Object.entries(load(name).workflow.jobs)) {
                const first = job.steps.findIndex(runsPack);
                if (first < 0) continue;
                jobsRunningPack++;
                const install = job.steps.findIndex(installsPack);
                assert.ok(install >= 0 && install < first, `${name} ${jobName}: npm ci --prefix policy before step ${first}`);
            }
        }
        assert.ok(jobsRunningPack > 0);
        const ci = fs.readFileSync(path.join(__dirname, "..", "..", ".ci", "run"), "utf8");
        const install = ci.search(/^npm ci\b.*--prefix policy\b/m);
        assert.ok(install >= 0 && install < ci.search(/^npm test$/m), ".ci/run installs the pack before npm test");
    });

    it("points every policyPackConfigs entry at the config file of the stack it deploys", () => {
        const { text, workflow } = load("deploy.yml");
        assert.match(text, /policyPackConfigs: policy\/config\/\$\{\{ matrix\.stack \}\}\.json/);
        for (const { name, job, stack } of upJobs(workflow)) {
            const pulumi = job.steps.find((s) => s.uses?.startsWith("pulumi/actions@"));
            assert.equal(pulumi?.with?.policyPackConfigs, `policy/config/${stack}.json`, name);
            assert.ok(fs.existsSync(path.join(ROOT, "policy", "config", `${stack}.json`)), name);
        }
    });
});

describe("workflows: live test (live.yml)", () => {
    interface LiveJob extends Job {
        "timeout-minutes"?: number;
    }
    interface LiveWorkflow extends Workflow {
        on: { workflow_dispatch?: { inputs?: Record<string, { type?: string; options?: string[] }> } };
        concurrency?: { group?: string; "cancel-in-progress"?: boolean };
        jobs: Record<string, LiveJob>;
    }
    const live = () => {
        const { text, workflow } = load("live.yml");
        const jobs = Object.values((workflow as LiveWorkflow).jobs);
        assert.equal(jobs.length, 1);
        return { text, workflow: workflow as LiveWorkflow, job: jobs[0]! };
    };
    const stepIndex = (job: Job, match: (s: Step) => boolean) => job.steps.findIndex(match);

    it("runs only when dispatched by hand, for a stack chosen from the repository's stacks", () => {
        const { workflow } = live();
        assert.deepEqual(Object.keys(workflow.on), ["workflow_dispatch"]);
        const stack = workflow.on.workflow_dispatch?.inputs?.stack;
        assert.equal(stack?.type, "choice");
        assertCommittedStacks(stack?.options ?? [], "live.yml stack options");
    });

    it("asks for an OIDC token and read access only, and never holds static AWS keys", () => {
        const { text, workflow, job } = live();
        assert.deepEqual(workflow.permissions, { "id-token": "write", contents: "read" });
        assert.equal(job.permissions, undefined, "no job widens the workflow's permissions");
        const aws = job.steps.find((s) => s.uses?.startsWith("aws-actions/configure-aws-credentials@v4"));
        assert.equal(aws?.with?.["role-to-assume"], "${{ vars.AWS_LIVE_ROLE_ARN }}");
        assert.doesNotMatch(text, /aws-access-key-id|aws-secret-access-key|AWS_SECRET_ACCESS_KEY|PULUMI_ACCESS_TOKEN/);
    });

    it("runs one live test per stack at a time and never cancels a running one", () => {
        const { workflow } = live();
        assert.match(workflow.concurrency?.group ?? "", /\$\{\{ inputs\.stack \}\}/);
        assert.equal(workflow.concurrency?.["cancel-in-progress"], false);
    });

    it("has a timeout, and an AWS session that outlasts it so destroy never runs on expired credentials", () => {
        const { job } = live();
        const timeout = job["timeout-minutes"] ?? 0;
        assert.ok(timeout >= 60 && timeout <= 360, `timeout-minutes: ${timeout}`);
        const aws = job.steps.find((s) => s.uses?.startsWith("aws-actions/configure-aws-credentials@"));
        assert.ok(Number(aws?.with?.["role-duration-seconds"]) >= timeout * 60, "role-duration-seconds covers timeout-minutes");
    });

    it("installs Node 22, the dependencies and the Pulumi CLI before assuming the role, then runs npm run test:live for the chosen stack", () => {
        const { job } = live();
        const node = job.steps.find((s) => s.uses?.startsWith("actions/setup-node@"));
        assert.equal(node?.with?.["node-version"], 22);
        const npmCi = stepIndex(job, (s) => /^npm ci\b/.test(s.run ?? ""));
        const pulumi = stepIndex(job, (s) => s.uses?.startsWith("pulumi/actions@v6") ?? false);
        const aws = stepIndex(job, (s) => s.uses?.startsWith("aws-actions/configure-aws-credentials@") ?? false);
        const test = stepIndex(job, (s) => s.run === "npm run test:live -- --stack ${{ inputs.stack }}");
        assert.ok(npmCi >= 0 && pulumi >= 0 && aws >= 0 && test >= 0, "all four steps are there");
        assert.ok(npmCi < aws && pulumi < aws && aws < test, "npm ci's install scripts never see AWS credentials");
        assert.equal(job.steps[pulumi]?.with?.command, undefined, "pulumi/actions without a command only installs the CLI");
    });

    it("hands the passphrase to the test step only, from a secret", () => {
        const { workflow, job } = live();
        assert.ok(!JSON.stringify(workflow.env ?? {}).includes("secrets."), "no secret in the workflow-wide env");
        for (const step of job.steps) {
            const passphrase = step.env?.PULUMI_CONFIG_PASSPHRASE;
            if (step.run?.startsWith("npm run test:live")) {
                assert.match(passphrase ?? "", /^\$\{\{ secrets\.[A-Z_]+ \}\}$/);
            } else {
                assert.ok(!JSON.stringify(step).includes("PASSPHRASE"), step.uses ?? step.run);
            }
        }
    });

    it("keeps the state of a run that failed or was cancelled, so its stack can still be destroyed by hand", () => {
        const { job } = live();
        const upload = job.steps.find((s) => s.uses?.startsWith("actions/upload-artifact@"));
        assert.match((upload as { if?: string } | undefined)?.if ?? "", /failure\(\)/);
        assert.match(String(upload?.with?.path), /\.pulumi-live\//);
        assert.equal(upload?.with?.["include-hidden-files"], true);
    });
});
