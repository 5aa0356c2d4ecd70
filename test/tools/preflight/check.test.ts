import { strict as assert } from "node:assert";
import { ConfigError } from "../../../infra/config";
import { appliesTo, formatPreflight, preflight } from "../../../tools/preflight/check";
import { PREFLIGHT_RULES, T } from "../../../tools/preflight/rules";
import type { PreflightResource } from "../../../tools/preflight/types";
import { nameBudget } from "../../../infra/lib/naming";
import type { StackNames } from "../../../infra/lib/physicalNames";
import type { StackPlan } from "../../../tools/plan/run";
import { committedPlan, committedStacks, fixturePlan, fixturePlanWith } from "../../helpers/stackPlan";
import { baseline, changed } from "./fixtures";

/** A plan as a fork named `names` would plan it: explicit names built from `<project>-<stack>` take the fork's prefix. */
function asFork(plan: StackPlan, names: StackNames): PreflightResource[] {
    return JSON.parse(JSON.stringify(plan.resources).split(`${plan.project}-${plan.stack}`).join(`${names.project}-${names.stack}`)) as PreflightResource[];
}

const namesOf = (plan: StackPlan): StackNames => ({ project: plan.project, stack: plan.stack });

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
        for (const stack of ["small", "hardened"] as const) {
            it(`passes the fixture project's ${stack} plan`, async () => {
                const plan = await fixturePlan(stack);
                assert.deepEqual(preflight(plan.resources, { names: namesOf(plan) }), []);
            });
        }

        it("passes the plan of every committed stack", async () => {
            for (const stack of committedStacks()) {
                const plan = await committedPlan(stack);
                assert.deepEqual(preflight(plan.resources, { names: namesOf(plan) }), [], stack);
            }
        });

        it("finds every function that connects through the proxy: a borrow timeout longer than theirs fails for each", async () => {
            const plan = await fixturePlan("small");
            const resources = plan.resources.map((r) =>
                r.type === T.rdsProxyTargetGroup ? { ...r, inputs: { ...r.inputs, connectionPoolConfig: { connectionBorrowTimeout: 300 } } } : r,
            );
            const failures = preflight(resources, { rules: PREFLIGHT_RULES.filter((r) => r.id === "rds-proxy-borrow-within-function-timeout") });
            const named = failures.map((f) => /function (\S+) times out/.exec(f.message)?.[1]).sort();
            // The API and, with events, the relay and the projector; never migrate, which connects to the instance itself.
            for (const role of ["api", "relay", "projector"]) {
                assert.ok(named.some((name) => name?.startsWith(role)), `${role}: ${named.join(", ")}`);
            }
            assert.ok(!named.some((name) => name?.startsWith("migrate")), named.join(", "));
        });

        it("links the projector's target to its rule on the stack's bus: without the bus, the plan fails", async () => {
            const plan = await fixturePlan("small");
            const targets = plan.resources.filter((r) => r.type === T.eventTarget);
            assert.ok(targets.length > 0);
            const resources = plan.resources.map((r) => {
                if (r.type !== T.eventTarget) {
                    return r;
                }
                const { eventBusName: _dropped, ...inputs } = r.inputs;
                return { ...r, inputs };
            });
            const failures = preflight(resources, { rules: PREFLIGHT_RULES.filter((r) => r.id === "eventbridge-target-on-rule-bus") });
            assert.deepEqual(failures.map((f) => f.resource), targets.map((t) => t.name));
        });

        it("refuses a fork named acme-payments-platform-orders / production-ap-east-1, naming the limit and how short the names must be", async () => {
            const names = { project: "acme-payments-platform-orders", stack: "production-ap-east-1" };
            const prefix = `${names.project}-${names.stack}`;
            const budget = nameBudget();
            const failures = preflight(asFork(await fixturePlan("hardened"), names), { names });
            const rules = new Set(failures.map((f) => f.rule));
            assert.ok(rules.has("iam-role-name") && rules.has("lambda-function-name") && rules.has("rds-proxy-name"), [...rules].join(", "));
            // The name that sets the budget fails by exactly the characters the prefix is too long.
            const bindingName = budget.limitedBy.replace(/^-/, "").replace(/-x+$/, "");
            const binding = failures.find((f) => f.resource === bindingName && f.message.startsWith(budget.what));
            assert.ok(binding, failures.map((f) => f.resource).join(", "));
            const length = prefix.length + budget.limitedBy.length;
            assert.ok(binding.message.includes(`"${prefix}${budget.limitedBy}"`), binding.message);
            assert.match(binding.message, new RegExp(`is ${length} characters; at most ${budget.maxLength} are allowed`));
            assert.ok(binding.fix.includes(`shorten the project and stack names: "<project>-<stack>" is "${prefix}" (${prefix.length} characters) and may have at most ${budget.length}`), binding.fix);
        });

        it("refuses the same fork in the program itself, before any resource is planned", async () => {
            const budget = nameBudget();
            await assert.rejects(
                fixturePlanWith("hardened", {}, { project: "acme-payments-platform-orders", stack: "production-ap-east-1" }),
                (err: Error) => err instanceof ConfigError && new RegExp(`50 characters long; at most ${budget.length} fit.*Fix: shorten the project name`, "s").test(err.message),
            );
        });

        it("refuses a project named my_app.v2, naming the rules and the fix", async () => {
            const names = { project: "my_app.v2", stack: "small" };
            const failures = preflight(asFork(await fixturePlan("small"), names), { names });
            const lambda = failures.find((f) => f.rule === "lambda-function-name");
            assert.match(lambda?.message ?? "", /Lambda function name "my_app\.v2-small-.*-xxxxxxx" .*contains "\."/);
            assert.match(lambda?.fix ?? "", /rename the project or stack: Lambda function names allow only letters, digits, hyphens and underscores/);
            assert.ok(failures.some((f) => f.rule === "rds-instance-identifier" && /contains "_", "\."/.test(f.message)));
            await assert.rejects(
                fixturePlanWith("small", {}, { project: "my_app.v2" }),
                (err: Error) => err instanceof ConfigError && /break the lambda-function-name rule.*Fix: rename the project/s.test(err.message),
            );
        });

        it("refuses upper-case letters, which RDS names do not take", async () => {
            const names = { project: "MyApp", stack: "small" };
            const failures = preflight(asFork(await fixturePlan("small"), names), { names });
            assert.deepEqual(
                [...new Set(failures.map((f) => f.rule))].sort(),
                ["rds-instance-identifier", "rds-parameter-group-name", "rds-proxy-name", "rds-subnet-group-name"],
            );
        });
    });
});
