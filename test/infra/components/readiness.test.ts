import { strict as assert } from "node:assert";
import type { StackPlan } from "../../../tools/plan/run";
import type { PlannedResource } from "../../../tools/plan/mocks";
import { fixturePlan, fixturePlanWith, parseDocument, single, waitsFor } from "../../helpers/stackPlan";

const FN = "aws:lambda/function:Function";
const INVOCATION = "aws:lambda/invocation:Invocation";

const envOf = (plan: StackPlan, suffix: string) => (single(plan, FN, suffix).inputs.environment as { variables: Record<string, string> }).variables;
const check = (plan: StackPlan) => single(plan, INVOCATION, "readiness-check");
const trigger = (plan: StackPlan) => (check(plan).inputs.triggers as Record<string, string>).run;
const statementsOf = (plan: StackPlan, suffix: string) => parseDocument(single(plan, "aws:iam/rolePolicy:RolePolicy", suffix).inputs.policy).Statement;
/** The role's statements beyond what every VpcFunction gets (VPC access, its own log group). */
const ownStatements = (plan: StackPlan, suffix: string) =>
    statementsOf(plan, suffix).filter((s) => !/^logs:|^ec2:/.test(String([s.Action].flat()[0])));
const securityGroupsOf = (fn: PlannedResource) => (fn.inputs.vpcConfig as { securityGroupIds: string[] }).securityGroupIds;

describe("component: Readiness", () => {
    describe("in IAM mode (the default)", () => {
        let plan: StackPlan;
        before(async () => {
            plan = await fixturePlan("small");
        });

        it("logs in exactly as the API does: the same database environment, through the proxy", () => {
            const probe = envOf(plan, "readiness-fn");
            const api = envOf(plan, "api-fn");
            for (const key of ["DB_HOST", "DB_PORT", "DB_NAME", "DB_TLS", "DB_AUTH", "DB_USER"]) {
                assert.equal(probe[key], api[key], key);
            }
            assert.match(probe.DB_HOST!, /\.proxy-/);
            assert.equal(probe.DB_AUTH, "iam");
        });

        it("may do what the API's login needs and nothing else: rds-db:connect as the app user on this proxy", () => {
            assert.deepEqual(ownStatements(plan, "readiness-permissions"), ownStatements(plan, "api-permissions"));
            const [statement, ...others] = ownStatements(plan, "readiness-permissions");
            assert.equal(others.length, 0);
            assert.equal(statement!.Action, "rds-db:connect");
            assert.match(String(statement!.Resource), /:dbuser:prx-[0-9a-z]+\/app$/);
        });

        it("takes the API's own security group, so it crosses the API's path to the proxy", () => {
            assert.deepEqual(securityGroupsOf(single(plan, FN, "readiness-fn")), securityGroupsOf(single(plan, FN, "api-fn")));
        });

        it("waits long enough for a target to register, within Lambda's 900 s", () => {
            const timeout = Number(single(plan, FN, "readiness-fn").inputs.timeout);
            assert.ok(timeout >= 300 && timeout <= 900, `timeout ${timeout}`);
            assert.ok(timeout > Number(single(plan, FN, "api-fn").inputs.timeout));
        });

        it("is invoked by the deploy once the proxy's target and migrate are done, with a trigger it was given as input", () => {
            const waits = waitsFor(plan, check(plan));
            assert.ok(waits.includes(single(plan, INVOCATION, "migrate-run").name), "after migrate");
            assert.ok(waits.some((name) => name.startsWith("proxy-target-")), "after the target's registration");
            assert.equal(check(plan).inputs.functionName, single(plan, FN, "readiness-fn").name);
            assert.match(trigger(plan), /^[0-9a-f]{64}$/);
            assert.deepEqual(JSON.parse(String(check(plan).inputs.input)), { trigger: trigger(plan) });
            // CREATE_ONLY (the provider's default): nothing runs on destroy.
            assert.equal(check(plan).inputs.lifecycleScope, undefined);
        });

        it("holds back the API, its stage, the relay's schedule and the projector's rule target until it passes", () => {
            for (const [type, suffix] of [
                [FN, "api-fn"],
                ["aws:apigatewayv2/stage:Stage", "stage"],
                ["aws:scheduler/schedule:Schedule", "relay-schedule"],
                ["aws:cloudwatch/eventTarget:EventTarget", "projector-target"],
                [FN, "relay-fn"],
                [FN, "projector-fn"],
            ] as const) {
                assert.ok(waitsFor(plan, single(plan, type, suffix)).includes("readiness-check"), `${suffix} waits for the readiness check`);
            }
        });
    });

    describe("when it runs again", () => {
        it("does not run on a redeploy that changes nothing", async () => {
            assert.equal(trigger(await fixturePlanWith("small", {})), trigger(await fixturePlan("small")));
        });

        it("runs when the proxy is replaced (an AZ change: new endpoint, new target)", async () => {
            assert.notEqual(trigger(await fixturePlanWith("small", { availabilityZones: "3" })), trigger(await fixturePlan("small")));
        });

        it("runs when the login changes: another user, or another mode", async () => {
            const base = trigger(await fixturePlan("small"));
            assert.notEqual(trigger(await fixturePlanWith("small", { appDbUser: "orders_app" })), base);
            assert.notEqual(trigger(await fixturePlanWith("small", { dbAuth: "secret" })), base);
        });

        // A replaced instance (a new resource id) runs it too: the mocks keep resource ids per logical name, so
        // test/infra/lib/readinessTrigger.test.ts shows that one on the trigger itself.
    });

    describe("in secret mode", () => {
        it("reads the app user's secret like the API, and may read that secret only", async () => {
            const plan = await fixturePlanWith("small", { dbAuth: "secret" });
            assert.equal(envOf(plan, "readiness-fn").DB_SECRET_ARN, envOf(plan, "api-fn").DB_SECRET_ARN);
            assert.deepEqual(ownStatements(plan, "readiness-permissions"), ownStatements(plan, "api-permissions"));
            const reads = ownStatements(plan, "readiness-permissions").filter((s) => s.Action === "secretsmanager:GetSecretValue");
            assert.deepEqual(reads.map((s) => [s.Resource].flat()), [[envOf(plan, "api-fn").DB_SECRET_ARN]]);
        });
    });
});
