import type { RowDataPacket } from "mysql2";
import type { Queryable } from "./connection";

interface TimeRow extends RowDataPacket {
    now: string;
    offsetMinutes: number;
}

/**
 * The database's clock as ISO-8601 with the session's UTC offset (the tutorial's smoke check, `SELECT NOW(6)`).
 * The offset is read in the same statement instead of setting `time_zone`, because SET would pin the proxy session.
 */
export async function databaseTime(db: Queryable): Promise<string> {
    const [row] = await db.query<TimeRow[]>("SELECT NOW(6) AS now, TIMESTAMPDIFF(MINUTE, UTC_TIMESTAMP(), NOW()) AS offsetMinutes", [], {
        retryOnFatal: true,
    });
    if (row === undefined) {
        throw new Error("SELECT NOW(6) returned no row");
    }
    return `${String(row.now).replace(" ", "T")}${offset(Number(row.offsetMinutes))}`;
}

function offset(minutes: number): string {
    if (minutes === 0) {
        return "Z";
    }
    const sign = minutes < 0 ? "-" : "+";
    const abs = Math.abs(minutes);
    return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** Resolves when the database answers a trivial statement. */
export async function pingDatabase(db: Queryable): Promise<void> {
    await db.query("SELECT 1", [], { retryOnFatal: true });
}
