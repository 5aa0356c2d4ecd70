import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { CONFIG_KEYS } from "../../infra/config";
import { projectName, repositoryRoot, stackConfig } from "../../tools/plan/run";

/** The README's configuration reference must match the code and the committed stack files. */
describe("README: configuration reference", () => {
    const readme = fs.readFileSync(path.join(repositoryRoot, "README.md"), "utf8");
    // Only the configuration reference's table: other tables (the event contract) also start rows with a code span.
    const start = readme.indexOf("\n## Configuration reference");
    const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
    const rows = new Map(
        section
            .split("\n")
            .filter((line) => /^\| `[A-Za-z][A-Za-z0-9]*` \|/.test(line))
            .map((line) => line.split("|").map((cell) => cell.trim()))
            .map((cells) => [cells[1]!.replace(/`/g, ""), cells.slice(2, 5).map((c) => c.replace(/^`|`$/g, ""))] as const),
    );
    const prefix = `${projectName()}:`;
    const stacks = { dev: stackConfig("dev"), prod: stackConfig("prod") };
    const show = (value: unknown) => (value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value));

    for (const [key, spec] of Object.entries(CONFIG_KEYS)) {
        it(`documents ${key} with its default and the value each stack sets`, () => {
            const row = rows.get(key);
            assert.ok(row, `README has no row for ${key}`);
            assert.deepEqual(row, [show(spec.default), stacks.dev[prefix + key] ?? "", stacks.prod[prefix + key] ?? ""]);
        });
    }

    it("documents no key the program does not read", () => {
        for (const key of rows.keys()) {
            assert.ok(key in CONFIG_KEYS, `README documents unknown key ${key}`);
        }
    });
});
