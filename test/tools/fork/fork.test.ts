import { strict as assert } from "node:assert";
import { parse } from "yaml";
import { RefusedError, RepositoryFiles, planFork, projectOf, stacksOf } from "../../../tools/fork/fork";

/** A repository of the test's own: project `globex-billing`, stacks `staging` and `live`, in us-west-2. */
function repository(overrides: Record<string, string | undefined> = {}): RepositoryFiles & { files: Record<string, string | undefined> } {
    const files: Record<string, string | undefined> = {
        "Pulumi.yaml": "name: globex-billing\nruntime: nodejs\n",
        "Pulumi.staging.yaml": "config:\n  aws:region: us-west-2\n  globex-billing:flowLogs: false\n",
        "Pulumi.live.yaml": "# globex-billing in production\nconfig:\n  aws:region: us-west-2\n  globex-billing:flowLogs: true\n",
        "Pulumi.staging-live-abc.yaml": "config:\n  aws:region: us-west-2\n",
        "package.json": `{\n  "name": "globex-billing",\n  "private": true\n}\n`,
        "package-lock.json": `{\n  "name": "globex-billing",\n  "lockfileVersion": 3,\n  "packages": {\n    "": {\n      "name": "globex-billing"\n    }\n  }\n}\n`,
        "policy/package.json": `{\n  "name": "globex-billing-policies"\n}\n`,
        "policy/package-lock.json": `{\n  "name": "globex-billing-policies",\n  "packages": {\n    "": {\n      "name": "globex-billing-policies"\n    }\n  }\n}\n`,
        "policy/pack.ts": `export const packName = "globex-billing-blueprint";\n`,
        "docs/guide.md": "Settings live under `globex-billing:`; the database is `globex-billing-live-db`.\n",
        "app/logo.png": undefined,
        "README.md": "Nothing about the project here.\n",
        ...overrides,
    };
    return { files, paths: Object.keys(files).sort(), read: (path) => files[path] };
}

/** The repository after a plan's changes. */
function applied(repo: ReturnType<typeof repository>, changes: readonly { path: string; after: string }[]): ReturnType<typeof repository> {
    return repository({ ...repo.files, ...Object.fromEntries(changes.map((c) => [c.path, c.after])) });
}

describe("fork: planFork", () => {
    it("reads the project from Pulumi.yaml and the stacks from the root stack files, without the live test's", () => {
        const repo = repository();
        assert.equal(projectOf(repo), "globex-billing");
        assert.deepEqual(stacksOf(repo), ["live", "staging"]);
    });

    it("renames the project in Pulumi.yaml, every stack's namespace, the packages, the pack and the docs", () => {
        const repo = repository();
        const plan = planFork(repo, { name: "initech-ledger" });
        assert.equal(plan.from, "globex-billing");
        const after = applied(repo, plan.changes);
        assert.equal((parse(after.files["Pulumi.yaml"]!) as { name: string }).name, "initech-ledger");
        for (const stack of plan.stacks) {
            const keys = Object.keys((parse(after.files[`Pulumi.${stack}.yaml`]!) as { config: object }).config);
            assert.deepEqual(keys, ["aws:region", "initech-ledger:flowLogs"], stack);
        }
        assert.equal(JSON.parse(after.files["package.json"]!).name, "initech-ledger");
        assert.equal(JSON.parse(after.files["package-lock.json"]!).packages[""].name, "initech-ledger");
        assert.equal(JSON.parse(after.files["policy/package-lock.json"]!).name, "initech-ledger-policies");
        assert.match(after.files["policy/pack.ts"]!, /"initech-ledger-blueprint"/);
        assert.match(after.files["docs/guide.md"]!, /`initech-ledger:`.*`initech-ledger-live-db`/);
        assert.deepEqual(
            plan.changes.map((c) => c.path),
            ["Pulumi.live.yaml", "Pulumi.staging.yaml", "Pulumi.yaml", "docs/guide.md", "package-lock.json", "package.json", "policy/pack.ts", "policy/package-lock.json", "policy/package.json"],
            "README.md names nothing, the binary file is skipped",
        );
        for (const [path, text] of Object.entries(after.files)) {
            assert.ok(text === undefined || !/globex-billing/.test(text), `${path} still names the old project`);
        }
    });

    it("leaves the tests alone, even a fixture string that spells the old name", () => {
        const repo = repository({ "test/fixtures/names.test.ts": 'const otherProject = "globex-billing";\n' });
        const plan = planFork(repo, { name: "initech-ledger" });
        assert.equal(plan.changes.some((c) => c.path.startsWith("test/")), false);
        assert.ok(plan.changes.some((c) => c.path === "Pulumi.yaml"), "the rest is still renamed");
    });

    it("sets the region of every committed stack, not the live test's", () => {
        const repo = repository();
        const after = applied(repo, planFork(repo, { name: "globex-billing", region: "ap-southeast-2" }).changes);
        for (const stack of ["staging", "live"]) {
            assert.equal((parse(after.files[`Pulumi.${stack}.yaml`]!) as { config: Record<string, string> }).config["aws:region"], "ap-southeast-2");
        }
        assert.match(after.files["Pulumi.staging-live-abc.yaml"]!, /us-west-2/);
    });

    it("changes nothing the second time", () => {
        const repo = repository();
        const after = applied(repo, planFork(repo, { name: "initech", region: "eu-north-1" }).changes);
        assert.deepEqual(planFork(after, { name: "initech", region: "eu-north-1" }).changes, []);
    });

    it("refuses a name Pulumi or AWS would refuse, and a region that does not exist, with every reason", () => {
        const repo = repository();
        assert.throws(
            () => planFork(repo, { name: "initech ledger", region: "us-east-9" }),
            (err: RefusedError) => err instanceof RefusedError && err.problems.length === 2 && /Pulumi refuses/.test(err.problems[0]!) && /us-east-9/.test(err.problems[1]!),
        );
        assert.throws(() => planFork(repo, { name: "i".repeat(60) }), (err: RefusedError) => err.problems.length === 2 && err.problems.every((p) => /at most \d+ fit/.test(p)));
    });

    it("repairs a project renamed in Pulumi.yaml alone: the stack files' old namespace takes the new name too", () => {
        const repo = repository({ "Pulumi.yaml": "name: hooli\nruntime: nodejs\n" });
        const plan = planFork(repo, { name: "initech" });
        assert.equal(plan.from, "hooli");
        assert.equal(plan.stale, "globex-billing");
        const after = applied(repo, plan.changes);
        for (const stack of plan.stacks) {
            assert.deepEqual(Object.keys((parse(after.files[`Pulumi.${stack}.yaml`]!) as { config: object }).config), ["aws:region", "initech:flowLogs"], stack);
        }
        assert.match(after.files["docs/guide.md"]!, /`initech:`/);
    });

    it("takes a namespace of one key for a typo, not for an older project name", () => {
        const repo = repository({ "Pulumi.live.yaml": "config:\n  globex-billing:flowLogs: true\n  globex-bill:events: false\n" });
        assert.equal(planFork(repo, { name: "initech" }).stale, undefined);
    });

    it("says what is missing when there is no project to rename", () => {
        assert.throws(() => planFork(repository({ "Pulumi.yaml": undefined }), { name: "initech" }), /no Pulumi\.yaml/);
        assert.throws(() => planFork(repository({ "Pulumi.yaml": "runtime: nodejs\n" }), { name: "initech" }), /has no `name`/);
    });
});
