import { strict as assert } from "node:assert";
import { disallowUnauthorizedApiRoutes as rule } from "../../../../policy/rules/apigatewayv2/disallowUnauthorizedApiRoutes";
import { runPolicy, UNKNOWN, withProp } from "../../../helpers/policy";
import { apiRoute } from "../../../helpers/policyFixtures";

describe("rule: disallow-unauthorized-api-routes", () => {
    it("passes the blueprint's $default route (AWS_IAM)", async () => {
        assert.deepEqual(await runPolicy(rule, apiRoute()), []);
    });

    it("passes a JWT or Lambda-authorized route", async () => {
        for (const type of ["JWT", "CUSTOM"]) {
            assert.deepEqual(await runPolicy(rule, withProp(apiRoute(), "authorizationType", type)), [], type);
        }
    });

    it("reports a route with authorizationType NONE, in any case", async () => {
        assert.deepEqual(await runPolicy(rule, withProp(apiRoute(), "authorizationType", "NONE")), ['route "$default" has authorizationType NONE: anyone can call it']);
        assert.equal((await runPolicy(rule, withProp(apiRoute(), "authorizationType", "none"))).length, 1);
    });

    it("reports a route that does not set authorizationType, since API Gateway then uses NONE", async () => {
        assert.deepEqual(await runPolicy(rule, withProp(apiRoute(), "authorizationType", undefined)), [
            `route "$default" does not set authorizationType (API Gateway's default is NONE): anyone can call it`,
        ]);
    });

    it("allows GET /health by default, and exactly that route key", async () => {
        const health = withProp(withProp(apiRoute(), "routeKey", "GET /health"), "authorizationType", "NONE");
        assert.deepEqual(await runPolicy(rule, health), []);
        assert.equal((await runPolicy(rule, withProp(health, "routeKey", "POST /health"))).length, 1);
        assert.equal((await runPolicy(rule, withProp(health, "routeKey", "GET /health/"))).length, 1);
    });

    it("allows the route keys the config lists instead of the default", async () => {
        const open = withProp(withProp(apiRoute(), "routeKey", "GET /status"), "authorizationType", "NONE");
        assert.deepEqual(await runPolicy(rule, open, { allowedPublicRoutes: ["GET /status"] }), []);
        const health = withProp(open, "routeKey", "GET /health");
        assert.equal((await runPolicy(rule, health, { allowedPublicRoutes: ["GET /status"] })).length, 1, "the list replaces the default");
    });

    it("leaves WebSocket routes other than $default alone (only $connect can be authorized there)", async () => {
        for (const routeKey of ["$connect", "$disconnect", "sendMessage"]) {
            assert.deepEqual(await runPolicy(rule, withProp(withProp(apiRoute(), "routeKey", routeKey), "authorizationType", "NONE")), [], routeKey);
        }
    });

    it("reports nothing while the route key or the authorization type is unknown during preview", async () => {
        const open = withProp(apiRoute(), "authorizationType", "NONE");
        assert.deepEqual(await runPolicy(rule, withProp(open, "routeKey", UNKNOWN.string)), []);
        assert.deepEqual(await runPolicy(rule, withProp(apiRoute(), "authorizationType", UNKNOWN.string)), []);
    });
});
