/**
 * The preflight: what AWS would refuse in a plan, found before a twenty-minute deploy does.
 * Pure over the planned resources; values not known yet are skipped, never failed.
 */
import type { StackNames } from "../../infra/lib/physicalNames";
import { createContext } from "./context";
import { PREFLIGHT_RULES } from "./rules";
import type { PreflightFailure, PreflightResource, PreflightRule } from "./types";

export interface PreflightOptions {
    /**
     * The project and stack the plan is for: autonamed resources get the project's autonaming pattern,
     * and name failures say how short the project and stack names must be.
     */
    readonly names?: StackNames;
    /** The rules to run; all of them by default. */
    readonly rules?: readonly PreflightRule[];
}

export function appliesTo(rule: PreflightRule, type: string): boolean {
    return rule.types.includes(type) || (rule.types.includes("aws:*") && type.startsWith("aws:"));
}

/** Every rule on every resource it applies to; one failure per finding. */
export function preflight(resources: readonly PreflightResource[], options: PreflightOptions = {}): PreflightFailure[] {
    const context = createContext(resources, options.names);
    const failures: PreflightFailure[] = [];
    for (const resource of resources) {
        for (const rule of options.rules ?? PREFLIGHT_RULES) {
            if (!appliesTo(rule, resource.type)) {
                continue;
            }
            for (const finding of rule.check(resource, context)) {
                failures.push({
                    rule: rule.id,
                    type: resource.type,
                    resource: resource.name,
                    message: finding.message,
                    fix: finding.fix ?? rule.fix,
                    sources: rule.sources.map((s) => s.url),
                });
            }
        }
    }
    return failures;
}

/** The plan's preflight section: one line per failure with the rule, the resource, what AWS refuses and the fix. */
export function formatPreflight(failures: readonly PreflightFailure[]): string {
    if (failures.length === 0) {
        return `Preflight: no failures (${PREFLIGHT_RULES.length} rules, see docs/preflight.md).`;
    }
    const lines = failures.map((f) => `  [${f.rule}] ${f.resource} (${f.type}): ${f.message}\n      Fix: ${f.fix}`);
    return [`Preflight: ${failures.length} failure(s) AWS would refuse at deploy time.`, ...lines].join("\n");
}
