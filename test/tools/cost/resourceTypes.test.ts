import { strict as assert } from "node:assert";
import { FIXED_RULES } from "../../../tools/cost/fixed";
import { RESOURCE_TYPES, treatmentOf } from "../../../tools/cost/resourceTypes";
import { USAGE_RULES } from "../../../tools/cost/usage";
import { fixturePlan, fixturePlanWith } from "../../helpers/stackPlan";

describe("cost: resourceTypes (how each planned type is treated)", () => {
    const priced = Object.entries(RESOURCE_TYPES).filter(([, t]) => t.kind === "priced");

    it("has a floor rule for exactly the types it says have a floor", () => {
        const withFloor = priced.filter(([, t]) => t.kind === "priced" && t.fixed).map(([type]) => type);
        assert.deepEqual(withFloor.sort(), Object.keys(FIXED_RULES).sort());
    });

    it("has a usage rule for exactly the types it says are paid per use", () => {
        const withUsage = priced.filter(([, t]) => t.kind === "priced" && t.usage).map(([type]) => type);
        assert.deepEqual(withUsage.sort(), Object.keys(USAGE_RULES).sort());
    });

    it("gives every free type a reason", () => {
        for (const [type, t] of Object.entries(RESOURCE_TYPES)) {
            if (t.kind === "free") {
                assert.ok(t.reason.length > 10, type);
            }
        }
    });

    it("lists the types the observability component plans: alarms and dashboards priced, the topic per use", () => {
        assert.deepEqual(treatmentOf("aws:cloudwatch/metricAlarm:MetricAlarm")?.kind, "priced");
        assert.deepEqual(treatmentOf("aws:cloudwatch/dashboard:Dashboard")?.kind, "priced");
        const topic = treatmentOf("aws:sns/topic:Topic");
        assert.ok(topic?.kind === "priced" && topic.usage && !topic.fixed);
    });

    it("matches `prefix*` keys by prefix and knows nothing of other types", () => {
        assert.equal(treatmentOf("blueprint:observability:Observability")?.kind, "free");
        assert.equal(treatmentOf("pulumi:providers:random")?.kind, "free");
        assert.equal(treatmentOf("random:index/randomPassword:RandomPassword")?.kind, "free");
        assert.equal(treatmentOf("aws:ec2/natGateway:NatGateway"), undefined);
    });

    it("lists every type the program plans, with every switch on", async () => {
        // Switches set here: whatever the fixture files say, every optional part is planned once.
        const plans = [
            await fixturePlan("small"),
            await fixturePlanWith("hardened", { events: "true", flowLogs: "true", dbPerformanceInsights: "true", alarmEmail: "oncall@example.com" }),
            await fixturePlanWith("small", {
                events: "true",
                dbAuth: "secret",
                apiAuth: "jwt",
                jwtIssuer: "https://issuer.example.com",
                jwtAudience: '["app"]',
            }),
        ];
        const missing = [...new Set(plans.flatMap((p) => p.resources.map((r) => r.type)))].filter((type) => !treatmentOf(type));
        assert.deepEqual(missing, [], "add these types to tools/cost/resourceTypes.ts (priced or free, with the reason)");
    });
});
