/**
 * `npm run stack:new -- <stack> [--from <stack>] [--region <region>] [--dry-run]`: creates what a
 * stack needs (docs/fork.md): its stack file, its policy config, its entries in the CI workflows'
 * stack lists; then plans it as `npm run plan -- --stack <stack>` does.
 * Exit 0 when it plans, 1 when it does not, 2 on bad usage or a refused name or region.
 */
import { parseArgs } from "node:util";
import { runCli } from "../lib/cliMain";
import { repositoryRoot } from "../plan/run";
import type { CliIo } from "./cli";
import { RefusedError } from "./fork";
import { planEveryStack } from "./planStacks";
import { applyChanges, formatChange, repositoryAt } from "./repository";
import { planStackNew } from "./stackNew";
import { stacksOf } from "./fork";

const USAGE = "usage: npm run stack:new -- <stack> [--from <stack>] [--region <region>] [--dry-run]";

const processIo: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
};

function parse(argv: readonly string[]): { stack: string; from?: string; region?: string; dryRun: boolean } | string {
    let parsed;
    try {
        parsed = parseArgs({
            args: [...argv],
            allowPositionals: true,
            options: { from: { type: "string" }, region: { type: "string" }, "dry-run": { type: "boolean", default: false } },
        });
    } catch (err) {
        return (err as Error).message;
    }
    if (parsed.positionals.length !== 1) {
        return parsed.positionals.length === 0 ? "the new stack's name is required" : `one stack at a time, not ${parsed.positionals.join(", ")}`;
    }
    return { stack: parsed.positionals[0]!, from: parsed.values.from, region: parsed.values.region, dryRun: parsed.values["dry-run"] ?? false };
}

export async function runStackNewCli(argv: readonly string[], root = repositoryRoot, io: CliIo = processIo): Promise<number> {
    const args = parse(argv);
    if (typeof args === "string") {
        io.stderr(`${args}\n${USAGE}\n`);
        return 2;
    }
    let plan;
    try {
        plan = planStackNew(repositoryAt(root), args);
    } catch (err) {
        if (err instanceof RefusedError) {
            io.stderr(`stack:new refused:\n${err.problems.map((p) => `- ${p}`).join("\n")}\n`);
            return 2;
        }
        throw err;
    }
    const notes = plan.notes.length > 0 ? `\nBy hand:\n${plan.notes.map((n) => `- ${n}`).join("\n")}\n` : "";
    if (args.dryRun) {
        io.stdout(`Dry run of stack:new ${args.stack}: ${plan.changes.length} file(s) would be written.\n\n`);
        io.stdout(plan.changes.map((c) => `${formatChange(c)}\n`).join("\n"));
        io.stdout(`${notes}\nNothing was written. Without --dry-run, stack:new writes these files, plans every stack and regenerates the cost tables from the plans.\n`);
        return 0;
    }
    applyChanges(root, plan.changes);
    io.stdout(`stack:new ${args.stack}: ${plan.changes.length} file(s) written:\n${plan.changes.map((c) => `  ${c.path}${c.before === undefined ? " (new)" : ""}`).join("\n")}\n${notes}`);
    // Every stack, not only the new one: the cost tables generated from them get a row for it.
    if (!(await planEveryStack(stacksOf(repositoryAt(root)), io, root))) {
        io.stderr(`\nA stack does not plan: change its settings in its stack file, then npm run plan -- --stack <stack> for the whole report.\n`);
        return 1;
    }
    io.stdout(`\nNext: pulumi stack init ${args.stack}, then pulumi preview --stack ${args.stack} --policy-pack policy --policy-pack-config policy/config/${args.stack}.json.\n`);
    return 0;
}

if (require.main === module) {
    void runCli(() => runStackNewCli(process.argv.slice(2)));
}
