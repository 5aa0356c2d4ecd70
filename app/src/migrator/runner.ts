import type { RowDataPacket } from "mysql2";
import type { Connection } from "mysql2/promise";
import type { Logger } from "../logger";
import type { Migration } from "./files";

export interface MigrationOutcome {
    readonly applied: readonly string[];
    readonly skipped: number;
}

/** An applied migration whose file changed since, or a statement that failed. */
export class MigrationError extends Error {
    override readonly name = "MigrationError";
}

interface AppliedRow extends RowDataPacket {
    name: string;
    checksum: string;
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, in order, and records each one.
 * The caller holds the migration lock: DDL is not transactional in MySQL, so two runners must not interleave.
 */
export async function applyMigrations(connection: Connection, migrations: readonly Migration[], logger: Logger): Promise<MigrationOutcome> {
    await connection.query(
        `CREATE TABLE IF NOT EXISTS schema_migrations (
            name VARCHAR(255) NOT NULL PRIMARY KEY,
            checksum CHAR(64) NOT NULL,
            applied_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
        ) ENGINE=InnoDB`,
    );
    const [rows] = await connection.query<AppliedRow[]>("SELECT name, checksum FROM schema_migrations");
    const done = new Map(rows.map((row) => [row.name, row.checksum]));
    const applied: string[] = [];
    for (const migration of migrations) {
        const checksum = done.get(migration.name);
        if (checksum !== undefined) {
            if (checksum !== migration.checksum) {
                throw new MigrationError(`${migration.name} was edited after it was applied; add a new migration instead`);
            }
            continue;
        }
        for (const [index, statement] of migration.statements.entries()) {
            try {
                await connection.query(statement);
            } catch (error) {
                throw new MigrationError(`${migration.name}: statement ${index + 1} failed`, { cause: error });
            }
        }
        await connection.query("INSERT INTO schema_migrations (name, checksum) VALUES (?, ?)", [migration.name, migration.checksum]);
        logger.info("Migration applied", { migration: migration.name });
        applied.push(migration.name);
    }
    return { applied, skipped: migrations.length - applied.length };
}
