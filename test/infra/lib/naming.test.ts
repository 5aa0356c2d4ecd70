import { strict as assert } from "node:assert";
import { NAME, PROGRAM_NAMES, nameBudget, programNamedResources, validateNamePrefix } from "../../../infra/lib/naming";
import { preflight } from "../../../tools/preflight/check";
import { NAME_PREFLIGHT_RULES } from "../../../tools/preflight/rules";
import type { PreflightResource } from "../../../tools/preflight/types";
import type { StackPlan } from "../../../tools/plan/run";
import { committedPlan, planWith } from "../../helpers/stackPlan";

const PROJECT = "serverless-mysql";
/** Pulumi's autoname: "-" and 7 random characters (https://www.pulumi.com/docs/iac/concepts/resources/names/). */
const AUTONAME = 8;

/** A stack name that makes `<project>-<stack>` exactly `length` characters. */
function stackFor(length: number): string {
    return "abcdefghijklmnopqrstuvwxyz0123456789".slice(0, length - PROJECT.length - 1);
}

function asFork(plan: StackPlan, prefix: string): PreflightResource[] {
    return JSON.parse(JSON.stringify(plan.resources).split(`${plan.project}-${plan.stack}`).join(prefix)) as PreflightResource[];
}

describe("lib: naming", () => {
    describe("nameBudget", () => {
        it("is the tightest name limit minus the longest suffix the program appends minus Pulumi's 8 characters", () => {
            const iamRole = NAME_PREFLIGHT_RULES.find((r) => r.id === "iam-role-name")!.name.maxLength;
            const budget = nameBudget();
            assert.equal(budget.length, iamRole - "-flow-logs-role".length - AUTONAME);
            assert.equal(budget.length, 41);
            assert.equal(budget.what, "IAM role name");
        });

        it("is exact: a prefix of the budget passes the full preflight of both stacks, one character more fails", async () => {
            const budget = nameBudget().length;
            for (const stackFile of ["dev", "prod"]) {
                const plan = await planWith(stackFile, {}, { stack: stackFor(budget) });
                assert.equal(`${plan.project}-${plan.stack}`.length, budget);
                assert.deepEqual(preflight(plan.resources, { namePrefix: `${plan.project}-${plan.stack}` }), [], stackFile);
                const longer = `${plan.project}-${plan.stack}x`;
                const failures = preflight(asFork(plan, longer), { namePrefix: longer });
                // Only names at the budget fail, each by one character: the longest suffixes (15 characters on IAM role
                // names and EventBridge names of 64) are the binding ones.
                assert.ok(failures.length > 0, stackFile);
                for (const failure of failures) {
                    assert.match(failure.message, /is 65 characters; at most 64 are allowed/, `${stackFile}: ${failure.message}`);
                }
                if (stackFile === "prod") {
                    assert.ok(failures.some((f) => f.rule === "iam-role-name" && f.resource === `${longer}-flow-logs-role`));
                }
            }
            assert.deepEqual(validateNamePrefix(PROJECT, stackFor(budget)), []);
            assert.equal(validateNamePrefix(PROJECT, stackFor(budget + 1)).length, 1);
        });
    });

    describe("validateNamePrefix", () => {
        it("accepts the committed project and stacks", () => {
            assert.deepEqual(validateNamePrefix(PROJECT, "dev"), []);
            assert.deepEqual(validateNamePrefix(PROJECT, "prod"), []);
        });

        it("refuses a prefix over the budget, naming the limit and how many characters fit", () => {
            const [problem, ...rest] = validateNamePrefix("acme-payments-platform-orders", "production-eu-west-1");
            assert.deepEqual(rest, []);
            assert.match(problem ?? "", /"acme-payments-platform-orders-production-eu-west-1" 50 characters long; at most 41 fit: IAM role names allow 64 characters/);
            assert.match(problem ?? "", /Fix: shorten the project name \(Pulumi\.yaml\) and\/or the stack name so "<project>-<stack>" has at most 41 characters\./);
        });

        it("refuses characters some name does not take, naming the rule and the fix", () => {
            const problems = validateNamePrefix("my_app.v2", "dev");
            assert.ok(problems.some((p) => /break the lambda-function-name rule: Lambda function name ".*" contains "\."/.test(p)));
            assert.ok(problems.some((p) => /break the rds-instance-identifier rule: .*contains "_", "\.".*Fix: rename the project \(Pulumi\.yaml\) or the stack using only lower-case letters, digits and hyphens/.test(p)));
        });

        it("refuses upper case, a leading digit and doubled or trailing hyphens, which RDS names do not take", () => {
            for (const [project, stack] of [["MyApp", "dev"], ["1app", "dev"], ["app-", "dev"], ["app", "dev-"]]) {
                const problems = validateNamePrefix(project!, stack!);
                assert.ok(problems.some((p) => p.includes("rds-instance-identifier")), `${project}-${stack}: ${problems.join("\n")}`);
            }
        });
    });

    describe("PROGRAM_NAMES", () => {
        it("covers every named resource of the committed plans (add new ones there)", async () => {
            for (const stack of ["dev", "prod"]) {
                const plan = await committedPlan(stack);
                const prefix = `${plan.project}-${plan.stack}`;
                const known = programNamedResources(prefix);
                for (const resource of plan.resources) {
                    const rules = NAME_PREFLIGHT_RULES.filter((r) => r.types.includes(resource.type));
                    if (rules.length === 0) {
                        continue;
                    }
                    const template = known.find((k) => k.type === resource.type && k.name === resource.name);
                    assert.ok(template, `${resource.type} ${resource.name} is not in PROGRAM_NAMES (infra/lib/naming.ts)`);
                    for (const { name: spec } of rules) {
                        for (const property of [spec.property, spec.prefixProperty].filter((p): p is string => p !== undefined)) {
                            const planned = resource.inputs[property];
                            if (typeof planned !== "string") {
                                continue;
                            }
                            const expected = String(template.inputs[property] ?? "");
                            // Random parts the program adds are zeros in the template.
                            const pattern = new RegExp(`^${expected.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&").replace(/0{8}$/, "[0-9a-f]{8}")}$`);
                            assert.match(planned, pattern, `${resource.name}.${property}`);
                        }
                    }
                }
            }
        });

        it("spells every template with the prefix placeholder", () => {
            for (const n of PROGRAM_NAMES) {
                assert.ok(n.logical.includes(NAME), n.logical);
            }
        });
    });
});
