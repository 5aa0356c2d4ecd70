import { strict as assert } from "node:assert";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { MigrationFilesError, readMigrations, resolveMigrationsDir, splitStatements } from "../../../app/src/migrator/files";

describe("migrator: files", () => {
    describe("splitStatements", () => {
        it("splits on semicolons at the end of a line and drops comment lines", () => {
            const sql = "-- first\nCREATE TABLE a (x INT);\n\n-- second\nCREATE INDEX i ON a (x)  ;\n";
            assert.deepEqual(splitStatements(sql), ["CREATE TABLE a (x INT)", "CREATE INDEX i ON a (x)"]);
        });

        it("keeps a semicolon inside a line", () => {
            assert.deepEqual(splitStatements("INSERT INTO t VALUES ('a;b');"), ["INSERT INTO t VALUES ('a;b')"]);
        });
    });

    describe("resolveMigrationsDir and readMigrations", () => {
        let empty: string;
        let full: string;
        before(() => {
            empty = mkdtempSync(path.join(tmpdir(), "migrations-empty-"));
            full = mkdtempSync(path.join(tmpdir(), "migrations-full-"));
            writeFileSync(path.join(full, "002_b.sql"), "SELECT 2;\n");
            writeFileSync(path.join(full, "001_a.sql"), "SELECT 1;\n");
            writeFileSync(path.join(full, "README.md"), "not a migration");
        });
        after(() => {
            rmSync(empty, { recursive: true, force: true });
            rmSync(full, { recursive: true, force: true });
        });

        it("picks the first candidate that holds migrations", () => {
            assert.equal(resolveMigrationsDir(undefined, [empty, "/does/not/exist", full]), full);
        });

        it("prefers an explicit directory", () => {
            assert.equal(resolveMigrationsDir(full, [empty]), full);
        });

        it("fails, naming the places it looked, when none holds migrations", () => {
            assert.throws(() => resolveMigrationsDir(undefined, [empty]), (error: unknown) => error instanceof MigrationFilesError && error.message.includes(empty));
        });

        it("reads migrations in name order with a checksum each", () => {
            const migrations = readMigrations(full);
            assert.deepEqual(migrations.map((m) => m.name), ["001_a.sql", "002_b.sql"]);
            assert.match(migrations[0]?.checksum ?? "", /^[0-9a-f]{64}$/);
        });

        it("gives a CRLF checkout with byte order marks the same checksums and statements (no 'edited after it was applied')", () => {
            const source = path.join(__dirname, "../../../app/migrations");
            const windows = mkdtempSync(path.join(tmpdir(), "migrations-crlf-"));
            try {
                for (const m of readMigrations(source)) {
                    const text = readFileSync(path.join(source, m.name), "utf8").replace(/\r?\n/g, "\r\n");
                    writeFileSync(path.join(windows, m.name), `\uFEFF${text}`);
                }
                const lf = readMigrations(source);
                const crlf = readMigrations(windows);
                assert.ok(lf.length > 0);
                assert.deepEqual(crlf, lf);
            } finally {
                rmSync(windows, { recursive: true, force: true });
            }
        });

        it("finds the app's own migrations from source", () => {
            const dir = resolveMigrationsDir(undefined, [path.join(__dirname, "../../../app/migrations")]);
            assert.ok(readMigrations(dir).some((m) => m.name === "001_create_events.sql"));
        });
    });
});
