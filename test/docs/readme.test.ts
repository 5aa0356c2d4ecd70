import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { projectName, repositoryRoot } from "../../tools/plan/run";
import { fixturePlan, fixturePlanWith } from "../helpers/stackPlan";

const README = fs.readFileSync(path.join(repositoryRoot, "README.md"), "utf8");

/** README.md is the front door: one screen of what it is, how to start, and links to docs/. */
export const README_MAX_LINES = 250;

/** The rows of the README's table under `## npm scripts`: the command cell of each. */
function scriptRows(readme: string): string[] {
    const start = readme.indexOf("\n## npm scripts");
    assert.ok(start >= 0, "README.md has no '## npm scripts' section");
    const end = readme.indexOf("\n## ", start + 1);
    return readme
        .slice(start, end < 0 ? undefined : end)
        .split("\n")
        .filter((line) => line.startsWith("| `"))
        .map((line) => /^\| `([^`]+)`/.exec(line)![1]!);
}

/** The script a command cell runs: `npm test` → test, `npm run plan -- …` → plan. */
function scriptOf(command: string): string | undefined {
    return /^npm (?:run )?([\w:-]+)/.exec(command)?.[1];
}

describe("README.md", () => {
    it(`has at most ${README_MAX_LINES} lines`, () => {
        const lines = README.split("\n").length - (README.endsWith("\n") ? 1 : 0);
        assert.ok(lines <= README_MAX_LINES, `README.md has ${lines} lines; move reference material to docs/`);
    });

    it("lists every npm script of package.json in its scripts table, and no other", () => {
        const scripts = Object.keys((JSON.parse(fs.readFileSync(path.join(repositoryRoot, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts);
        const documented = scriptRows(README).map(scriptOf);
        assert.deepEqual([...new Set(documented)].sort(), [...scripts].sort());
    });

    it("gives every script in the table what it needs and a time", () => {
        const start = README.indexOf("\n## npm scripts");
        const rows = README.slice(start, README.indexOf("\n## ", start + 1)).split("\n").filter((line) => line.startsWith("| `"));
        for (const row of rows) {
            const cells = row.split(" | ");
            assert.equal(cells.length, 4, `expected command, what, needs, time: ${row}`);
            assert.ok(cells[2]!.trim() && cells[3]!.replace(/\|$/, "").trim(), `a cell is empty: ${row}`);
        }
    });

    it("names no project in its commands (a fork's README stays true): keys and names say <project>", () => {
        const project = projectName();
        const body = README.split("\n").slice(1).join("\n");
        assert.ok(!body.includes(project), `README.md names the project '${project}' below its title; write <project>`);
    });

    it("names every stack output the program can export, and none it cannot", async () => {
        // Both authentication modes of the database: `secret` adds the app secret's ARN.
        const plans = [await fixturePlan("small"), await fixturePlanWith("small", { dbAuth: "secret" })];
        const outputs = new Set(plans.flatMap((plan) => Object.keys(plan.outputs)));
        assert.ok(outputs.size > 0, "the fixture plans export nothing");
        const line = /^ *Stack outputs: ((?:.+\n)+?)(?: *\n|\d+\. )/m.exec(README);
        assert.ok(line, "README.md has no 'Stack outputs:' paragraph");
        const named = new Set([...line[1]!.matchAll(/`([A-Za-z][A-Za-z0-9]*)`/g)].map((m) => m[1]!));
        assert.deepEqual([...named].sort(), [...outputs].sort());
    });
});

describe("README.md and docs/: the npm commands they give", () => {
    const scripts = new Set(Object.keys((JSON.parse(fs.readFileSync(path.join(repositoryRoot, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts));
    const pages = ["README.md", ...fs.readdirSync(path.join(repositoryRoot, "docs")).filter((f) => f.endsWith(".md")).map((f) => path.join("docs", f))];

    for (const page of pages) {
        it(`${page}: every \`npm run <script>\` is a script of package.json`, () => {
            const text = fs.readFileSync(path.join(repositoryRoot, page), "utf8");
            const missing = [...text.matchAll(/npm run(?: -s)? ([\w:-]+)/g)].map((m) => m[1]!).filter((script) => !scripts.has(script));
            assert.deepEqual([...new Set(missing)], [], `${page} gives npm scripts package.json does not have`);
        });
    }
});
