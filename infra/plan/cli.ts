import { parseArgs } from "node:util";
import { formatPlanTable, planRows } from "./format";
import { checkPlan, formatViolations } from "./policy";
import { planStack } from "./run";

const USAGE = "usage: npm run plan -- --stack <dev|prod|…> [--json] [--no-policy]";

/**
 * `npm run plan`: the resources a stack would create, from the program run under mocks, and what
 * the policy pack says about them. Exit 0 when no mandatory policy is violated, 1 when one is,
 * 2 on bad usage or invalid configuration.
 */
async function main(): Promise<number> {
    let values: { stack?: string; json?: boolean; "no-policy"?: boolean };
    try {
        ({ values } = parseArgs({
            options: { stack: { type: "string" }, json: { type: "boolean", default: false }, "no-policy": { type: "boolean", default: false } },
        }));
    } catch (err) {
        process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
        return 2;
    }
    if (!values.stack) {
        process.stderr.write(`--stack is required\n${USAGE}\n`);
        return 2;
    }

    const plan = await planStack(values.stack);
    const rows = planRows(plan.resources);
    const violations = values["no-policy"] ? [] : await checkPlan(plan);
    const mandatory = violations.filter((v) => v.enforcementLevel === "mandatory");

    if (values.json) {
        process.stdout.write(`${JSON.stringify({ stack: plan.stack, resources: rows, violations }, null, 2)}\n`);
    } else {
        process.stdout.write(`Plan for stack "${plan.stack}" (offline, under mocks): ${rows.length} resources\n\n`);
        process.stdout.write(`${formatPlanTable(rows)}\n\n`);
        if (!values["no-policy"]) {
            process.stdout.write(`${formatViolations(violations)}\n`);
        }
    }
    return mandatory.length > 0 ? 1 : 0;
}

main().then(
    (code) => process.exit(code),
    (err: Error) => {
        // Configuration errors already say which key is wrong and how to fix it.
        const known = err.name === "ConfigError" || err.name === "PolicyConfigError" || err.message.startsWith("no stack file");
        process.stderr.write(`${known ? err.message : (err.stack ?? String(err))}\n`);
        process.exit(2);
    },
);
