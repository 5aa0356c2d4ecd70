import { strict as assert } from "node:assert";
import { PUBLIC_ROUTE_KEYS, PUBLIC_ROUTE_THROTTLE } from "../../../infra/components/api";
import { fixturePlan, ofType, single, waitsFor } from "../../helpers/stackPlan";

describe("components: Api, its public routes", () => {
    it("throttles each public route on its own, below the stage's budget for authenticated callers", async () => {
        const plan = await fixturePlan("small");
        const stage = single(plan, "aws:apigatewayv2/stage:Stage");
        const defaults = stage.inputs.defaultRouteSettings as { throttlingRateLimit: number; throttlingBurstLimit: number };
        const settings = stage.inputs.routeSettings as { routeKey: string; throttlingRateLimit: number; throttlingBurstLimit: number }[];
        assert.deepEqual(settings.map((s) => s.routeKey).sort(), [...PUBLIC_ROUTE_KEYS].sort());
        for (const s of settings) {
            assert.deepEqual([s.throttlingRateLimit, s.throttlingBurstLimit], [PUBLIC_ROUTE_THROTTLE.rateLimit, PUBLIC_ROUTE_THROTTLE.burstLimit]);
            assert.ok(s.throttlingRateLimit <= defaults.throttlingRateLimit && s.throttlingBurstLimit <= defaults.throttlingBurstLimit, "a public route may not outrun the stage");
        }
    });

    it("creates the stage after the routes its settings name (API Gateway refuses settings for a missing route)", async () => {
        const plan = await fixturePlan("small");
        const stage = single(plan, "aws:apigatewayv2/stage:Stage");
        const publicRoutes = ofType(plan, "aws:apigatewayv2/route:Route").filter((r) => (PUBLIC_ROUTE_KEYS as readonly string[]).includes(String(r.inputs.routeKey)));
        assert.equal(publicRoutes.length, PUBLIC_ROUTE_KEYS.length);
        const waits = waitsFor(plan, stage);
        for (const route of publicRoutes) {
            assert.ok(waits.includes(route.name), `the stage does not wait for ${route.name}`);
            assert.equal(route.inputs.authorizationType, "NONE");
        }
    });
});
