import { strict as assert } from "node:assert";
import { ConfigError } from "../../../infra/config";
import { appliesTo, formatPreflight, preflight } from "../../../tools/preflight/check";
import { PREFLIGHT_RULES, T } from "../../../tools/preflight/rules";
import type { PreflightResource } from "../../../tools/preflight/types";
import type { StackPlan } from "../../../tools/plan/run";
import { committedPlan, planWith } from "../../helpers/stackPlan";
import { baseline, changed } from "./fixtures";

/** A committed plan as a fork would plan it: every name built from `<project>-<stack>` now from `prefix`. */
function asFork(plan: StackPlan, prefix: string): PreflightResource[] {
    return JSON.parse(JSON.stringify(plan.resources).split(`${plan.project}-${plan.stack}`).join(prefix)) as PreflightResource[];
}

describe("preflight: check", () => {
    it("reports one failure per finding, with the rule, the resource, what is refused, the fix and the sources", () => {
        const failures = preflight(changed(T.lambdaFunction, { memorySize: 64, timeout: 901 }));
        assert.deepEqual(
            failures.map((f) => [f.rule, f.type, f.resource]),
            [
                ["lambda-memory-size", T.lambdaFunction, "app-dev-api-fn"],
                ["lambda-timeout", T.lambdaFunction, "app-dev-api-fn"],
                ["lambda-timeout-within-integration", T.integration, "app-dev-lambda"],
            ],
        );
        assert.match(failures[0]!.fix, /128 and 10240 MB/);
        assert.ok(failures[0]!.sources.every((url) => url.startsWith("https://")));
    });

    it("applies aws:* rules to every AWS type and nothing else", () => {
        const tags = PREFLIGHT_RULES.find((r) => r.id === "tags-limits")!;
        assert.equal(appliesTo(tags, T.rdsInstance), true);
        assert.equal(appliesTo(tags, "random:index/randomId:RandomId"), false);
        assert.equal(appliesTo(PREFLIGHT_RULES.find((r) => r.id === "lambda-timeout")!, T.rdsInstance), false);
    });

    it("prints each failure with its rule, resource and fix, and a one-line all-clear otherwise", () => {
        const text = formatPreflight(preflight(changed(T.kmsKey, { deletionWindowInDays: 3 })));
        assert.match(text, /^Preflight: 1 failure\(s\) AWS would refuse at deploy time\./);
        assert.match(text, /\[kms-key-deletion-window\] app-dev-key \(aws:kms\/key:Key\): KMS key deletion window \(days\) is 3; AWS accepts a whole number from 7 to 30\.\n\s+Fix: /);
        assert.match(formatPreflight(preflight(baseline())), /^Preflight: no failures \(\d+ rules, see docs\/preflight\.md\)\.$/);
    });

    describe("end to end, on the program's plans", () => {
        for (const stack of ["dev", "prod"]) {
            it(`passes the committed ${stack} plan`, async () => {
                const plan = await committedPlan(stack);
                assert.deepEqual(preflight(plan.resources, { namePrefix: `${plan.project}-${plan.stack}` }), []);
            });
        }

        it("links the projector's target to its rule on the stack's bus: without the bus, the dev plan fails", async () => {
            const plan = await committedPlan("dev");
            const resources = plan.resources.map((r) => {
                if (r.type !== T.eventTarget) {
                    return r;
                }
                const { eventBusName: _dropped, ...inputs } = r.inputs;
                return { ...r, inputs };
            });
            const failures = preflight(resources, { rules: PREFLIGHT_RULES.filter((r) => r.id === "eventbridge-target-on-rule-bus") });
            assert.deepEqual(failures.map((f) => f.resource), ["serverless-mysql-dev-projector-target"]);
        });

        it("refuses a fork named acme-payments-platform-orders / production-eu-west-1, naming the limit and how short the names must be", async () => {
            const prefix = "acme-payments-platform-orders-production-eu-west-1";
            const failures = preflight(asFork(await committedPlan("prod"), prefix), { namePrefix: prefix });
            const rules = new Set(failures.map((f) => f.rule));
            assert.ok(rules.has("iam-role-name") && rules.has("lambda-function-name") && rules.has("rds-proxy-name"), [...rules].join(", "));
            const flowLogsRole = failures.find((f) => f.resource === `${prefix}-flow-logs-role`);
            assert.match(flowLogsRole?.message ?? "", /IAM role name ".*-flow-logs-role-xxxxxxx" .* is 73 characters; at most 64 are allowed/);
            assert.match(flowLogsRole?.fix ?? "", /shorten the project and stack names: "<project>-<stack>" .* \(50 characters\) and may have at most 41/);
        });

        it("refuses the same fork in the program itself, before any resource is planned", async () => {
            await assert.rejects(
                planWith("prod", {}, { project: "acme-payments-platform-orders", stack: "production-eu-west-1" }),
                (err: Error) => err instanceof ConfigError && /50 characters long; at most 41 fit.*Fix: shorten the project name/s.test(err.message),
            );
        });

        it("refuses a project named my_app.v2, naming the rules and the fix", async () => {
            const prefix = "my_app.v2-dev";
            const failures = preflight(asFork(await committedPlan("dev"), prefix), { namePrefix: prefix });
            const lambda = failures.find((f) => f.rule === "lambda-function-name" && f.resource === `${prefix}-api-fn`);
            assert.match(lambda?.message ?? "", /Lambda function name "my_app\.v2-dev-api-fn-xxxxxxx" .*contains "\."/);
            assert.match(lambda?.fix ?? "", /rename the project or stack: Lambda function names allow only letters, digits, hyphens and underscores/);
            assert.ok(failures.some((f) => f.rule === "rds-instance-identifier" && /contains "_", "\."/.test(f.message)));
            await assert.rejects(
                planWith("dev", {}, { project: "my_app.v2" }),
                (err: Error) => err instanceof ConfigError && /break the lambda-function-name rule.*Fix: rename the project/s.test(err.message),
            );
        });

        it("refuses upper-case letters, which RDS names do not take", async () => {
            const prefix = "MyApp-dev";
            const failures = preflight(asFork(await committedPlan("dev"), prefix), { namePrefix: prefix });
            assert.deepEqual(
                [...new Set(failures.map((f) => f.rule))].sort(),
                ["rds-instance-identifier", "rds-parameter-group-name", "rds-proxy-name", "rds-subnet-group-name"],
            );
        });
    });
});
