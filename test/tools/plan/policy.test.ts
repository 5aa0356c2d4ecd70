import { strict as assert } from "node:assert";
import { checkPlan } from "../../../tools/plan/policy";
import type { StackPlan } from "../../../tools/plan/run";
import { committedPlan } from "../../helpers/stackPlan";

/** The plan with one resource's inputs changed. */
function withInputs(plan: StackPlan, type: string, change: Record<string, unknown>): StackPlan {
    return {
        ...plan,
        resources: plan.resources.map((r) => (r.type === type ? { ...r, inputs: { ...r.inputs, ...change } } : r)),
    };
}

describe("plan: policy", () => {
    for (const stack of ["dev", "prod"]) {
        it(`finds no mandatory violation in the ${stack} stack`, async () => {
            const violations = await checkPlan(await committedPlan(stack));
            assert.deepEqual(violations.filter((v) => v.enforcementLevel === "mandatory"), []);
        });
    }

    it("holds deletion protection to advisory in dev only, per the stack's policy config", async () => {
        const dev = await checkPlan(await committedPlan("dev"));
        assert.ok(dev.some((v) => v.policy === "enable-database-deletion-protection" && v.enforcementLevel === "advisory"));
        const prod = await checkPlan(withInputs(await committedPlan("prod"), "aws:rds/instance:Instance", { deletionProtection: false }));
        assert.ok(prod.some((v) => v.policy === "enable-database-deletion-protection" && v.enforcementLevel === "mandatory"));
    });

    it("reports a mandatory violation when the plan makes the database public", async () => {
        const plan = withInputs(await committedPlan("dev"), "aws:rds/instance:Instance", { publiclyAccessible: true });
        const mandatory = (await checkPlan(plan)).filter((v) => v.enforcementLevel === "mandatory");
        assert.equal(mandatory.length, 1);
        assert.match(mandatory[0]!.resource, /-db$/);
    });

    it("reports a mandatory violation when a function carries a password in its environment", async () => {
        const plan = await committedPlan("dev");
        const leaked = `x${Math.random().toString(36).slice(2)}Q9`;
        const changed: StackPlan = {
            ...plan,
            resources: plan.resources.map((r) =>
                r.name.endsWith("-api-fn")
                    ? { ...r, inputs: { ...r.inputs, environment: { variables: { DB_PASSWORD: leaked } } } }
                    : r,
            ),
        };
        const mandatory = (await checkPlan(changed)).filter((v) => v.enforcementLevel === "mandatory");
        assert.ok(mandatory.some((v) => v.resource.endsWith("-api-fn")));
    });
});

describe("plan: policy on the Lambda code", () => {
    it("scans the bundled code and reports a credential baked into it", async () => {
        const pulumi = await import("@pulumi/pulumi");
        const plan = await committedPlan("dev");
        const keyId = ["AKIA", "Q".repeat(4), Math.random().toString(36).slice(2, 10).toUpperCase().padEnd(8, "X"), "Z".repeat(4)].join("");
        const changed: StackPlan = {
            ...plan,
            resources: plan.resources.map((r) =>
                r.name.endsWith("-api-fn")
                    ? { ...r, inputs: { ...r.inputs, code: new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset(`const k="${keyId}";`) }) } }
                    : r,
            ),
        };
        const violations = await checkPlan(changed);
        assert.ok(
            violations.some((v) => v.policy === "disallow-hardcoded-secrets-in-lambda-code" && v.resource.endsWith("-api-fn")),
            JSON.stringify(violations),
        );
    });
});
