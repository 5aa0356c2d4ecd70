import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { repositoryRoot } from "../../tools/plan/run";
import { committedPlan, committedStacks } from "../helpers/stackPlan";

/** Types the review does not cover: the program's own components and the provider resources. */
function reviewed(type: string): boolean {
    return !type.startsWith("blueprint:") && !type.startsWith("pulumi:providers:");
}

interface ReviewRow {
    readonly type: string;
    readonly cells: readonly string[];
}

/** Rows of the resource table: the first cell is a backticked Pulumi type token. */
function reviewRows(markdown: string): ReviewRow[] {
    const start = markdown.indexOf("## Resource table");
    assert.ok(start >= 0, "docs/deploy-review.md has no '## Resource table' section");
    const end = markdown.indexOf("\n## ", start + 1);
    const section = markdown.slice(start, end < 0 ? undefined : end);
    return section
        .split("\n")
        .filter((line) => /^\| `[^`]+` /.test(line))
        .map((line) => {
            const cells = line.split(" | ").map((cell) => cell.replace(/^\|\s*|\s*\|$/g, "").trim());
            return { type: /^`([^`]+)`/.exec(cells[0]!)![1]!, cells };
        });
}

describe("docs/deploy-review.md", () => {
    const markdown = fs.readFileSync(path.join(repositoryRoot, "docs", "deploy-review.md"), "utf8");
    const rows = reviewRows(markdown);
    const documented = new Set(rows.map((row) => row.type));

    it("has one row per resource type, each with what was checked, its sources and a result", () => {
        assert.ok(rows.length > 0, "the resource table has no rows");
        const seen = new Set<string>();
        for (const row of rows) {
            assert.ok(!seen.has(row.type), `${row.type} has two rows`);
            seen.add(row.type);
            assert.equal(row.cells.length, 4, `${row.type}: expected 4 cells (resource, checked, sources, result), got ${row.cells.length}`);
            assert.ok(row.cells[3]!.length > 0, `${row.type}: the result cell is empty`);
        }
    });

    it("cites at least one URL in every row's sources", () => {
        for (const row of rows) {
            assert.match(row.cells[2]!, /https?:\/\/\S+/, `${row.type}: the sources cell cites no URL`);
        }
    });

    // Every stack the repository has, whatever a fork named them: each plans only reviewed resource types.
    for (const stack of committedStacks()) {
        it(`reviews every resource type the ${stack} stack plans`, async () => {
            const plan = await committedPlan(stack);
            const types = [...new Set(plan.resources.map((r) => r.type))].filter(reviewed).sort();
            assert.ok(types.length > 0, `the ${stack} plan has no resources`);
            const missing = types.filter((type) => !documented.has(type));
            assert.deepEqual(missing, [], `resource types of the ${stack} plan with no row in docs/deploy-review.md: ${missing.join(", ")}`);
        });
    }
});
