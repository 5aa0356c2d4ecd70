import { strict as assert } from "node:assert";
import { committedPlan, committedStacks, fixturePlan, fixturePlanWith, fixtureSettings, idOf, ofType, parseDocument, single } from "../../helpers/stackPlan";
import type { StackPlan } from "../../../tools/plan/run";
import { checkPlan } from "../../../tools/plan/policy";

const env = (plan: StackPlan) =>
    (single(plan, "aws:lambda/function:Function", "api-fn").inputs.environment as { variables: Record<string, string> }).variables;
const statements = (plan: StackPlan) => parseDocument(single(plan, "aws:iam/rolePolicy:RolePolicy", "api-permissions").inputs.policy).Statement;
const regionOf = (plan: StackPlan) => String(single(plan, "pulumi:providers:aws").inputs.region);

describe("component: Api", () => {
    describe("in secret mode", () => {
        it("passes the proxy endpoint and the secret's ARN, never a credential", async () => {
            const plan = await fixturePlanWith("small", { dbAuth: "secret" });
            const vars = env(plan);
            assert.match(vars.DB_HOST!, /\.proxy-/);
            assert.equal(vars.DB_PORT, "3306");
            assert.equal(vars.DB_AUTH, "secret");
            assert.equal(vars.DB_TLS, "required");
            assert.equal(vars.SECRET_TTL_SECONDS, "300");
            assert.match(vars.DB_SECRET_ARN!, /^arn:aws:secretsmanager:/);
            assert.equal(vars.DB_USER, undefined);
        });

        it("may read the app secret only, and decrypt it only through Secrets Manager", async () => {
            const plan = await fixturePlanWith("small", { dbAuth: "secret" });
            const vars = env(plan);
            const reads = statements(plan).filter((s) => String(s.Action).startsWith("secretsmanager:"));
            assert.deepEqual(reads.map((s) => s.Resource), [[vars.DB_SECRET_ARN]]);
            assert.equal(statements(plan).filter((s) => String(s.Action).startsWith("rds-db:")).length, 0);
            const decrypt = statements(plan).find((s) => s.Action === "kms:Decrypt");
            assert.deepEqual(decrypt!.Condition, { StringEquals: { "kms:ViaService": `secretsmanager.${regionOf(plan)}.amazonaws.com` } });
        });
    });

    describe("in IAM mode (the default)", () => {
        let plan: StackPlan;
        before(async () => {
            plan = await fixturePlan("small");
        });

        it("passes the database user instead of a secret", () => {
            const vars = env(plan);
            assert.equal(vars.DB_AUTH, "iam");
            assert.equal(vars.DB_USER, "app");
            assert.equal(vars.DB_SECRET_ARN, undefined);
        });

        it("may connect as the app user through this proxy's prx- id and read no secret", () => {
            const connect = statements(plan).filter((s) => s.Action === "rds-db:connect");
            assert.equal(connect.length, 1);
            assert.match(String(connect[0]!.Resource), new RegExp(`^arn:aws:rds-db:${regionOf(plan)}:123456789012:dbuser:prx-[0-9a-f]+/app$`));
            assert.equal(statements(plan).filter((s) => String(s.Action).startsWith("secretsmanager:")).length, 0);
        });
    });

    it("fronts the function with an HTTP API whose default route proxies every request (payload v2), plus a public GET /health", async () => {
        const plan = await fixturePlan("small");
        assert.equal(single(plan, "aws:apigatewayv2/api:Api").inputs.protocolType, "HTTP");
        const integration = single(plan, "aws:apigatewayv2/integration:Integration");
        assert.equal(integration.inputs.integrationType, "AWS_PROXY");
        assert.equal(integration.inputs.payloadFormatVersion, "2.0");
        assert.match(String(integration.inputs.integrationUri), /:function:api-fn$/);
        const routes = ofType(plan, "aws:apigatewayv2/route:Route");
        assert.deepEqual(routes.map((route) => route.inputs.routeKey).sort(), ["$default", "GET /health"]);
        for (const route of routes) {
            assert.equal(route.inputs.target, `integrations/${idOf(integration)}`, "both routes reach the same function");
        }
        const logFormat = JSON.parse((single(plan, "aws:apigatewayv2/stage:Stage").inputs.accessLogSettings as { format: string }).format);
        assert.deepEqual([logFormat.callerArn, logFormat.callerSub], ["$context.identity.userArn", "$context.authorizer.claims.sub"], "access logs say who called");
    });

    describe("caller authorization (apiAuth)", () => {
        const routes = (plan: StackPlan) =>
            Object.fromEntries(ofType(plan, "aws:apigatewayv2/route:Route").map((route) => [String(route.inputs.routeKey), route.inputs]));
        const apiId = (plan: StackPlan) => idOf(single(plan, "aws:apigatewayv2/api:Api"));

        /** IAM's ARN matching: `*` any run of characters (slashes included), `?` one character. */
        const iamMatches = (pattern: string, arn: string) =>
            new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`).test(arn);

        for (const stack of ["small", "hardened"] as const) {
            it(`defaults to iam in ${stack}: $default requires SigV4, GET /health stays open, no authorizer resource`, async () => {
                const plan = await fixturePlan(stack);
                const byKey = routes(plan);
                assert.equal(byKey.$default!.authorizationType, "AWS_IAM");
                assert.equal(byKey.$default!.authorizerId, undefined);
                assert.equal(byKey["GET /health"]!.authorizationType, "NONE");
                assert.equal(ofType(plan, "aws:apigatewayv2/authorizer:Authorizer").length, 0);
                assert.equal(plan.outputs.apiAuth, "iam");
            });
        }

        it("exports the execute-api ARN an IAM caller must be allowed to invoke, covering the $default route", async () => {
            const plan = await fixturePlan("small");
            const region = regionOf(plan);
            const arn = String(plan.outputs.apiInvokeArn);
            assert.equal(arn, `arn:aws:execute-api:${region}:123456789012:${apiId(plan)}/$default/*`);
            const endpoint = (rest: string) => `arn:aws:execute-api:${region}:123456789012:${apiId(plan)}/${rest}`;
            // The $default route's endpoint ARN has no method (arn-format-reference); the explicit route's has one.
            assert.ok(iamMatches(arn, endpoint("$default/$default")));
            assert.ok(iamMatches(arn, endpoint("$default/GET/health")));
            assert.equal(iamMatches(`${arn.slice(0, -1)}*/*`, endpoint("$default/$default")), false, "the */* form would miss $default");
            assert.equal(iamMatches(arn, endpoint("other-stage/POST/orders")), false);
            assert.equal(iamMatches(arn, `arn:aws:execute-api:${region}:123456789012:otherapi/$default/$default`), false);
        });

        describe("jwt", () => {
            let plan: StackPlan;
            before(async () => {
                plan = await fixturePlanWith("small", {
                    apiAuth: "jwt",
                    jwtIssuer: "https://idp.example.com/tenants/orders",
                    jwtAudience: '["orders-web","orders-cli"]',
                });
            });

            it("creates one JWT authorizer reading the Authorization header, with the configured issuer and audiences", () => {
                const authorizer = single(plan, "aws:apigatewayv2/authorizer:Authorizer");
                assert.equal(authorizer.inputs.authorizerType, "JWT");
                assert.equal(authorizer.inputs.apiId, apiId(plan));
                assert.deepEqual(authorizer.inputs.identitySources, ["$request.header.Authorization"]);
                assert.deepEqual(authorizer.inputs.jwtConfiguration, {
                    issuer: "https://idp.example.com/tenants/orders",
                    audiences: ["orders-web", "orders-cli"],
                });
            });

            it("puts it on $default and leaves GET /health open", () => {
                const byKey = routes(plan);
                assert.equal(byKey.$default!.authorizationType, "JWT");
                assert.equal(byKey.$default!.authorizerId, idOf(single(plan, "aws:apigatewayv2/authorizer:Authorizer")));
                assert.equal(byKey["GET /health"]!.authorizationType, "NONE");
                assert.equal(byKey["GET /health"]!.authorizerId, undefined);
            });

            it("exports the mode and no execute-api ARN, which JWT callers do not need", () => {
                assert.equal(plan.outputs.apiAuth, "jwt");
                assert.equal("apiInvokeArn" in plan.outputs, false);
            });
        });

        describe("none", () => {
            let plan: StackPlan;
            before(async () => {
                plan = await fixturePlanWith("small", { apiAuth: "none" });
            });

            it("leaves every route open, with no authorizer, and says so in the outputs", () => {
                assert.deepEqual(Object.values(routes(plan)).map((route) => route.authorizationType), ["NONE", "NONE"]);
                assert.equal(ofType(plan, "aws:apigatewayv2/authorizer:Authorizer").length, 0);
                assert.equal(plan.outputs.apiAuth, "none");
                assert.equal("apiInvokeArn" in plan.outputs, false);
            });

            it("makes the plan warn (advisory) about the open $default route, and only about it, where the stack's policy config says advisory", async () => {
                const violations = (await checkPlan(plan)).filter((v) => v.policy === "disallow-unauthorized-api-routes");
                assert.deepEqual(
                    violations.map((v) => [v.enforcementLevel, v.resource === "default-route"]),
                    [["advisory", true]],
                );
            });

            it("makes the plan fail (mandatory) where the stack's policy config says mandatory", async () => {
                const prod = await fixturePlanWith("hardened", { apiAuth: "none" });
                const violations = (await checkPlan(prod)).filter((v) => v.policy === "disallow-unauthorized-api-routes");
                assert.deepEqual(violations.map((v) => v.enforcementLevel), ["mandatory"]);
            });

            it("leaves every committed stack that asks for authorization without a route violation", async () => {
                for (const stack of committedStacks()) {
                    const plan = await committedPlan(stack);
                    const violations = (await checkPlan(plan)).filter((v) => v.policy === "disallow-unauthorized-api-routes");
                    // A stack may choose an open API (apiAuth: none): the rule then speaks, at the level its policy config sets.
                    if (plan.outputs.apiAuth !== "none") {
                        assert.deepEqual(violations, [], stack);
                    }
                }
            });
        });
    });

    for (const stack of ["small", "hardened"] as const) {
        it(`logs access under /aws/vendedlogs/ and throttles at the ${stack} stack's limits`, async () => {
            const plan = await fixturePlan(stack);
            const [rate, burst] = [Number(fixtureSettings(stack).apiThrottleRateLimit), Number(fixtureSettings(stack).apiThrottleBurstLimit)];
            const stage = single(plan, "aws:apigatewayv2/stage:Stage").inputs;
            const logs = stage.accessLogSettings as { destinationArn: string; format: string };
            // Vended logs: only this prefix stays deliverable once the account's log resource policy nears its 5,120 characters.
            assert.match(logs.destinationArn, new RegExp(`log-group:/aws/vendedlogs/apigateway/${plan.project}-${plan.stack}$`));
            const group = single(plan, "aws:cloudwatch/logGroup:LogGroup", "api-access-logs");
            assert.deepEqual(group.options.ignoreChanges, ["name"], "a renamed stack keeps its access log group");
            assert.ok(JSON.parse(logs.format).requestId);
            assert.deepEqual(
                { rate: (stage.defaultRouteSettings as Record<string, number>).throttlingRateLimit, burst: (stage.defaultRouteSettings as Record<string, number>).throttlingBurstLimit },
                { rate, burst },
            );
        });
    }

    it("lets only this API invoke the function", async () => {
        const plan = await fixturePlan("small");
        const permission = single(plan, "aws:lambda/permission:Permission", "invoke-from-api").inputs;
        const api = single(plan, "aws:apigatewayv2/api:Api");
        assert.equal(permission.principal, "apigateway.amazonaws.com");
        assert.equal(permission.action, "lambda:InvokeFunction");
        assert.equal(permission.sourceArn, `arn:aws:execute-api:${regionOf(plan)}:123456789012:${idOf(api)}/*/*`);
    });
});
