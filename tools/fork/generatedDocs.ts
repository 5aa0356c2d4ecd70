/**
 * Docs generated from the stacks themselves, brought up to date after `fork` or `stack:new` changed
 * the stacks: the cost tables of tools/cost/readme.ts (`npm run docs:costs`: a row per stack, priced
 * in its region). The other generated references (configuration, preflight, policy rules, prices)
 * come from the program and the pack, which neither command changes.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { estimateCost } from "../cost/estimate";
import { README_PATH, SECTION_END, SECTION_START, STACK_COSTS_PATH, costSection, stackCostsDoc, withCostSection } from "../cost/readme";
import { StackPlan, repositoryRoot } from "../plan/run";
import type { FileChange } from "./fork";

/** The same file under another root (a test's copy of the repository). */
function under(root: string, file: string): string {
    return path.join(root, path.relative(repositoryRoot, file));
}

/** The changes that bring the cost tables in line with the plans of every stack (in stack order). */
export function costDocChanges(plans: readonly StackPlan[], root = repositoryRoot): FileChange[] {
    const estimates = Object.fromEntries([...plans].sort((a, b) => (a.stack < b.stack ? -1 : 1)).map((p) => [p.stack, estimateCost(p.resources)]));
    const changes: FileChange[] = [];
    const readme = under(root, README_PATH);
    if (fs.existsSync(readme)) {
        const before = fs.readFileSync(readme, "utf8");
        if (before.includes(SECTION_START) && before.includes(SECTION_END)) {
            changes.push({ path: path.relative(root, readme), before, after: withCostSection(before, costSection(estimates)) });
        }
    }
    const stackCosts = under(root, STACK_COSTS_PATH);
    if (fs.existsSync(stackCosts)) {
        changes.push({ path: path.relative(root, stackCosts), before: fs.readFileSync(stackCosts, "utf8"), after: stackCostsDoc(estimates) });
    }
    return changes.filter((c) => c.before !== c.after).map((c) => ({ ...c, path: c.path.split(path.sep).join("/") }));
}
