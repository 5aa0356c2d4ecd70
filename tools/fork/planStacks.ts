/**
 * The last step of `fork` and `stack:new`: every stack planned by `npm run plan`'s own code (the plan
 * CLI run in this process with `--json`: the program under mocks, the preflight, the policy pack with
 * the stack's policy config), one line per stack, so that "plans" means what `npm run plan` means.
 */
import type { PreflightFailure } from "../preflight/types";
import type { Violation } from "../../policy/evaluate";
import { runPlanCli } from "../plan/cli";
import { checkPlan, formatViolations } from "../plan/policy";
import { StackPlan, planStack, repositoryRoot } from "../plan/run";
import { formatPreflight } from "../preflight/check";
import { costDocChanges } from "./generatedDocs";
import { applyChanges } from "./repository";

export interface StackVerdict {
    readonly stack: string;
    /** `npm run plan -- --stack <stack>` would exit 0. */
    readonly ok: boolean;
    /** One line when the stack plans, the reasons when it does not. */
    readonly text: string;
    /** Undefined when the program refused the stack's configuration. */
    readonly plan?: StackPlan;
}

/** The part of `npm run plan -- --json`'s output read here. */
interface PlanJson {
    readonly resources: readonly unknown[];
    readonly preflight: readonly PreflightFailure[];
    readonly violations: readonly Violation[];
    readonly policyConfig: string | null;
}

function indent(text: string): string {
    return text
        .split("\n")
        .map((line) => `    ${line}`)
        .join("\n");
}

/** Plans one stack as `npm run plan -- --stack <stack>` does and says whether it would exit 0. */
export async function planVerdict(stack: string, root = repositoryRoot): Promise<StackVerdict> {
    let plan: StackPlan | undefined;
    let out = "";
    let err = "";
    let code: number;
    try {
        code = await runPlanCli(["--stack", stack, "--json"], {
            planStack: async (s) => (plan = await planStack(s, { root })),
            checkPlan,
            stdout: (text) => (out += text),
            stderr: (text) => (err += text),
        });
    } catch (error) {
        // A stack whose config the program refuses: its message names the key and the fix.
        return { stack, ok: false, text: `${stack}: the program refuses its configuration:\n${indent((error as Error).message)}` };
    }
    if (plan === undefined || out === "") {
        return { stack, ok: false, text: `${stack}: npm run plan exited ${code}:\n${indent(err.trim())}` };
    }
    let json: PlanJson;
    try {
        json = JSON.parse(out) as PlanJson;
    } catch {
        return { stack, ok: false, plan, text: `${stack}: npm run plan -- --json wrote something other than JSON:\n${indent(out.slice(0, 2000))}` };
    }
    const mandatory = json.violations.filter((v) => v.enforcementLevel === "mandatory");
    const summary =
        `${stack}: ${json.resources.length} resources, ${json.preflight.length === 0 ? "preflight passed" : `${json.preflight.length} preflight failure(s)`}, ` +
        `policy: ${mandatory.length} mandatory and ${json.violations.length - mandatory.length} advisory violation(s) ` +
        `with ${json.policyConfig ?? `the pack's defaults (policy/config/${stack}.json does not exist)`}`;
    const ok = code === 0;
    const details = ok ? [] : [json.preflight.length > 0 ? formatPreflight(json.preflight) : "", mandatory.length > 0 ? formatViolations(mandatory) : ""];
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
            io.stdout(`\nRegenerated from these plans (as npm run docs:costs does): ${docs.map((d) => d.path).join(", ")}.\n`);
        }
    } else {
        io.stderr(`\nThe cost tables were not regenerated: once every stack plans, run npm run docs:costs.\n`);
    }
    return verdicts.every((v) => v.ok);
}
