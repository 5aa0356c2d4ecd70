/**
 * The rule table of docs/policy-pack.md, generated from the pack so the two cannot drift
 * (test/tools/policy/readme.test.ts fails when they do). `npx tsx tools/policy/readme.ts` rewrites
 * the table between the `policy-rules` markers in docs/policy-pack.md. A tool rather than part of
 * the pack: it writes a file of the repository, which the pack the Pulumi CLI loads never does.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { BlueprintPolicy } from "../../policy/lib/rule";
import { policies } from "../../policy/pack";

export const TABLE_START = "<!-- policy-rules:start -->";
export const TABLE_END = "<!-- policy-rules:end -->";

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function rulesTable(rules: readonly BlueprintPolicy[] = policies): string {
    const rows = rules.map(
        (p) =>
            `| \`${p.name}\` | ${p.enforcementLevel ?? "advisory"} | ${p.severity} | ${cell(p.description)} | ${cell(p.rationale)} | ${cell(p.anchors?.join(", ") || "—")} |`,
    );
    return ["| Rule | Level | Severity | What it catches | Why | Follows |", "| --- | --- | --- | --- | --- | --- |", ...rows].join("\n");
}

/** Where the table lives. */
export const DOC_PATH = path.join(__dirname, "..", "..", "docs", "policy-pack.md");

/** The document's text with the table between the markers replaced. */
export function withRulesTable(doc: string, rules: readonly BlueprintPolicy[] = policies): string {
    const start = doc.indexOf(TABLE_START);
    const end = doc.indexOf(TABLE_END);
    if (start < 0 || end < start) {
        throw new Error(`${path.relative(path.join(__dirname, "..", ".."), DOC_PATH)} has no ${TABLE_START} ... ${TABLE_END} block`);
    }
    return `${doc.slice(0, start + TABLE_START.length)}\n${rulesTable(rules)}\n${doc.slice(end)}`;
}

if (require.main === module) {
    fs.writeFileSync(DOC_PATH, withRulesTable(fs.readFileSync(DOC_PATH, "utf8")));
}
