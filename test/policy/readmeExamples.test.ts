import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PolicyConfig, resolvePolicyConfig } from "../../policy/evaluate";
import { policies } from "../../policy/pack";
import { main } from "../../tools/policy/check";

const ROOT = path.join(__dirname, "..", "..");

interface Example {
    exit: number;
    reports: string[];
    json: string;
}

/** The `<!-- policy-example: exit N; reports a, b -->` comments of docs/policy-pack.md and the JSON block after each. */
function documentedExamples(doc: string): Example[] {
    const pattern = /<!-- policy-example: exit (\d+); reports ([^>]*?) -->\s*```json\n([\s\S]*?)```/g;
    return [...doc.matchAll(pattern)].map((m) => ({
        exit: Number(m[1]),
        reports: m[2]!.trim() === "nothing" ? [] : m[2]!.split(",").map((s) => s.trim()),
        json: m[3]!,
    }));
}

describe("docs/policy-pack.md: documented `npm run policy:check` examples", function () {
    this.timeout(120_000);
    const doc = fs.readFileSync(path.join(ROOT, "docs", "policy-pack.md"), "utf8");
    const examples = documentedExamples(doc);
    let dir: string;

    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "policy-readme-"));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("finds the examples (one per policy-example comment)", () => {
        assert.equal(examples.length, (doc.match(/<!-- policy-example:/g) ?? []).length);
        assert.ok(examples.length >= 5);
    });

    examples.forEach((example, i) => {
        it(`example ${i + 1}: exits ${example.exit} and reports ${example.reports.join(", ") || "nothing"}`, async () => {
            const file = path.join(dir, `example-${i + 1}.json`);
            fs.writeFileSync(file, example.json);
            // In-process: the CLI's own process behaviour is tested in test/tools/policy/check.test.ts.
            let stdout = "";
            let stderr = "";
            const status = await main([file], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
            assert.equal(status, example.exit, stderr);
            const reported = (JSON.parse(stdout) as { policy: string }[]).map((v) => v.policy);
            assert.deepEqual(reported, example.reports);
        });
    });
});

describe("docs/policy-pack.md: per-stack config examples and knobs", () => {
    const doc = fs.readFileSync(path.join(ROOT, "docs", "policy-pack.md"), "utf8");

    it("shows config files the pack accepts (rule names, levels and knobs checked as `--policy-pack-config` is)", () => {
        const examples = [...doc.matchAll(/<!-- policy-config-example -->\s*```json\n([\s\S]*?)```/g)].map((m) => m[1]!);
        assert.ok(examples.length >= 2, "expected the development-like and production-like examples");
        for (const example of examples) {
            assert.doesNotThrow(() => resolvePolicyConfig(policies, JSON.parse(example) as PolicyConfig), example);
        }
    });

    it("lists every knob of every rule, and no other", () => {
        const start = doc.indexOf("\nKnobs: ");
        assert.ok(start >= 0, "docs/policy-pack.md has no 'Knobs:' paragraph");
        const paragraph = doc.slice(start, doc.indexOf("\n\n", start + 1));
        const listed = [...paragraph.matchAll(/`([a-z0-9-]+)\.(\{[^}]+\}|[A-Za-z]+)`/g)].flatMap((m) =>
            m[2]!.startsWith("{") ? m[2]!.slice(1, -1).split(",").map((knob) => `${m[1]}.${knob.trim()}`) : [`${m[1]}.${m[2]}`],
        );
        const knobs = policies.flatMap((p) => Object.keys(p.configSchema?.properties ?? {}).map((knob) => `${p.name}.${knob}`));
        assert.deepEqual([...listed].sort(), [...knobs].sort());
    });
});
