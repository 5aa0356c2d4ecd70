import * as fs from "node:fs";
import * as path from "node:path";
import { PolicyConfig, Violation, evaluateResources } from "../../policy/evaluate";
import { StackPlan, repositoryRoot } from "./run";

/** The policy config of a stack (`policy/config/<stack>.json`), or none when the stack has no file. */
export function stackPolicyConfig(stack: string, root = repositoryRoot): PolicyConfig | undefined {
    const file = path.join(root, "policy", "config", `${stack}.json`);
    return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as PolicyConfig) : undefined;
}

/**
 * Runs the policy pack over a plan, with the stack's policy config, as `pulumi preview --policy-pack`
 * would. The evaluator unwraps secret-marked inputs itself and keeps the code assets whole.
 */
export function checkPlan(plan: StackPlan): Promise<Violation[]> {
    return evaluateResources(
        plan.resources.map((r) => ({ type: r.type, name: r.name, props: r.inputs })),
        { config: stackPolicyConfig(plan.stack, plan.root), stack: plan.stack },
    );
}

export function formatViolations(violations: readonly Violation[]): string {
    if (violations.length === 0) {
        return "Policy pack: no violations.";
    }
    const mandatory = violations.filter((v) => v.enforcementLevel === "mandatory").length;
    const lines = violations.map((v) => `  [${v.enforcementLevel}] ${v.policy} on ${v.resource}: ${v.message}`);
    return [`Policy pack: ${mandatory} mandatory, ${violations.length - mandatory} advisory violation(s).`, ...lines].join("\n");
}
