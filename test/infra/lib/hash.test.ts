import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { contentHash, directoryHash } from "../../../infra/lib/hash";

describe("lib: hash", () => {
    let dir: string;
    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "hash-"));
        fs.writeFileSync(path.join(dir, "001_a.sql"), "CREATE TABLE a (id INT);");
        fs.writeFileSync(path.join(dir, "README.txt"), "notes");
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    const sql = (f: string) => f.endsWith(".sql");

    it("is stable for the same files", () => {
        assert.equal(directoryHash(dir, sql), directoryHash(dir, sql));
    });

    it("changes when a migration is edited", () => {
        const before = directoryHash(dir, sql);
        fs.writeFileSync(path.join(dir, "001_a.sql"), "CREATE TABLE a (id BIGINT);");
        assert.notEqual(directoryHash(dir, sql), before);
    });

    it("changes when a migration is added or renamed", () => {
        const before = directoryHash(dir, sql);
        fs.renameSync(path.join(dir, "001_a.sql"), path.join(dir, "002_a.sql"));
        const renamed = directoryHash(dir, sql);
        assert.notEqual(renamed, before);
        fs.writeFileSync(path.join(dir, "003_b.sql"), "SELECT 1;");
        assert.notEqual(directoryHash(dir, sql), renamed);
    });

    it("reads CRLF line endings and a byte order mark as the same migration (a Windows checkout is no edit)", () => {
        fs.writeFileSync(path.join(dir, "002_b.sql"), "CREATE TABLE b (\n  id INT\n);\n");
        const before = directoryHash(dir, sql);
        fs.writeFileSync(path.join(dir, "002_b.sql"), "\uFEFFCREATE TABLE b (\r\n  id INT\r\n);\r\n");
        assert.equal(directoryHash(dir, sql), before);
        fs.writeFileSync(path.join(dir, "002_b.sql"), "CREATE TABLE b (\r\n  id BIGINT\r\n);\r\n");
        assert.notEqual(directoryHash(dir, sql), before);
    });

    it("ignores files the filter leaves out", () => {
        const before = directoryHash(dir, sql);
        fs.writeFileSync(path.join(dir, "README.txt"), "other notes");
        assert.equal(directoryHash(dir, sql), before);
    });

    it("separates parts so that moving a boundary changes the hash", () => {
        assert.notEqual(contentHash("ab", "c"), contentHash("a", "bc"));
    });
});
