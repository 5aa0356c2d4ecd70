/**
 * The last step of `fork` and `stack:new`: every stack planned as `npm run plan` plans it (the program
 * under mocks, the preflight, the policy pack with the stack's policy config), one line per stack.
 */
import { preflight } from "../preflight/check";
import { formatPreflight } from "../preflight/check";
import { exitCode } from "../plan/cli";
import { checkPlan, formatViolations, policyConfigSource } from "../plan/policy";
import { planStack, repositoryRoot } from "../plan/run";

export interface StackVerdict {
    readonly stack: string;
    readonly ok: boolean;
    /** One line when the stack plans, the reasons when it does not. */
    readonly text: string;
}

/** Plans one stack and says whether `npm run plan -- --stack <stack>` would exit 0. */
export async function planVerdict(stack: string, root = repositoryRoot): Promise<StackVerdict> {
    let plan;
    try {
        plan = await planStack(stack, { root });
    } catch (err) {
        // A stack whose config the program refuses: its message names the key and the fix.
        return { stack, ok: false, text: `${stack}: the program refuses its configuration:\n${indent((err as Error).message)}` };
    }
    const failures = preflight(plan.resources, { namePrefix: `${plan.project}-${plan.stack}` });
    const violations = await checkPlan(plan);
    const ok = exitCode(violations, failures) === 0;
    const mandatory = violations.filter((v) => v.enforcementLevel === "mandatory").length;
    const source = policyConfigSource(stack, root);
    const summary =
        `${stack}: ${plan.resources.length} resources, ${failures.length === 0 ? "preflight passed" : `${failures.length} preflight failure(s)`}, ` +
        `policy: ${mandatory} mandatory and ${violations.length - mandatory} advisory violation(s) with ${source.file ?? `the pack's defaults (${source.missing} does not exist)`}`;
    if (ok) {
        return { stack, ok, text: summary };
    }
    const details = [failures.length > 0 ? formatPreflight(failures) : "", mandatory > 0 ? formatViolations(violations.filter((v) => v.enforcementLevel === "mandatory")) : ""];
    return { stack, ok, text: [summary, ...details.filter((d) => d !== "").map(indent)].join("\n") };
}

function indent(text: string): string {
    return text
        .split("\n")
        .map((line) => `    ${line}`)
        .join("\n");
}

/** Plans the stacks one after the other, writing each verdict as it comes; true when all plan. */
export async function planStacks(stacks: readonly string[], write: (text: string) => void, root = repositoryRoot): Promise<boolean> {
    let ok = true;
    for (const stack of stacks) {
        const verdict = await planVerdict(stack, root);
        write(`  ${verdict.ok ? "ok    " : "FAILED"} ${verdict.text}\n`);
        ok &&= verdict.ok;
    }
    return ok;
}
