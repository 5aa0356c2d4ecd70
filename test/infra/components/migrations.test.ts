import { strict as assert } from "node:assert";
import { committedPlan, parseDocument, planWith, single } from "../../helpers/stackPlan";

describe("component: Migrations", () => {
    it("connects to the instance, not the proxy, with the RDS-managed master secret", async () => {
        const plan = await committedPlan("dev");
        const env = (single(plan, "aws:lambda/function:Function", "-migrate-fn").inputs.environment as { variables: Record<string, string> }).variables;
        assert.match(env.DB_HOST!, /\.rds\.amazonaws\.com$/);
        assert.doesNotMatch(env.DB_HOST!, /\.proxy-/);
        assert.match(env.DB_ADMIN_SECRET_ARN!, /:secret:rds!db-/);
        assert.match(env.DB_APP_SECRET_ARN!, /-app-db-/);
        assert.equal(env.DB_TLS, "required");
    });

    it("may read the master and app secrets only", async () => {
        const plan = await committedPlan("dev");
        const statements = parseDocument(single(plan, "aws:iam/rolePolicy:RolePolicy", "-migrate-permissions").inputs.policy).Statement;
        const reads = statements.filter((s) => s.Action === "secretsmanager:GetSecretValue");
        assert.equal(reads.length, 1);
        const env = (single(plan, "aws:lambda/function:Function", "-migrate-fn").inputs.environment as { variables: Record<string, string> }).variables;
        assert.deepEqual(reads[0]!.Resource, [env.DB_ADMIN_SECRET_ARN, env.DB_APP_SECRET_ARN]);
    });

    it("is invoked by the deploy with a trigger that names what it ran for", async () => {
        const plan = await committedPlan("dev");
        const invocation = single(plan, "aws:lambda/invocation:Invocation").inputs;
        assert.equal(invocation.functionName, single(plan, "aws:lambda/function:Function", "-migrate-fn").name);
        const trigger = (invocation.triggers as Record<string, string>).run;
        assert.match(trigger!, /^[0-9a-f]{64}$/);
        assert.deepEqual(JSON.parse(invocation.input as string), { trigger });
    });

    it("runs again when the app user's secret changes", async () => {
        // Each plan mints its own secret version, as a new password would; code and SQL are the same.
        const [dev, again] = [await committedPlan("dev"), await planWith("dev", {})];
        const run = (p: typeof dev) => (single(p, "aws:lambda/invocation:Invocation").inputs.triggers as Record<string, string>).run;
        assert.notEqual(run(dev), run(again));
    });
});
