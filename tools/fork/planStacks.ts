/**
 * The last step of `fork` and `stack:new`: every stack planned as `npm run plan` plans it (the program
 * under mocks, the preflight, the policy pack with the stack's policy config), one line per stack.
 */
import { exitCode } from "../plan/cli";
import { checkPlan, formatViolations, policyConfigSource } from "../plan/policy";
import { StackPlan, planStack, repositoryRoot } from "../plan/run";
import { formatPreflight, preflight } from "../preflight/check";
import { costDocChanges } from "./generatedDocs";
import { applyChanges } from "./repository";

export interface StackVerdict {
    readonly stack: string;
    readonly ok: boolean;
    /** One line when the stack plans, the reasons when it does not. */
    readonly text: string;
    /** Undefined when the program refused the stack's configuration. */
    readonly plan?: StackPlan;
}

function indent(text: string): string {
    return text
        .split("\n")
        .map((line) => `    ${line}`)
        .join("\n");
}

/** Plans one stack and says whether `npm run plan -- --stack <stack>` would exit 0. */
export async function planVerdict(stack: string, root = repositoryRoot): Promise<StackVerdict> {
    let plan: StackPlan;
    try {
        plan = await planStack(stack, { root });
    } catch (err) {
        // A stack whose config the program refuses: its message names the key and the fix.
        return { stack, ok: false, text: `${stack}: the program refuses its configuration:\n${indent((err as Error).message)}` };
    }
    const failures = preflight(plan.resources, { namePrefix: `${plan.project}-${plan.stack}` });
    const violations = await checkPlan(plan);
    const ok = exitCode(violations, failures) === 0;
    const mandatory = violations.filter((v) => v.enforcementLevel === "mandatory");
    const source = policyConfigSource(stack, root);
    const summary =
        `${stack}: ${plan.resources.length} resources, ${failures.length === 0 ? "preflight passed" : `${failures.length} preflight failure(s)`}, ` +
        `policy: ${mandatory.length} mandatory and ${violations.length - mandatory.length} advisory violation(s) ` +
        `with ${source.file ?? `the pack's defaults (${source.missing} does not exist)`}`;
    const details = ok ? [] : [failures.length > 0 ? formatPreflight(failures) : "", mandatory.length > 0 ? formatViolations(mandatory) : ""];
    return { stack, ok, plan, text: [summary, ...details.filter((d) => d !== "").map(indent)].join("\n") };
}

/** Plans the stacks one after the other, writing each verdict as it comes. */
export async function planStacks(stacks: readonly string[], write: (text: string) => void, root = repositoryRoot): Promise<StackVerdict[]> {
    const verdicts: StackVerdict[] = [];
    for (const stack of stacks) {
        const verdict = await planVerdict(stack, root);
        write(`  ${verdict.ok ? "ok    " : "FAILED"} ${verdict.text}\n`);
        verdicts.push(verdict);
    }
    return verdicts;
}

/**
 * Plans every stack, then regenerates the docs generated from them (tools/fork/generatedDocs.ts) when
 * all of them planned; true when every stack plans as `npm run plan` wants.
 */
export async function planEveryStack(stacks: readonly string[], io: { stdout: (t: string) => void; stderr: (t: string) => void }, root = repositoryRoot): Promise<boolean> {
    io.stdout(`\nPlanning every stack (offline, as npm run plan -- --stack <stack>):\n`);
    const verdicts = await planStacks(stacks, io.stdout, root);
    const plans = verdicts.flatMap((v) => (v.plan ? [v.plan] : []));
    if (plans.length === verdicts.length) {
        const docs = costDocChanges(plans, root);
        applyChanges(root, docs);
        if (docs.length > 0) {
            io.stdout(`\nRegenerated from these plans (tools/cost/readme.ts): ${docs.map((d) => d.path).join(", ")}.\n`);
        }
    } else {
        io.stderr(`\nThe cost tables were not regenerated: once every stack plans, run npx tsx tools/cost/readme.ts.\n`);
    }
    return verdicts.every((v) => v.ok);
}
