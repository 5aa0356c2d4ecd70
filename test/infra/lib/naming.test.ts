import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { NAME_RULES } from "../../../infra/lib/nameRules";
import { NAME, PROGRAM_NAMES, nameBudget, programNamedResources, validateNamePrefix } from "../../../infra/lib/naming";
import { AUTONAMING_PATTERN, physicalName, proposedName } from "../../../infra/lib/physicalNames";
import { preflight } from "../../../tools/preflight/check";
import type { PreflightResource } from "../../../tools/preflight/types";
import { projectName, repositoryRoot, type StackPlan } from "../../../tools/plan/run";
import { committedStacks, fixturePlan, fixturePlanWith, type FixtureStack } from "../../helpers/stackPlan";

const FIXTURES: readonly FixtureStack[] = ["small", "hardened"];

/** A fixture project of this test's own, shorter than any budget the program could have. */
const PROJECT = "shop";

/** A stack name that makes `shop-<stack>` exactly `length` characters. */
function stackFor(length: number): string {
    return "s".repeat(length - PROJECT.length - 1);
}

/** A plan's resources as a fork named `names` would plan them: explicit names built from `<project>-<stack>` take the fork's prefix. */
function asFork(plan: StackPlan, names: { project: string; stack: string }): PreflightResource[] {
    return JSON.parse(JSON.stringify(plan.resources).split(`${plan.project}-${plan.stack}`).join(`${names.project}-${names.stack}`)) as PreflightResource[];
}

/** Plans that between them create every kind of named resource: both fixtures, secret mode, MySQL 8.0. */
async function variedPlans(): Promise<StackPlan[]> {
    return [
        ...(await Promise.all(FIXTURES.map((s) => fixturePlan(s)))),
        await fixturePlanWith("small", { dbAuth: "secret", dbEngineVersion: "8.0" }),
    ];
}

describe("lib: naming", () => {
    describe("the autonaming pattern", () => {
        it("is the one Pulumi.yaml sets for the project, and no stack file overrides it", () => {
            const project = parse(fs.readFileSync(path.join(repositoryRoot, "Pulumi.yaml"), "utf8")) as { config?: Record<string, { value?: { pattern?: string } }> };
            assert.equal(project.config?.["pulumi:autonaming"]?.value?.pattern, AUTONAMING_PATTERN);
            for (const stack of committedStacks()) {
                const file = parse(fs.readFileSync(path.join(repositoryRoot, `Pulumi.${stack}.yaml`), "utf8")) as { config?: Record<string, unknown> };
                assert.equal(file.config?.["pulumi:autonaming"], undefined, `Pulumi.${stack}.yaml overrides pulumi:autonaming`);
            }
        });

        it("puts the project and the stack in front of the logical name and random characters after it", () => {
            assert.deepEqual(proposedName(AUTONAMING_PATTERN, "api-fn", { project: "shop", stack: "qa" }), { value: "shop-qa-api-fn-xxxxxxx", generated: 7 });
        });

        it("knows Pulumi's other random expressions, and refuses one it does not know", () => {
            const names = { project: "p", stack: "s" };
            assert.deepEqual(proposedName("${name}${alphanum(3)}.${num(2)}-${string(1)}/${uuid}", "n", names), { value: `nxxx.xx-x/${"x".repeat(36)}`, generated: 42 });
            assert.throws(() => proposedName("${organization}-${name}", "n", names), /\$\{organization\} is not an expression infra\/lib\/physicalNames\.ts knows/);
        });

        it("applies the type's transform to the pattern's name: KMS aliases get alias/ in front", () => {
            const alias = NAME_RULES.find((r) => r.id === "kms-alias-name")!;
            const named = physicalName({ type: alias.types[0]!, name: "key-alias", inputs: {} }, alias, { names: { project: "shop", stack: "qa" } });
            assert.deepEqual(named, { value: "alias/shop-qa-key-alias-xxxxxxx", origin: "autoname", generated: 7 });
        });
    });

    describe("nameBudget", () => {
        it("is the tightest name limit minus what the pattern and the program put around the prefix", () => {
            const budget = nameBudget();
            const names = { project: "p", stack: "s" };
            // Every name the program builds, worked out on its own: none leaves less room than the budget, one leaves exactly that.
            const room = programNamedResources(names).flatMap((resource) =>
                NAME_RULES.filter((r) => r.types.includes(resource.type)).flatMap((rule) => {
                    const value = physicalName(resource, rule, { names })?.value;
                    return value?.includes("p-s") ? [rule.maxLength - (value.length - "p-s".length)] : [];
                }),
            );
            assert.equal(budget.length, Math.min(...room));
            assert.ok(budget.limitedBy.endsWith("-xxxxxxx"), budget.limitedBy);
        });

        it("is exact: a prefix of the budget passes the full preflight of both fixtures, one character more fails at the binding name", async () => {
            const budget = nameBudget();
            const binding = budget.limitedBy.replace(/^-/, "").replace(/-x+$/, "");
            let bindingPlanned = false;
            for (const stack of FIXTURES) {
                const plan = await fixturePlan(stack);
                const fits = { project: PROJECT, stack: stackFor(budget.length) };
                assert.deepEqual(preflight(asFork(plan, fits), { names: fits }), [], stack);
                const over = { project: PROJECT, stack: stackFor(budget.length + 1) };
                const failures = preflight(asFork(plan, over), { names: over });
                // Only names at the budget fail, each by one character, the binding one among them where the stack has it.
                for (const failure of failures) {
                    assert.match(failure.message, new RegExp(`is ${budget.maxLength + 1} characters; at most ${budget.maxLength} are allowed`), `${stack}: ${failure.message}`);
                }
                if (plan.resources.some((r) => r.name === binding)) {
                    bindingPlanned = true;
                    assert.ok(failures.some((f) => f.resource === binding), `${stack}: ${failures.map((f) => f.resource).join(", ")}`);
                }
            }
            assert.ok(bindingPlanned, `no fixture plans ${binding}, the name that sets the budget`);
            assert.deepEqual(validateNamePrefix(PROJECT, stackFor(budget.length)), []);
            assert.equal(validateNamePrefix(PROJECT, stackFor(budget.length + 1)).length, 1);
        });
    });

    describe("validateNamePrefix", () => {
        it("accepts the fixture project's stacks and every committed stack", () => {
            for (const stack of FIXTURES) {
                assert.deepEqual(validateNamePrefix("acme-orders", stack), []);
            }
            for (const stack of committedStacks()) {
                assert.deepEqual(validateNamePrefix(projectName(), stack), [], stack);
            }
        });

        it("refuses a prefix over the budget, naming the limit, how many characters fit and the fix", () => {
            const budget = nameBudget();
            const project = "acme-payments-platform-orders";
            const stack = "production-ap-east-1";
            const [problem, ...rest] = validateNamePrefix(project, stack);
            assert.deepEqual(rest, []);
            const length = `${project}-${stack}`.length;
            assert.ok(length > budget.length);
            assert.ok(
                (problem ?? "").includes(`"${project}-${stack}" ${length} characters long; at most ${budget.length} fit: ${budget.what}s allow ${budget.maxLength} characters`),
                problem,
            );
            assert.ok((problem ?? "").includes(`Fix: shorten the project name (Pulumi.yaml) and/or the stack name so "<project>-<stack>" has at most ${budget.length} characters.`), problem);
        });

        it("refuses characters some name does not take, naming the rule and the fix", () => {
            const problems = validateNamePrefix("my_app.v2", "dev");
            assert.ok(problems.some((p) => /break the lambda-function-name rule: Lambda function name "my_app\.v2-dev-.*" contains "\."/.test(p)), problems.join("\n"));
            assert.ok(
                problems.some((p) => /break the rds-instance-identifier rule: .*contains "_", "\.".*Fix: rename the project \(Pulumi\.yaml\) or the stack using only lower-case letters, digits and hyphens/.test(p)),
                problems.join("\n"),
            );
            assert.ok(problems.some((p) => /break the cloudwatch-dashboard-name rule: CloudWatch dashboard name "my_app\.v2-dev" contains "\."/.test(p)), problems.join("\n"));
        });

        it("refuses upper case, a leading digit and doubled or trailing hyphens, which RDS names do not take", () => {
            for (const [project, stack] of [["MyApp", "dev"], ["1app", "dev"], ["app-", "dev"], ["app", "dev-"]]) {
                const problems = validateNamePrefix(project!, stack!);
                assert.ok(problems.some((p) => p.includes("rds-instance-identifier")), `${project}-${stack}: ${problems.join("\n")}`);
            }
        });
    });

    describe("PROGRAM_NAMES", () => {
        it("covers every named resource the program plans, with the explicit names it sets (add new ones there)", async () => {
            for (const plan of await variedPlans()) {
                const known = programNamedResources({ project: plan.project, stack: plan.stack });
                for (const resource of plan.resources) {
                    const rules = NAME_RULES.filter((r) => r.types.includes(resource.type));
                    if (rules.length === 0) {
                        continue;
                    }
                    const template = known.find((k) => k.type === resource.type && k.name === resource.name);
                    assert.ok(template, `${resource.type} ${resource.name} is not in PROGRAM_NAMES (infra/lib/naming.ts)`);
                    for (const rule of rules) {
                        for (const property of [rule.property, rule.prefixProperty].filter((p): p is string => p !== undefined)) {
                            const planned = resource.inputs[property];
                            const expected = template.inputs[property];
                            if (expected === undefined) {
                                assert.equal(planned, undefined, `${resource.name}.${property} is set but PROGRAM_NAMES says it is autonamed`);
                                continue;
                            }
                            if (planned === undefined) {
                                continue; // set only in some configurations (the final snapshot's name)
                            }
                            // Random parts the program adds are zeros in the template.
                            const pattern = new RegExp(`^${String(expected).replace(/[.*+?^${}()|[\]\\/]/g, "\\$&").replace(/0{8}$/, "[0-9a-f]{8}")}$`);
                            assert.match(String(planned), pattern, `${resource.name}.${property}`);
                        }
                    }
                }
            }
        });

        it("has no entry the program no longer plans", async () => {
            const planned = new Set((await variedPlans()).flatMap((plan) => plan.resources.map((r) => `${r.type}::${r.name}`)));
            for (const entry of PROGRAM_NAMES) {
                assert.ok(planned.has(`${entry.type}::${entry.logical}`), `${entry.type} ${entry.logical} is in PROGRAM_NAMES but in no plan`);
            }
        });

        it("keeps the stack's prefix out of logical names, and spells it as the placeholder in explicit names", () => {
            for (const entry of PROGRAM_NAMES) {
                assert.ok(!entry.logical.includes(NAME), entry.logical);
                for (const value of Object.values(entry.inputs ?? {})) {
                    assert.ok(value.includes(NAME) || value === "$default", `${entry.logical}: ${value}`);
                }
            }
        });
    });
});
