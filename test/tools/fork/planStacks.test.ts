import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { planEveryStack, planVerdict } from "../../../tools/fork/planStacks";
import { applyChanges, repositoryAt } from "../../../tools/fork/repository";
import { planStackNew } from "../../../tools/fork/stackNew";
import { fixtureRoot } from "../../helpers/stackPlan";

describe("fork: planStacks", function () {
    this.timeout(300_000);
    let root = "";

    // A copy of the tests' fixture project, so that stacks can be added and policy configs removed.
    beforeEach(() => {
        root = fs.mkdtempSync(path.join(os.tmpdir(), "plan-stacks-"));
        fs.cpSync(fixtureRoot, root, { recursive: true });
    });

    afterEach(() => {
        fs.rmSync(root, { recursive: true, force: true });
    });

    it("says a stack plans, with its resources and the policy config it used", async () => {
        const verdict = await planVerdict("small", root);
        assert.equal(verdict.ok, true, verdict.text);
        assert.match(verdict.text, /^small: \d+ resources, preflight passed, policy: 0 mandatory and \d+ advisory violation\(s\) with policy\/config\/small\.json$/);
        assert.equal(verdict.plan?.stack, "small");
    });

    it("fails a stack that breaks a mandatory rule, naming the rule and the fallback policy config it ran with", async () => {
        fs.rmSync(path.join(root, "policy", "config", "small.json"));
        const verdict = await planVerdict("small", root);
        assert.equal(verdict.ok, false);
        assert.match(verdict.text, /with the pack's defaults \(policy\/config\/small\.json does not exist\)/);
        assert.match(verdict.text, /\[mandatory\] enable-database-deletion-protection/);
    });

    it("fails a stack whose configuration the program refuses, with the program's message", async () => {
        fs.writeFileSync(path.join(root, "Pulumi.broken.yaml"), "config:\n  aws:region: us-east-1\n  acme-orders:availabilityZones: 1\n");
        const verdict = await planVerdict("broken", root);
        assert.equal(verdict.ok, false);
        assert.equal(verdict.plan, undefined);
        assert.match(verdict.text, /^broken: the program refuses its configuration:\n {4}\S[^]*acme-orders:availabilityZones/);
    });

    it("plans a stack stack:new writes without --from: the documented defaults pass the pack's own levels", async () => {
        applyChanges(root, planStackNew(repositoryAt(root), { stack: "fresh", region: "us-east-1" }).changes);
        let out = "";
        const ok = await planEveryStack(["fresh"], { stdout: (t) => (out += t), stderr: (t) => (out += t) }, root);
        assert.equal(ok, true, out);
        assert.match(out, /ok {5}fresh: .* with policy\/config\/fresh\.json/);
    });
});
