/** The subset of an engine event the preview reads: a step about to happen to a resource. */
export interface StepEvent {
    readonly resourcePreEvent?: {
        readonly metadata: { readonly op: string; readonly urn: string; readonly type: string; readonly diffs?: readonly string[] };
    };
}

/** The operation that means "nothing to do"; any other one in a preview is a change. */
const UNCHANGED = "same";

/** The operations of a change summary that are changes, e.g. `{ update: 1 }`. Empty when nothing would change. */
export function changedOperations(changeSummary: Readonly<Record<string, number>>): Record<string, number> {
    return Object.fromEntries(Object.entries(changeSummary).filter(([op, count]) => op !== UNCHANGED && count > 0));
}

/**
 * One line per resource a preview would touch: `update aws:lambda/function:Function serverless-mysql-dev-api [code, environment]`.
 * The properties are the top-level ones that differ, enough to find the cause in the program.
 */
export function describeChanges(events: readonly StepEvent[]): string[] {
    const lines: string[] = [];
    for (const event of events) {
        const step = event.resourcePreEvent?.metadata;
        if (step === undefined || step.op === UNCHANGED) {
            continue;
        }
        const name = step.urn.split("::").pop() ?? step.urn;
        const diffs = step.diffs !== undefined && step.diffs.length > 0 ? ` [${step.diffs.join(", ")}]` : "";
        lines.push(`${step.op} ${step.type} ${name}${diffs}`);
    }
    return lines;
}
