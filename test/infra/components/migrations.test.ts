import { strict as assert } from "node:assert";
import { fixturePlan, fixturePlanWith, parseDocument, single } from "../../helpers/stackPlan";
import type { StackPlan } from "../../../tools/plan/run";

const migrateEnv = (plan: StackPlan) =>
    (single(plan, "aws:lambda/function:Function", "migrate-fn").inputs.environment as { variables: Record<string, string> }).variables;
const secretReads = (plan: StackPlan) =>
    parseDocument(single(plan, "aws:iam/rolePolicy:RolePolicy", "migrate-permissions").inputs.policy).Statement.filter(
        (s) => s.Action === "secretsmanager:GetSecretValue",
    );

describe("component: Migrations", () => {
    it("connects to the instance, not the proxy, with the RDS-managed master secret", async () => {
        const env = migrateEnv(await fixturePlan("small"));
        assert.match(env.DB_HOST!, /\.rds\.amazonaws\.com$/);
        assert.doesNotMatch(env.DB_HOST!, /\.proxy-/);
        assert.match(env.DB_ADMIN_SECRET_ARN!, /:secret:rds!db-/);
        assert.equal(env.DB_TLS, "required");
    });

    it("creates the app user for IAM in IAM mode, reading the master secret only", async () => {
        const plan = await fixturePlan("small");
        const env = migrateEnv(plan);
        assert.equal(env.DB_APP_AUTH, "iam");
        assert.equal(env.DB_APP_USER, "app");
        assert.equal(env.DB_APP_SECRET_ARN, undefined);
        const reads = secretReads(plan);
        assert.equal(reads.length, 1);
        assert.deepEqual(reads[0]!.Resource, [env.DB_ADMIN_SECRET_ARN]);
    });

    it("sets the app user's password from its secret in secret mode, and may read those two secrets only", async () => {
        const plan = await fixturePlanWith("small", { dbAuth: "secret" });
        const env = migrateEnv(plan);
        assert.equal(env.DB_APP_AUTH, "secret");
        assert.match(env.DB_APP_SECRET_ARN!, /:secret:app-db-/);
        assert.deepEqual(secretReads(plan)[0]!.Resource, [env.DB_ADMIN_SECRET_ARN, env.DB_APP_SECRET_ARN]);
    });

    it("is invoked by the deploy with a trigger that names what it ran for", async () => {
        const plan = await fixturePlan("small");
        const invocation = single(plan, "aws:lambda/invocation:Invocation", "migrate-run").inputs;
        assert.equal(invocation.functionName, single(plan, "aws:lambda/function:Function", "migrate-fn").name);
        const trigger = (invocation.triggers as Record<string, string>).run;
        assert.match(trigger!, /^[0-9a-f]{64}$/);
        assert.deepEqual(JSON.parse(invocation.input as string), { trigger });
    });

    it("runs again when the app user's secret changes, and not when nothing does", async () => {
        // Another user name is another secret value, so a new secret version; code and SQL are the same.
        const [first, same, changed] = [
            await fixturePlanWith("small", { dbAuth: "secret" }),
            await fixturePlanWith("small", { dbAuth: "secret" }),
            await fixturePlanWith("small", { dbAuth: "secret", appDbUser: "orders_app" }),
        ];
        const run = (p: StackPlan) => (single(p, "aws:lambda/invocation:Invocation", "migrate-run").inputs.triggers as Record<string, string>).run;
        assert.equal(run(first), run(same));
        assert.notEqual(run(first), run(changed));
    });
});
