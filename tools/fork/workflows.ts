/**
 * The CI workflows' lists of stacks, grown by `stack:new`: a matrix `stack: [dev, prod]` and a
 * workflow_dispatch input `stack` with `options: [dev, prod]` get the new stack; a matrix `include`
 * whose entries carry more than the stack (a role to assume per stack) is left to the user, with a
 * note, since the new entry needs a value only they have.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, visit, type Node, type Pair, type Scalar, type YAMLSeq } from "yaml";

export interface WorkflowEdit {
    readonly text: string;
    /** What the user must add by hand, one sentence each. */
    readonly notes: readonly string[];
}

function keyOf(pair: Pair): string | undefined {
    return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

/** `jobs.plan.strategy.matrix.stack`, from the pairs above a node. */
function dotted(path: readonly unknown[], last: string): string {
    return [...path.filter(isPair).map((p) => keyOf(p as Pair) ?? "?"), last].join(".");
}

/** The items of a sequence as strings, when all of them are scalars. */
function scalarItems(seq: YAMLSeq): string[] | undefined {
    const items = seq.items.map((i) => (isScalar(i) ? String(i.value) : undefined));
    return items.every((i): i is string => i !== undefined) ? items : undefined;
}

/** Whether a list names stacks and only stacks, so that adding one belongs in it. */
function isStackList(items: readonly string[] | undefined, stacks: readonly string[]): items is string[] {
    return items !== undefined && items.length > 0 && items.every((i) => stacks.includes(i));
}

/** The text with `stack` appended to the sequence, written the way the sequence is written. */
function append(text: string, seq: YAMLSeq, stack: string): string {
    const last = seq.items[seq.items.length - 1] as Scalar;
    const [start, end] = last.range!;
    if (seq.flow) {
        return `${text.slice(0, end)}, ${stack}${text.slice(end)}`;
    }
    const lineStart = text.lastIndexOf("\n", start - 1) + 1;
    const newline = text.indexOf("\n", end);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = `${text.slice(lineStart, start)}${stack}`;
    return `${text.slice(0, lineEnd)}\n${line}${text.slice(lineEnd)}`;
}

/**
 * A workflow with `stack` added to every list of the existing `stacks` in it. Unchanged when the
 * workflow lists no stacks or already lists this one.
 */
export function addStackToWorkflow(text: string, stack: string, stacks: readonly string[], file: string): WorkflowEdit {
    const doc = parseDocument(text);
    if (doc.errors.length > 0) {
        return { text, notes: [`${file}: not valid YAML (${doc.errors[0]!.message.split("\n")[0]}), so no stack list in it was changed`] };
    }
    const lists: YAMLSeq[] = [];
    const notes: string[] = [];
    visit(doc, {
        Pair(_, pair, path) {
            const key = keyOf(pair);
            const value = pair.value as Node | null;
            if (!isSeq(value)) {
                return;
            }
            const parentPair = path[path.length - 2];
            const underStackInput = isPair(parentPair) && keyOf(parentPair as Pair) === "stack";
            if (key === "stack" || (key === "options" && underStackInput)) {
                const items = scalarItems(value);
                if (isStackList(items, [...stacks, stack]) && !items.includes(stack)) {
                    lists.push(value);
                }
            } else if (key === "include") {
                const entries = value.items.filter(isMap);
                const named = entries.map((e) => e.get("stack")).filter((s): s is string => typeof s === "string");
                if (named.length > 0 && isStackList(named, [...stacks, stack]) && !named.includes(stack)) {
                    const keys = [...new Set(entries.flatMap((e) => e.items.map((p) => keyOf(p)).filter((k) => k !== "stack")))];
                    notes.push(
                        `${file}: ${dotted(path, "include")} gives each of ${named.join(", ")} its own ${keys.join(", ")}; ` +
                            `add an entry for ${stack} by hand if it belongs there, with its own ${keys.join(", ")}.`,
                    );
                }
            }
        },
    });
    // From the end of the file backwards, so that each range still points at the original text.
    let result = text;
    for (const seq of lists.sort((a, b) => b.range![0] - a.range![0])) {
        result = append(result, seq, stack);
    }
    return { text: result, notes };
}
