import { strict as assert } from "node:assert";
import { parse } from "yaml";
import { RefusedError, RepositoryFiles } from "../../../tools/fork/fork";
import { FALLBACK_POLICY_CONFIG, minimalStackFile, planStackNew } from "../../../tools/fork/stackNew";

/** A repository of the test's own: project `globex-billing`, stacks `staging` and `live`. */
function repository(overrides: Record<string, string | undefined> = {}): RepositoryFiles {
    const files: Record<string, string | undefined> = {
        "Pulumi.yaml": "name: globex-billing\n",
        "Pulumi.staging.yaml": "# Staging: small.\nconfig:\n  aws:region: us-west-2\n  globex-billing:flowLogs: false\n  globex-billing:tags:\n    environment: staging\n",
        "Pulumi.live.yaml": "config:\n  aws:region: us-west-2\n  globex-billing:flowLogs: true\n",
        "policy/config/staging.json": `{ "all": "advisory" }\n`,
        ".github/workflows/checks.yml": "jobs:\n  plan:\n    strategy:\n      matrix:\n        stack: [staging, live]\n",
        ...overrides,
    };
    return { paths: Object.keys(files).filter((p) => files[p] !== undefined), read: (path) => files[path] };
}

function written(plan: ReturnType<typeof planStackNew>): Record<string, string> {
    return Object.fromEntries(plan.changes.map((c) => [c.path, c.after]));
}

function refusal(fn: () => unknown): readonly string[] {
    try {
        fn();
    } catch (err) {
        if (err instanceof RefusedError) {
            return err.problems;
        }
        throw err;
    }
    assert.fail("expected a refusal");
}

describe("fork: planStackNew", () => {
    it("copies the source stack's file under a header, retagged, with its policy config, and lists the stack in CI", () => {
        const files = written(planStackNew(repository(), { stack: "qa", from: "staging" }));
        const stack = files["Pulumi.qa.yaml"]!;
        assert.match(stack, /^# Stack "qa", created by `npm run stack:new -- qa --from staging`/);
        assert.match(stack, /# Staging: small\./, "the source's own comments are kept");
        assert.deepEqual((parse(stack) as any).config, {
            "aws:region": "us-west-2",
            "globex-billing:flowLogs": false,
            "globex-billing:tags": { environment: "qa" },
        });
        assert.equal(files["policy/config/qa.json"], `{ "all": "advisory" }\n`);
        assert.match(files[".github/workflows/checks.yml"]!, /stack: \[staging, live, qa\]/);
    });

    it("sets another region when asked", () => {
        const files = written(planStackNew(repository(), { stack: "qa", from: "live", region: "eu-north-1" }));
        assert.equal((parse(files["Pulumi.qa.yaml"]!) as any).config["aws:region"], "eu-north-1");
    });

    it("falls back to the pack's defaults for a source stack without a policy config, and says so", () => {
        const plan = planStackNew(repository(), { stack: "qa", from: "live" });
        assert.equal(written(plan)["policy/config/qa.json"], FALLBACK_POLICY_CONFIG);
        assert.deepEqual(JSON.parse(FALLBACK_POLICY_CONFIG), {});
        assert.ok(plan.notes.some((n) => /live has no policy\/config\/live\.json/.test(n)));
    });

    it("without --from writes the documented defaults in the region the stacks share", () => {
        const files = written(planStackNew(repository(), { stack: "qa" }));
        assert.equal(files["Pulumi.qa.yaml"], minimalStackFile("globex-billing", "qa", "us-west-2"));
        assert.deepEqual((parse(files["Pulumi.qa.yaml"]!) as any).config, {
            "aws:region": "us-west-2",
            "globex-billing:dbDeletionProtection": true,
            "globex-billing:tags": { environment: "qa" },
        });
        assert.equal(files["policy/config/qa.json"], FALLBACK_POLICY_CONFIG);
    });

    it("asks for a region when the stacks do not share one", () => {
        const repo = repository({ "Pulumi.live.yaml": "config:\n  aws:region: eu-north-1\n" });
        assert.match(refusal(() => planStackNew(repo, { stack: "qa" }))[0]!, /add --region/);
        assert.ok(planStackNew(repo, { stack: "qa", region: "eu-north-1" }));
    });

    it("keeps a policy config that exists already", () => {
        const plan = planStackNew(repository({ "policy/config/qa.json": "{}\n" }), { stack: "qa", from: "staging" });
        assert.equal(written(plan)["policy/config/qa.json"], undefined);
        assert.ok(plan.notes.some((n) => /policy\/config\/qa\.json exists already/.test(n)));
    });

    it("refuses an existing stack, a name Pulumi or AWS refuses, an unknown source and region, each with its reason", () => {
        assert.match(refusal(() => planStackNew(repository(), { stack: "live" }))[0]!, /stack live exists already \(Pulumi\.live\.yaml\)/);
        assert.match(refusal(() => planStackNew(repository(), { stack: "q a" }))[0]!, /Pulumi refuses stack name "q a"/);
        assert.match(refusal(() => planStackNew(repository(), { stack: "Q" }))[0]!, /contains "Q"/);
        assert.match(refusal(() => planStackNew(repository(), { stack: "q".repeat(60) }))[0]!, /at most \d+ fit/);
        const problems = refusal(() => planStackNew(repository(), { stack: "qa", from: "prod", region: "mars-1" }));
        assert.match(problems[0]!, /--from prod: there is no stack file Pulumi\.prod\.yaml\. Fix: one of live, staging/);
        assert.match(problems[1]!, /"mars-1" is not an AWS region/);
    });
});
