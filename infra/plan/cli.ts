import { parseArgs } from "node:util";
import { formatPlanTable, planRows } from "./format";
import { planStack } from "./run";

const USAGE = "usage: npm run plan -- --stack <dev|prod|…> [--json]";

async function main(): Promise<number> {
    let values: { stack?: string; json?: boolean };
    try {
        ({ values } = parseArgs({ options: { stack: { type: "string" }, json: { type: "boolean", default: false } } }));
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
    if (values.json) {
        process.stdout.write(`${JSON.stringify({ stack: plan.stack, resources: rows }, null, 2)}\n`);
    } else {
        process.stdout.write(`Plan for stack "${plan.stack}" (offline, under mocks): ${rows.length} resources\n\n`);
        process.stdout.write(`${formatPlanTable(rows)}\n`);
    }
    return 0;
}

main().then(
    (code) => process.exit(code),
    (err: Error) => {
        // Configuration errors already say which key is wrong and how to fix it.
        process.stderr.write(`${err.name === "ConfigError" ? err.message : err.stack ?? String(err)}\n`);
        process.exit(2);
    },
);
