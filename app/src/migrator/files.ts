import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";

export interface Migration {
    /** File name, e.g. `001_create_events.sql`; applied in this order, recorded under this name. */
    readonly name: string;
    /**
     * SHA-256 of the file's text with LF line endings and no byte order mark, to notice an applied migration that
     * was edited afterwards, and only then: a CRLF checkout (Git for Windows' core.autocrlf) is not an edit.
     */
    readonly checksum: string;
    readonly statements: readonly string[];
}

/** Thrown when migrations cannot be found or read. */
export class MigrationFilesError extends Error {
    override readonly name = "MigrationFilesError";
}

const migrationName = /^\d{3,}_[a-z0-9_]+\.sql$/;

function hasMigrations(dir: string): boolean {
    return existsSync(dir) && readdirSync(dir).some((file) => migrationName.test(file));
}

/**
 * Where the SQL files are: an explicit directory if given, else the first candidate that holds any.
 * In the Lambda zip they sit next to `index.js`; from source they are in `app/migrations`.
 */
export function resolveMigrationsDir(explicit: string | undefined, candidates: readonly string[]): string {
    if (explicit !== undefined) {
        if (!hasMigrations(explicit)) {
            throw new MigrationFilesError(`MIGRATIONS_DIR ${explicit} holds no NNN_name.sql files`);
        }
        return explicit;
    }
    const found = candidates.find(hasMigrations);
    if (found === undefined) {
        throw new MigrationFilesError(`No NNN_name.sql files in ${candidates.join(" or ")}`);
    }
    return found;
}

/**
 * Splits a migration into statements: each ends with `;` at the end of a line. Full-line `--` comments are
 * dropped. Statements run one by one because the connection does not allow multi-statements.
 */
export function splitStatements(sql: string): string[] {
    const withoutComments = sql
        .split(/\r?\n/)
        .filter((line) => !/^\s*--/.test(line))
        .join("\n");
    return withoutComments
        .split(/;\s*$/m)
        .map((statement) => statement.trim())
        .filter((statement) => statement.length > 0);
}

/** The text of a migration as the repository stores it (.gitattributes: `*.sql eol=lf`): LF endings, no BOM. */
export function normalizeSql(text: string): string {
    return text.replace(/^\uFEFF/, "").replace(/\r\n/g, "\n");
}

/** Reads every migration in name order. */
export function readMigrations(dir: string): Migration[] {
    return readdirSync(dir)
        .filter((file) => migrationName.test(file))
        .sort()
        .map((name) => {
            const sql = normalizeSql(readFileSync(path.join(dir, name), "utf8"));
            return { name, checksum: createHash("sha256").update(sql).digest("hex"), statements: splitStatements(sql) };
        });
}
