import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { readCodeFiles } from "../../../policy/lib/codeAssets";
import { UNKNOWN } from "../../helpers/policy";

describe("lib: codeAssets", () => {
    let dir: string;
    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "policy-code-"));
        fs.writeFileSync(path.join(dir, "index.js"), "exports.handler = () => 1;\n");
        fs.mkdirSync(path.join(dir, "node_modules"));
        fs.writeFileSync(path.join(dir, "node_modules", "dep.js"), "ignored\n");
        fs.writeFileSync(path.join(dir, "bundle.zip"), "PK\u0003\u0004");
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("reads the files of a FileArchive directory, skipping node_modules and zips", async () => {
        const result = await readCodeFiles(new pulumi.asset.FileArchive(dir));
        assert.deepEqual(result.files.map((f) => path.basename(f.file)), ["index.js"]);
        assert.equal(result.skipped.length, 1);
    });

    it("skips a named pipe in the directory instead of blocking on it", async function () {
        const fifo = path.join(dir, "pipe.js");
        if (spawnSync("mkfifo", [fifo]).status !== 0) {
            this.skip(); // no mkfifo on this platform
        }
        try {
            const result = await readCodeFiles(new pulumi.asset.FileArchive(dir));
            assert.deepEqual(result.files.map((f) => path.basename(f.file)), ["index.js"]);
            assert.ok(result.skipped.some((s) => s.endsWith("pipe.js (not a regular file)")), result.skipped.join(", "));
        } finally {
            fs.rmSync(fifo);
        }
    });

    it("reads the text of StringAssets inside an AssetArchive", async () => {
        const archive = new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset("a") });
        assert.deepEqual((await readCodeFiles(archive)).files, [{ file: "index.js", text: "a" }]);
    });

    it("reads serialized assets and skips unknown code", async () => {
        const serialized = { "4dabf18193072939515e22adb298388d": "0def7320c3a5731c473e5ecbe6d01bc7", assets: { "a.js": { text: "b" } } };
        assert.deepEqual((await readCodeFiles(serialized)).files, [{ file: "a.js", text: "b" }]);
        assert.deepEqual(await readCodeFiles(UNKNOWN.archive), { files: [], skipped: [] });
    });
});
