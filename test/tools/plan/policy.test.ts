import { strict as assert } from "node:assert";
import { checkPlan, formatPolicyConfigSource, policyConfigSource } from "../../../tools/plan/policy";
import type { StackPlan } from "../../../tools/plan/run";
import { committedPlan, committedStacks, fixturePlan, fixturePlanWith, fixtureRoot } from "../../helpers/stackPlan";

/** The plan with one resource's inputs changed. */
function withInputs(plan: StackPlan, type: string, change: Record<string, unknown>): StackPlan {
    return {
        ...plan,
        resources: plan.resources.map((r) => (r.type === type ? { ...r, inputs: { ...r.inputs, ...change } } : r)),
    };
}

describe("plan: policy", () => {
    // An invariant of every stack the repository has, whatever a fork named them or set in them.
    for (const stack of committedStacks()) {
        it(`finds no mandatory violation in the committed stack ${stack}`, async () => {
            const violations = await checkPlan(await committedPlan(stack));
            assert.deepEqual(violations.filter((v) => v.enforcementLevel === "mandatory"), []);
        });
    }

    it("holds deletion protection to the level the stack's policy config sets (advisory in small, mandatory in hardened)", async () => {
        const small = await checkPlan(await fixturePlanWith("small", { dbDeletionProtection: "false" }));
        assert.ok(small.some((v) => v.policy === "enable-database-deletion-protection" && v.enforcementLevel === "advisory"));
        const hardened = await checkPlan(withInputs(await fixturePlan("hardened"), "aws:rds/instance:Instance", { deletionProtection: false }));
        assert.ok(hardened.some((v) => v.policy === "enable-database-deletion-protection" && v.enforcementLevel === "mandatory"));
    });

    it("reports a mandatory violation when the plan makes the database public", async () => {
        const plan = withInputs(await fixturePlan("small"), "aws:rds/instance:Instance", { publiclyAccessible: true });
        const mandatory = (await checkPlan(plan)).filter((v) => v.enforcementLevel === "mandatory");
        assert.equal(mandatory.length, 1);
        assert.equal(mandatory[0]!.resource, "db");
    });

    it("reports a mandatory violation when a function carries a password in its environment", async () => {
        const plan = await fixturePlan("small");
        const leaked = `x${Math.random().toString(36).slice(2)}Q9`;
        const changed: StackPlan = {
            ...plan,
            resources: plan.resources.map((r) =>
                r.name === "api-fn"
                    ? { ...r, inputs: { ...r.inputs, environment: { variables: { DB_PASSWORD: leaked } } } }
                    : r,
            ),
        };
        const mandatory = (await checkPlan(changed)).filter((v) => v.enforcementLevel === "mandatory");
        assert.ok(mandatory.some((v) => v.resource === "api-fn"));
    });
});

describe("plan: policy on the Lambda code", () => {
    it("scans the bundled code and reports a credential baked into it", async () => {
        const pulumi = await import("@pulumi/pulumi");
        const plan = await fixturePlan("small");
        // Access key ids are base32 (A-Z, 2-7), as gitleaks' aws-access-token rule expects.
        const keyId = ["AKIA", "Q".repeat(4), Math.random().toString(36).slice(2, 10).toUpperCase().replace(/[0189]/g, "K").padEnd(8, "X"), "Z".repeat(4)].join("");
        const changed: StackPlan = {
            ...plan,
            resources: plan.resources.map((r) =>
                r.name === "api-fn"
                    ? { ...r, inputs: { ...r.inputs, code: new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset(`const k="${keyId}";`) }) } }
                    : r,
            ),
        };
        const violations = await checkPlan(changed);
        assert.ok(
            violations.some((v) => v.policy === "disallow-hardcoded-secrets-in-lambda-code" && v.resource === "api-fn"),
            JSON.stringify(violations),
        );
    });
});

describe("plan: which policy config a stack uses", () => {
    it("names the stack's file when it has one", () => {
        assert.deepEqual(policyConfigSource("small", fixtureRoot), { file: "policy/config/small.json" });
        assert.equal(formatPolicyConfigSource(policyConfigSource("small", fixtureRoot)), "Policy config: policy/config/small.json.");
    });

    it("names the missing file and the fallback, the pack's defaults, when it has none", () => {
        const source = policyConfigSource("unconfigured", fixtureRoot);
        assert.deepEqual(source, { missing: "policy/config/unconfigured.json" });
        assert.match(formatPolicyConfigSource(source), /policy\/config\/unconfigured\.json does not exist: the fallback is the pack's defaults/);
    });
});
