/**
 * The README's rule table, generated from the pack so the two cannot drift
 * (test/policy/readme.test.ts fails when they do). `npx tsx policy/readme.ts` rewrites the table
 * between the `policy-rules` markers in README.md.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { BlueprintPolicy } from "./lib/rule";
import { policies } from "./pack";

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

/** The README text with the table between the markers replaced. */
export function withRulesTable(readme: string, rules: readonly BlueprintPolicy[] = policies): string {
    const start = readme.indexOf(TABLE_START);
    const end = readme.indexOf(TABLE_END);
    if (start < 0 || end < start) {
        throw new Error(`README.md has no ${TABLE_START} ... ${TABLE_END} block`);
    }
    return `${readme.slice(0, start + TABLE_START.length)}\n${rulesTable(rules)}\n${readme.slice(end)}`;
}

if (require.main === module) {
    const file = path.join(__dirname, "..", "README.md");
    fs.writeFileSync(file, withRulesTable(fs.readFileSync(file, "utf8")));
}
