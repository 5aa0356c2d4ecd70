import { parseStackArgs, runCli } from "../lib/cliMain";
import { StackPlan, planStack } from "../plan/run";
import { estimateCost } from "./estimate";
import { costJson, formatCost } from "./format";

const USAGE = "usage: npm run cost -- --stack <dev|prod|…> [--json] [--requests <per month, default 1000000>]";

/** What the CLI runs and where it writes; tests swap them. */
export interface CostCliDeps {
    readonly planStack: (stack: string) => Promise<StackPlan>;
    readonly stdout: (text: string) => void;
    readonly stderr: (text: string) => void;
}

const defaultDeps: CostCliDeps = {
    planStack: (stack) => planStack(stack),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
};

/**
 * `npm run cost`: prices the plan of a stack (the program under mocks, as `npm run plan` runs it) against
 * the dated price table in tools/cost/prices.ts. Exit 0 with the estimate, 2 on bad usage or an unknown
 * stack. A region without prices is priced as us-east-1 with a warning (stderr, and `warnings` in JSON).
 */
export async function runCostCli(argv: readonly string[], deps: CostCliDeps = defaultDeps): Promise<number> {
    const values = parseStackArgs(argv, { requests: { type: "string" } }, USAGE, deps.stderr);
    if (values === undefined) {
        return 2;
    }
    const requests = values.requests === undefined ? undefined : Number(values.requests);
    if (requests !== undefined && !(Number.isInteger(requests) && requests >= 0)) {
        deps.stderr(`--requests must be a whole number of requests a month (got ${JSON.stringify(values.requests)})\n${USAGE}\n`);
        return 2;
    }

    const plan = await deps.planStack(values.stack);
    const estimate = estimateCost(plan.resources, requests === undefined ? {} : { assumptions: { requestsPerMonth: requests } });
    for (const warning of estimate.warnings) {
        deps.stderr(`warning: ${warning}\n`);
    }
    deps.stdout(values.json ? `${JSON.stringify(costJson(plan.stack, estimate), null, 2)}\n` : `${formatCost(plan.stack, estimate)}\n`);
    return 0;
}

if (require.main === module) {
    void runCli(() => runCostCli(process.argv.slice(2)));
}
