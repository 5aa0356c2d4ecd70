/**
 * `npm run fork -- --name <project> [--region <region>] [--dry-run]`: makes this copy of the
 * blueprint a project of its own (docs/fork.md). Renames the project in every file that names it,
 * sets the region of every stack, then plans every stack as `npm run plan` does.
 * Exit 0 when every stack plans, 1 when one does not, 2 on bad usage or a refused name or region.
 */
import { parseArgs } from "node:util";
import { runCli } from "../lib/cliMain";
import { repositoryRoot } from "../plan/run";
import { RefusedError, planFork } from "./fork";
import { planEveryStack } from "./planStacks";
import { applyChanges, formatChange, repositoryAt } from "./repository";

const USAGE = "usage: npm run fork -- --name <project> [--region <region>] [--dry-run]";

export interface CliIo {
    readonly stdout: (text: string) => void;
    readonly stderr: (text: string) => void;
}

const processIo: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
};

/** The arguments, or the message for a usage error. */
function parse(argv: readonly string[]): { name: string; region?: string; dryRun: boolean } | string {
    let values: { name?: string; region?: string; "dry-run"?: boolean };
    try {
        ({ values } = parseArgs({
            args: [...argv],
            options: { name: { type: "string" }, region: { type: "string" }, "dry-run": { type: "boolean", default: false } },
        }));
    } catch (err) {
        return (err as Error).message;
    }
    if (values.name === undefined) {
        return "--name is required: the new project's name";
    }
    return { name: values.name, region: values.region, dryRun: values["dry-run"] ?? false };
}

export async function runForkCli(argv: readonly string[], root = repositoryRoot, io: CliIo = processIo): Promise<number> {
    const args = parse(argv);
    if (typeof args === "string") {
        io.stderr(`${args}\n${USAGE}\n`);
        return 2;
    }
    const repo = repositoryAt(root);
    let plan;
    try {
        plan = planFork(repo, { name: args.name, region: args.region });
    } catch (err) {
        if (err instanceof RefusedError) {
            io.stderr(`fork refused:\n${err.problems.map((p) => `- ${p}`).join("\n")}\n`);
            return 2;
        }
        throw err;
    }
    const what = `"${plan.from}"${plan.stale ? ` (stack files in "${plan.stale}")` : ""} → "${plan.to}"${args.region ? `, region ${args.region} for ${plan.stacks.join(", ")}` : ""}`;
    if (args.dryRun) {
        io.stdout(`Dry run of fork ${what}: ${plan.changes.length} file(s) would change.\n\n`);
        for (const change of plan.changes) {
            io.stdout(`${formatChange(change)}\n\n`);
        }
        io.stdout("Nothing was written. Without --dry-run, fork writes these changes, plans every stack and regenerates the cost tables from the plans.\n");
        return 0;
    }
    applyChanges(root, plan.changes);
    io.stdout(
        plan.changes.length === 0
            ? `fork ${what}: nothing to change, this copy already is that project.\n`
            : `fork ${what}: ${plan.changes.length} file(s) changed:\n${plan.changes.map((c) => `  ${c.path}`).join("\n")}\nReview them with git diff.\n`,
    );
    if (!(await planEveryStack(plan.stacks, io, root))) {
        io.stderr(`\nA stack does not plan: run npm run plan -- --stack <stack> for the whole report.\n`);
        return 1;
    }
    io.stdout(`\nNext: the settings only you know (docs/fork.md, "What you edit by hand"), then pulumi stack init <stack> for each stack.\n`);
    return 0;
}

if (require.main === module) {
    void runCli(() => runForkCli(process.argv.slice(2)));
}
