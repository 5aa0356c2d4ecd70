import * as fs from "node:fs";
import * as path from "node:path";
import { PolicyConfig, PolicyConfigError, Violation, evaluateResources } from "../../policy/evaluate";
import { StackPlan, repositoryRoot } from "./run";

/**
 * Where a stack's policy config comes from: its file `policy/config/<stack>.json`, or, when the
 * stack has none, the pack's own defaults (every rule at the enforcement level it declares, its knobs
 * at their schema defaults), as `pulumi preview --policy-pack policy` without `--policy-pack-config`
 * would run it. The plan says which, so a stack never falls back silently.
 */
export type PolicyConfigSource = { readonly file: string; readonly missing?: undefined } | { readonly file?: undefined; readonly missing: string };

export function policyConfigSource(stack: string, root = repositoryRoot): PolicyConfigSource {
    const rel = `policy/config/${stack}.json`;
    return fs.existsSync(path.join(root, rel)) ? { file: rel } : { missing: rel };
}

/** The plan's line about it. */
export function formatPolicyConfigSource(source: PolicyConfigSource): string {
    return source.file !== undefined
        ? `Policy config: ${source.file}.`
        : `Policy config: none, ${source.missing} does not exist: the fallback is the pack's defaults, every rule at the level it declares ` +
              `(as pulumi preview --policy-pack policy without --policy-pack-config). Create the file to relax or tighten rules for this stack.`;
}

/** The policy config of a stack (`policy/config/<stack>.json`), or none when the stack has no file. */
export function stackPolicyConfig(stack: string, root = repositoryRoot): PolicyConfig | undefined {
    const source = policyConfigSource(stack, root);
    if (source.file === undefined) {
        return undefined;
    }
    try {
        return JSON.parse(fs.readFileSync(path.join(root, source.file), "utf8")) as PolicyConfig;
    } catch (err) {
        throw new PolicyConfigError(`${source.file}: not valid JSON (${(err as Error).message}); fix it or delete it to use the pack's defaults`);
    }
}

/**
 * Runs the policy pack over a plan, with the stack's policy config, as `pulumi preview --policy-pack`
 * would. The evaluator unwraps secret-marked inputs itself and keeps the code assets whole.
 */
export function checkPlan(plan: StackPlan): Promise<Violation[]> {
    return evaluateResources(
        // dependsOn by name (a URN ends in `::<name>`): stack rules link resources through it, as the
        // engine's dependencies do (a RolePolicy to its role, a rotation to its secret).
        plan.resources.map((r) => ({ type: r.type, name: r.name, props: r.inputs, dependsOn: r.options.dependsOn.map((urn) => urn.split("::").pop()!) })),
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
