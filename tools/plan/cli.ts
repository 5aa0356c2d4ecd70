import { parseStackArgs, runCli } from "../lib/cliMain";
import type { Violation } from "../../policy/evaluate";
import { estimateCost } from "../cost/estimate";
import { costJson, costSummaryLine } from "../cost/format";
import { formatPreflight, preflight } from "../preflight/check";
import type { PreflightFailure } from "../preflight/types";
import { deployChecks, formatDeployChecks } from "./deployChecks";
import { formatPlanTable, planRows } from "./format";
import { checkPlan, formatPolicyConfigSource, formatViolations, policyConfigSource } from "./policy";
import { StackPlan, planStack } from "./run";

const USAGE = "usage: npm run plan -- --stack <dev|prod|…> [--json] [--no-policy]";

/** What the CLI runs and where it writes; tests swap them. */
export interface PlanCliDeps {
    readonly planStack: (stack: string) => Promise<StackPlan>;
    readonly checkPlan: (plan: StackPlan) => Promise<Violation[]>;
    readonly stdout: (text: string) => void;
    readonly stderr: (text: string) => void;
}

const defaultDeps: PlanCliDeps = {
    planStack: (stack) => planStack(stack),
    checkPlan,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
};

/** The exit code: 1 when AWS would refuse something or a mandatory policy is violated, else 0. */
export function exitCode(violations: readonly Violation[], failures: readonly PreflightFailure[]): number {
    return failures.length > 0 || violations.some((v) => v.enforcementLevel === "mandatory") ? 1 : 0;
}

/**
 * `npm run plan`: the resources a stack would create, from the program run under mocks, what AWS
 * would refuse in them (the preflight, docs/preflight.md), and what the policy pack says about them.
 * Exit 0 when the preflight passes and no mandatory policy is violated, 1 otherwise, 2 on bad usage
 * or invalid configuration (configuration errors are thrown, see the entry point below).
 */
export async function runPlanCli(argv: readonly string[], deps: PlanCliDeps = defaultDeps): Promise<number> {
    const values = parseStackArgs(argv, { "no-policy": { type: "boolean", default: false } }, USAGE, deps.stderr);
    if (values === undefined) {
        return 2;
    }

    const plan = await deps.planStack(values.stack);
    const rows = planRows(plan.resources);
    const failures = preflight(plan.resources, { names: { project: plan.project, stack: plan.stack } });
    const violations = values["no-policy"] ? [] : await deps.checkPlan(plan);
    const cost = estimateCost(plan.resources);
    const policyConfig = policyConfigSource(plan.stack, plan.root);
    const checks = deployChecks(plan.resources);

    if (values.json) {
        deps.stdout(`${JSON.stringify({ stack: plan.stack, resources: rows, deployChecks: checks, preflight: failures, violations, policyConfig: policyConfig.file ?? null, cost: costJson(plan.stack, cost) }, null, 2)}\n`);
    } else {
        deps.stdout(`Plan for stack "${plan.stack}" (offline, under mocks): ${rows.length} resources\n\n`);
        deps.stdout(`${formatPlanTable(rows)}\n\n`);
        if (checks.length > 0) {
            deps.stdout(`${formatDeployChecks(checks)}\n`);
        }
        deps.stdout(`${formatPreflight(failures)}\n`);
        if (!values["no-policy"]) {
            deps.stdout(`${formatPolicyConfigSource(policyConfig)}\n`);
            deps.stdout(`${formatViolations(violations)}\n`);
        }
        // Last line: the fixed monthly floor (tools/cost, `npm run cost` for the breakdown).
        deps.stdout(`${costSummaryLine(plan.stack, cost)}\n`);
    }
    return exitCode(violations, failures);
}

if (require.main === module) {
    void runCli(() => runPlanCli(process.argv.slice(2)));
}
