import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { packName, policies } from "../../policy/pack";

const VERBS = ["disallow", "enable", "configure", "require"];

describe("pack", () => {
    it("has a name the Pulumi service accepts", () => {
        assert.match(packName, /^[a-z0-9-]+$/);
    });

    it("gives every rule a unique kebab-case name that starts with a fixed verb", () => {
        const names = policies.map((p) => p.name);
        assert.equal(new Set(names).size, names.length);
        for (const name of names) {
            assert.match(name, /^[a-z0-9]+(-[a-z0-9]+)+$/, name);
            assert.ok(VERBS.includes(name.split("-")[0]!), `${name} starts with one of ${VERBS.join(", ")}`);
        }
    });

    it("gives every rule a one-sentence description, a level, a severity, topics and a rationale", () => {
        for (const p of policies) {
            assert.match(p.description, /^[A-Z].*\.$/, p.name);
            assert.ok(p.enforcementLevel === "mandatory" || p.enforcementLevel === "advisory", p.name);
            assert.ok(["low", "medium", "high", "critical"].includes(p.severity), p.name);
            assert.ok(p.topics.length > 0, p.name);
            assert.ok(p.rationale.length > 10, p.name);
        }
    });

    it("names the tool rule it follows (Checkov id, gitleaks, Cloudsplaining...) for every credential, IAM-gap and KMS rule", () => {
        const anchored = [
            "disallow-hardcoded-secrets-in-lambda-environment",
            "disallow-hardcoded-secrets-in-lambda-code",
            "disallow-hardcoded-secrets-in-tags",
            "disallow-hardcoded-secrets-in-stage-variables",
            "disallow-hardcoded-secrets-in-plain-ssm-parameters",
            "disallow-hardcoded-secrets-in-user-data",
            "disallow-hardcoded-secrets-in-container-environment",
            "disallow-wildcard-resource-for-credential-actions",
            "disallow-pass-role-on-all-roles",
            "disallow-privilege-escalation",
            "disallow-privilege-escalation-across-policies",
            "disallow-unconstrained-permissions-management",
            "disallow-wildcard-kms-key-policy-principal",
            "disallow-public-secret-policy",
            "disallow-public-queue-policy",
            "disallow-public-topic-policy",
            "disallow-public-bucket-policy",
            "disallow-public-event-bus-policy",
            "disallow-wildcard-lambda-permission-principal",
            "disallow-public-function-url",
            "disallow-wildcard-resource",
            "require-github-oidc-subject-condition",
        ];
        for (const name of anchored) {
            const rule = policies.find((p) => p.name === name);
            assert.ok(rule, name);
            assert.ok((rule.anchors ?? []).length > 0, `${name} names no anchor`);
        }
    });

    it("gives every config knob a default", () => {
        for (const p of policies) {
            for (const [key, schema] of Object.entries(p.configSchema?.properties ?? {})) {
                assert.notEqual(schema.default, undefined, `${p.name}.${key}`);
            }
        }
    });

    it("keeps the advisory rules the issue asks for advisory", () => {
        const advisory = policies.filter((p) => p.enforcementLevel === "advisory").map((p) => p.name).sort();
        assert.deepEqual(advisory, [
            "configure-api-stage-throttling",
            "configure-secret-rotation",
            "disallow-service-wildcard-action",
            "enable-secret-cmk-encryption",
        ]);
    });

    it("keeps one rule per file, in a folder named after the service", () => {
        const root = path.join(__dirname, "..", "..", "policy", "rules");
        const files = fs.readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith(".ts"));
        assert.equal(files.length, policies.length);
        for (const file of files) {
            assert.match(file, /^[a-z0-9]+\/(disallow|enable|configure|require)[A-Z]\w+\.ts$/, file);
            const source = fs.readFileSync(path.join(root, file), "utf8");
            assert.equal(source.match(/^\s+name: "/gm)?.length, 1, `${file} defines one rule`);
        }
    });

    it("never imports policy/index.ts (it starts a server that never returns)", () => {
        const root = path.join(__dirname, "..", "..");
        const index = path.join(root, "policy", "index");
        for (const base of ["policy", "test", "infra"]) {
            const dir = path.join(root, base);
            if (!fs.existsSync(dir)) {
                continue;
            }
            // policy/node_modules (the pack's own install) holds thousands of .d.ts files: not ours.
            const files = fs.readdirSync(dir, { recursive: true }).map(String);
            for (const file of files.filter((f) => f.endsWith(".ts") && !f.split(path.sep).includes("node_modules"))) {
                const source = fs.readFileSync(path.join(dir, file), "utf8");
                for (const [, spec] of source.matchAll(/(?:from|require\(|import\()\s*["'](\.[^"']*)["']/g)) {
                    const target = path.resolve(path.dirname(path.join(dir, file)), spec!).replace(/\.ts$/, "");
                    assert.ok(target !== index && target !== path.dirname(index), `${base}/${file} imports ${spec}`);
                }
            }
        }
    });
});
