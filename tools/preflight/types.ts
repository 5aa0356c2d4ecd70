/**
 * The shapes the preflight works on. A preflight rule looks at planned resources (type, logical
 * name, inputs, and the URNs they wait for) and reports what AWS, or the provider on AWS's behalf,
 * would refuse at deploy time.
 */
import type { Source } from "../../infra/lib/nameRules";
import type { StackNames } from "../../infra/lib/physicalNames";

/** One resource as the plan records it; only these fields are read. */
export interface PreflightResource {
    readonly type: string;
    /** The logical name (Pulumi's resource name). */
    readonly name: string;
    readonly inputs: Readonly<Record<string, unknown>>;
    /** The provider reference (`urn::id`), when one is set explicitly. */
    readonly provider?: string;
    /** URNs of the resources this one waits for, explicit `dependsOn` and inputs taken from their outputs alike. */
    readonly options?: { readonly dependsOn: readonly string[] };
}

/** Where a rule's limit comes from (the naming rules' data lives with the program, infra/lib/nameRules.ts). */
export type { Source };

/** What one rule found wrong with one resource. */
export interface Finding {
    /** What AWS will refuse, with the offending value and the limit. */
    readonly message: string;
    /** What to change; the rule's generic fix when absent. */
    readonly fix?: string;
}

/** Lookups across the whole plan, for rules that check one resource against another. */
export interface PreflightContext {
    readonly resources: readonly PreflightResource[];
    /** The planned resources `resource` waits for (through its inputs or `dependsOn`). */
    dependencies(resource: PreflightResource): readonly PreflightResource[];
    /** The planned resources that wait for `resource`. */
    dependents(resource: PreflightResource): readonly PreflightResource[];
    /** The explicit provider resource of `resource`, if it is in the plan. */
    provider(resource: PreflightResource): PreflightResource | undefined;
    /**
     * The project and stack: autonamed resources are named by the project's autonaming pattern
     * (infra/lib/physicalNames.ts), and name rules say how short the project and stack names must be.
     */
    readonly names?: StackNames;
    /** `<project>-<stack>`, which every physical name the program makes starts with. */
    readonly namePrefix?: string;
}

export interface PreflightRule {
    /** kebab-case, names the thing checked: `rds-instance-identifier`. */
    readonly id: string;
    /** Pulumi type tokens the rule applies to; `aws:*` means every AWS resource. */
    readonly types: readonly string[];
    /** What the rule checks, one sentence for the docs table. */
    readonly description: string;
    /** What to change when the rule fails, unless a finding says something more precise. */
    readonly fix: string;
    readonly sources: readonly Source[];
    /** When the sources were last read (YYYY-MM-DD). */
    readonly checked: string;
    readonly check: (resource: PreflightResource, context: PreflightContext) => readonly Finding[];
}

/** A failed rule on one resource: what the plan prints and `--json` returns. */
export interface PreflightFailure {
    readonly rule: string;
    readonly type: string;
    readonly resource: string;
    readonly message: string;
    readonly fix: string;
    readonly sources: readonly string[];
}
