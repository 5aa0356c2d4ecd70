/**
 * What Pulumi and AWS accept as a project name, a stack name and a region, checked before `fork` or
 * `stack:new` writes a file. Each problem is one sentence that names the value, the rule and the fix.
 */
import { AWS_REGIONS, regionProblem as regionProblemOf } from "../../infra/lib/regions";
import { validateNamePrefix } from "../../infra/lib/naming";

export { AWS_REGIONS };

/**
 * Pulumi's rule for project and stack names: a first character of `[A-Za-z_.]`, then `[A-Za-z0-9_.-]`,
 * at most 100 characters. Source: pulumi/pulumi sdk/go/common/tokens/names.go (`NameRegexpPattern`,
 * `IsName`) and project.go (`ValidateProjectName`: "project names may only contain alphanumerics,
 * hyphens, underscores, and periods", "limited to 100 characters"); the diy backend applies the same
 * pattern and length to stack names (pkg/backend/diy/store.go).
 */
const PULUMI_NAME = /^[A-Za-z_.][A-Za-z0-9_.-]*$/;
export const PULUMI_NAME_MAX_LENGTH = 100;

/** Why Pulumi would refuse `name` as a project or stack name, or undefined when it accepts it. */
export function pulumiNameProblem(kind: "project" | "stack", name: string): string | undefined {
    if (name === "") {
        return `the ${kind} name is empty. Fix: give one, e.g. ${kind === "project" ? "--name northwind-orders" : "qa"}.`;
    }
    if (name.length > PULUMI_NAME_MAX_LENGTH) {
        return `${kind} name "${name}" is ${name.length} characters long; Pulumi allows at most ${PULUMI_NAME_MAX_LENGTH}. Fix: shorten it.`;
    }
    if (!PULUMI_NAME.test(name)) {
        return (
            `Pulumi refuses ${kind} name "${name}": ${kind} names may only contain letters, digits, hyphens, underscores and periods, ` +
            `and must not start with a digit or a hyphen. Fix: e.g. "${suggestName(name)}".`
        );
    }
    return undefined;
}

/** A name close to `name` that Pulumi accepts (for the fix in a message). */
function suggestName(name: string): string {
    const cleaned = name.replace(/[^A-Za-z0-9_.-]+/g, "-").replace(/^[^A-Za-z_.]+/, "");
    return cleaned === "" ? "my-project" : cleaned.slice(0, PULUMI_NAME_MAX_LENGTH);
}

/**
 * The stacks of the live test are named `<stack>-live-<suffix>` (tools/live) and every tool that
 * lists the committed stacks skips such names, so a committed stack may not look like one.
 */
const LIVE_STACK = /-live-/;

/** Why `stack:new` refuses a stack name (Pulumi's rule, then this repository's), or undefined. */
export function stackNameProblem(stack: string): string | undefined {
    const pulumi = pulumiNameProblem("stack", stack);
    if (pulumi) {
        return pulumi;
    }
    if (LIVE_STACK.test(stack)) {
        return `stack name "${stack}" contains "-live-", which marks the live test's throwaway stacks (docs/live-test.md); the tools would skip it. Fix: pick another name.`;
    }
    return undefined;
}

/**
 * Problems AWS would have with the physical names `<project>-<stack>` gives, for each stack: the name
 * budget and character rules of infra/lib/naming.ts, the ones `pulumi up` applies at config time.
 */
export function awsNameProblems(project: string, stacks: readonly string[]): string[] {
    return stacks.flatMap((stack) => validateNamePrefix(project, stack));
}

/** Why `region` is not an AWS region (infra/lib/regions.ts, which `pulumi up` checks too), with the fix. */
export function regionProblem(region: string): string | undefined {
    const problem = regionProblemOf(region);
    return problem === undefined ? undefined : `${problem} Fix: one of ${AWS_REGIONS.join(", ")}.`;
}
