import { strict as assert } from "node:assert";
import { committedPlan, parseDocument, planWith, single } from "../../helpers/stackPlan";
import type { StackPlan } from "../../../infra/plan/run";

const env = (plan: StackPlan) =>
    (single(plan, "aws:lambda/function:Function", "-api-fn").inputs.environment as { variables: Record<string, string> }).variables;
const statements = (plan: StackPlan) => parseDocument(single(plan, "aws:iam/rolePolicy:RolePolicy", "-api-permissions").inputs.policy).Statement;

describe("component: Api", () => {
    describe("in secret mode", () => {
        it("passes the proxy endpoint and the secret's ARN, never a credential", async () => {
            const plan = await planWith("dev", { "serverless-mysql:dbAuth": "secret" });
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
            const plan = await planWith("dev", { "serverless-mysql:dbAuth": "secret" });
            const vars = env(plan);
            const reads = statements(plan).filter((s) => String(s.Action).startsWith("secretsmanager:"));
            assert.deepEqual(reads.map((s) => s.Resource), [[vars.DB_SECRET_ARN]]);
            assert.equal(statements(plan).filter((s) => String(s.Action).startsWith("rds-db:")).length, 0);
            const decrypt = statements(plan).find((s) => s.Action === "kms:Decrypt");
            assert.deepEqual(decrypt!.Condition, { StringEquals: { "kms:ViaService": "secretsmanager.eu-west-1.amazonaws.com" } });
        });
    });

    describe("in IAM mode (the default)", () => {
        let plan: StackPlan;
        before(async () => {
            plan = await committedPlan("dev");
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
            assert.match(String(connect[0]!.Resource), /^arn:aws:rds-db:eu-west-1:123456789012:dbuser:prx-[0-9a-f]+\/app$/);
            assert.equal(statements(plan).filter((s) => String(s.Action).startsWith("secretsmanager:")).length, 0);
        });
    });

    it("fronts the function with an HTTP API whose default route proxies every request (payload v2)", async () => {
        const plan = await committedPlan("dev");
        assert.equal(single(plan, "aws:apigatewayv2/api:Api").inputs.protocolType, "HTTP");
        const integration = single(plan, "aws:apigatewayv2/integration:Integration").inputs;
        assert.equal(integration.integrationType, "AWS_PROXY");
        assert.equal(integration.payloadFormatVersion, "2.0");
        assert.match(String(integration.integrationUri), /:function:.*-api-fn$/);
        assert.equal(single(plan, "aws:apigatewayv2/route:Route").inputs.routeKey, "$default");
    });

    for (const [stack, rate, burst] of [["dev", 20, 40], ["prod", 200, 400]] as const) {
        it(`logs access and throttles at the ${stack} stack's limits`, async () => {
            const plan = await committedPlan(stack);
            const stage = single(plan, "aws:apigatewayv2/stage:Stage").inputs;
            const logs = stage.accessLogSettings as { destinationArn: string; format: string };
            assert.match(logs.destinationArn, /log-group:\/aws\/apigateway\//);
            assert.ok(JSON.parse(logs.format).requestId);
            assert.deepEqual(
                { rate: (stage.defaultRouteSettings as Record<string, number>).throttlingRateLimit, burst: (stage.defaultRouteSettings as Record<string, number>).throttlingBurstLimit },
                { rate, burst },
            );
        });
    }

    it("lets only this API invoke the function", async () => {
        const plan = await committedPlan("dev");
        const permission = single(plan, "aws:lambda/permission:Permission").inputs;
        const api = single(plan, "aws:apigatewayv2/api:Api");
        assert.equal(permission.principal, "apigateway.amazonaws.com");
        assert.equal(permission.action, "lambda:InvokeFunction");
        assert.equal(permission.sourceArn, `arn:aws:execute-api:eu-west-1:123456789012:${api.name}-id/*/*`);
    });
});
