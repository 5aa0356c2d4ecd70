import { strict as assert } from "node:assert";
import { parse } from "yaml";
import {
    lineDiff,
    mentions,
    npmName,
    renameInText,
    renameLockfile,
    renamePackageManifest,
    retagStackFile,
    setStackRegion,
    stackRegion,
} from "../../../tools/fork/rewrite";

const STACK = `# A comment that names globex-billing.
config:
  aws:region: us-west-2
  globex-billing:flowLogs: true
  globex-billing:tags:
    environment: staging
    owner: staging
    team: billing
`;

describe("fork: rewrite", () => {
    describe("renameInText", () => {
        it("renames the name where it stands on its own: namespaces, physical names, paths", () => {
            const text = "globex-billing:flowLogs, globex-billing-dev-db, alias/globex-billing-prod, `globex-billing`.";
            assert.equal(renameInText(text, "globex-billing", "initech"), "initech:flowLogs, initech-dev-db, alias/initech-prod, `initech`.");
        });

        it("leaves longer words that contain the name alone", () => {
            assert.equal(renameInText("globexes globex_x xglobex globex2", "globex", "initech"), "globexes globex_x xglobex globex2");
            assert.equal(renameInText("pre-globex-post", "globex", "initech"), "pre-initech-post");
        });

        it("treats the name literally (periods are not wildcards) and never re-renames its own output", () => {
            assert.equal(renameInText("a.b axb", "a.b", "c"), "c axb");
            assert.equal(renameInText("billing", "billing", "billing-v2"), "billing-v2");
            assert.equal(renameInText(renameInText("billing", "billing", "billing-v2"), "billing-v2", "billing-v2"), "billing-v2");
        });

        it("renames several names in one pass, never renaming a replacement again", () => {
            assert.equal(renameInText("a b a-b", ["a", "b"], "b-x"), "b-x b-x b-x-b-x");
            assert.equal(renameInText("ab-c ab", ["ab", "ab-c"], "z"), "z z", "the longer name wins where both match");
        });

        it("changes nothing when the names are equal", () => {
            assert.equal(renameInText("globex", "globex", "globex"), "globex");
            assert.equal(mentions("see globex-dev", "globex"), true);
            assert.equal(mentions("see globexes", "globex"), false);
        });
    });

    describe("renamePackageManifest and npmName", () => {
        it("renames the package and lower-cases its name, which npm requires", () => {
            const manifest = `{\n  "name": "pulumi-globex-blueprint",\n  "description": "globex on AWS",\n  "dependencies": { "zod": "^4" }\n}\n`;
            const after = renamePackageManifest(manifest, "globex", "Initech");
            assert.deepEqual(JSON.parse(after), { name: "pulumi-initech-blueprint", description: "Initech on AWS", dependencies: { zod: "^4" } });
            assert.equal(after.split("\n").length, manifest.split("\n").length, "the layout is kept");
            assert.equal(npmName("Initech.Ledger"), "initech.ledger");
        });
    });

    describe("renameLockfile", () => {
        const lock = `{\n  "name": "globex",\n  "version": "1.0.0",\n  "lockfileVersion": 3,\n  "packages": {\n    "": {\n      "name": "globex",\n      "dependencies": { "globex": "1" }\n    },\n    "node_modules/globex": {\n      "name": "globex",\n      "version": "1.0.0"\n    }\n  }\n}\n`;

        it("renames the root package in its two places and no dependency entry", () => {
            const after = JSON.parse(renameLockfile(lock, "initech")) as Record<string, any>;
            assert.equal(after.name, "initech");
            assert.equal(after.packages[""].name, "initech");
            assert.deepEqual(after.packages[""].dependencies, { globex: "1" });
            assert.equal(after.packages["node_modules/globex"].name, "globex");
        });

        it("refuses a layout it cannot edit in place instead of rewriting the file", () => {
            assert.throws(() => renameLockfile(`{"version": "1", "name": "globex"}`, "initech"), /npm install/);
        });
    });

    describe("setStackRegion", () => {
        it("replaces the region in place and keeps everything else byte for byte", () => {
            const after = setStackRegion(STACK, "eu-north-1");
            assert.equal(after, STACK.replace("us-west-2", "eu-north-1"));
            assert.equal(setStackRegion(after, "eu-north-1"), after, "idempotent");
        });

        it("adds the region under config when a stack file has none, indented like its keys", () => {
            const without = "config:\n    globex:flowLogs: true # why\n";
            const after = setStackRegion(without, "eu-north-1");
            assert.equal(after, "config:\n    aws:region: eu-north-1\n    globex:flowLogs: true # why\n");
            assert.equal(stackRegion(after), "eu-north-1");
        });

        it("writes a config map into a file without one, or with an empty one", () => {
            for (const text of ["", "# only a comment\n", "config:\n", "config: {}\n"]) {
                const after = setStackRegion(text, "sa-east-1");
                assert.deepEqual((parse(after) as { config: unknown }).config, { "aws:region": "sa-east-1" }, JSON.stringify(text));
            }
        });

        it("names the file when it is not valid YAML or config is not a block map", () => {
            assert.throws(() => setStackRegion("config: [\n", "sa-east-1", "Pulumi.qa.yaml"), /Pulumi\.qa\.yaml: not valid YAML/);
            assert.throws(() => setStackRegion("config: {a: 1}\n", "sa-east-1", "Pulumi.qa.yaml"), /Pulumi\.qa\.yaml: `config` must be a map written one key per line/);
        });
    });

    describe("retagStackFile", () => {
        it("retags the project's tags that name the source stack, and nothing else", () => {
            const after = retagStackFile(STACK, "globex-billing", "staging", "qa");
            assert.deepEqual((parse(after) as { config: Record<string, unknown> }).config["globex-billing:tags"], { environment: "qa", owner: "qa", team: "billing" });
            assert.equal(after.replace(/: qa$/gm, ": staging"), STACK);
            assert.equal(retagStackFile(STACK, "other", "staging", "qa"), STACK, "tags of another namespace are not the project's");
        });
    });

    describe("lineDiff", () => {
        it("reports each changed line with its line number", () => {
            const before = "a\nb\nc\nd\ne\n";
            assert.deepEqual(lineDiff(before, "a\nB\nc\nd\nE\n"), [
                { line: 2, removed: ["b"], added: ["B"] },
                { line: 5, removed: ["e"], added: ["E"] },
            ]);
            assert.deepEqual(lineDiff(before, "a\nb\nx\nc\nd\ne\n"), [{ line: 3, removed: [], added: ["x"] }]);
            assert.deepEqual(lineDiff(before, before), []);
        });
    });
});
