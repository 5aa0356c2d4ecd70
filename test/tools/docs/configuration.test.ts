import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import { z } from "zod";
import { setting } from "../../../infra/config/setting";
import { SETTINGS } from "../../../infra/config/settings";
import { DOC_PATH, configurationDoc } from "../../../tools/docs/configuration";
import { projectName } from "../../../tools/plan/run";
import { committedStacks } from "../../helpers/stackPlan";

/** The rows of the reference's tables: key → [type, default, accepts]. */
function rows(doc: string): Map<string, string[]> {
    return new Map(
        doc
            .split("\n")
            .filter((line) => /^\| `[A-Za-z][A-Za-z0-9]*` \|/.test(line))
            .map((line) => line.split(/(?<!\\)\|/).map((cell) => cell.trim()))
            .map((cells) => [cells[1]!.replace(/`/g, ""), cells.slice(2, 5)] as const),
    );
}

describe("docs: configuration reference (docs/configuration.md)", () => {
    const doc = fs.readFileSync(DOC_PATH, "utf8");
    const documented = rows(doc);

    it("matches the settings (regenerate with `npx tsx tools/docs/configuration.ts`)", () => {
        assert.equal(doc, configurationDoc());
    });

    for (const [key, spec] of Object.entries(SETTINGS)) {
        it(`documents ${key} once, with its default and what it accepts`, () => {
            const row = documented.get(key);
            assert.ok(row, `docs/configuration.md has no row for ${key}`);
            const shown = spec.default === "" ? "*(empty)*" : `\`${typeof spec.default === "string" ? spec.default : JSON.stringify(spec.default)}\``;
            assert.equal(row[1], shown);
            assert.equal(row[2]!.replace(/\\\|/g, "|"), spec.accepts);
            assert.equal(doc.split(`| \`${key}\` |`).length, 2, `${key} is documented more than once`);
        });
    }

    it("documents no key the program does not read", () => {
        for (const key of documented.keys()) {
            assert.ok(key in SETTINGS, `docs/configuration.md documents unknown key ${key}`);
        }
    });

    it("describes the blueprint, not this copy: no project name or stack name in it", () => {
        assert.ok(!doc.includes(projectName()), "the project's name");
        for (const stack of committedStacks()) {
            assert.ok(!new RegExp(`Pulumi\\.${stack}\\.yaml|--stack ${stack}\\b`).test(doc), stack);
        }
    });

    it("marks a secret setting as secret and says it comes out as a secret Output", () => {
        const withSecret = {
            ...SETTINGS,
            apiKey: setting({ group: "stack", field: "apiKey", schema: z.string(), default: "", accepts: "a key", description: "A key.", secret: true }),
        };
        const generated = configurationDoc(withSecret);
        assert.match(generated, /^\| `apiKey` \| string, secret \|/m);
        assert.match(generated, /Secret settings \(`apiKey`\) come out as secret Outputs/);
        assert.match(configurationDoc(), /No setting is secret today/);
    });
});
