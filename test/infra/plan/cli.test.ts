import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { repositoryRoot } from "../../../infra/plan/run";

function plan(...args: string[]) {
    const tsx = path.join(repositoryRoot, "node_modules", ".bin", "tsx");
    return spawnSync(tsx, [path.join(repositoryRoot, "infra", "plan", "cli.ts"), ...args], { cwd: repositoryRoot, encoding: "utf8", timeout: 60_000 });
}

describe("plan: cli (npm run plan)", () => {
    it("prints a table of the dev stack's resources and the policy verdict, exit 0", () => {
        const run = plan("--stack", "dev");
        assert.equal(run.status, 0, run.stderr);
        assert.match(run.stdout, /^Plan for stack "dev" \(offline, under mocks\): \d+ resources/);
        assert.match(run.stdout, /^aws:rds\/instance:Instance\s+serverless-mysql-dev-db\s+.*publiclyAccessible=false/m);
        assert.match(run.stdout, /^Policy pack: 0 mandatory/m);
    });

    it("prints JSON with type, name and inputs per resource, and no secret value", () => {
        const run = plan("--stack", "prod", "--json");
        assert.equal(run.status, 0, run.stderr);
        const parsed = JSON.parse(run.stdout) as { resources: { type: string; name: string; inputs: Record<string, unknown> }[] };
        const proxy = parsed.resources.find((r) => r.type === "aws:rds/proxy:Proxy");
        assert.equal(proxy?.inputs.requireTls, true);
        // The default IAM mode has no app password at all; redaction itself is covered in format.test.ts.
        assert.equal(parsed.resources.find((r) => r.type === "aws:secretsmanager/secretVersion:SecretVersion"), undefined);
        assert.ok(!/"(password|secretString)":\s*"(?!\[secret\])/.test(run.stdout), "no secret value printed");
    });

    it("exits 2 and names the stack file when the stack does not exist", () => {
        const run = plan("--stack", "staging");
        assert.equal(run.status, 2);
        assert.match(run.stderr, /no stack file Pulumi\.staging\.yaml/);
    });

    it("exits 2 with usage when --stack is missing", () => {
        const run = plan();
        assert.equal(run.status, 2);
        assert.match(run.stderr, /--stack is required/);
    });
});
