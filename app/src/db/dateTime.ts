/**
 * DATETIME(6) columns hold UTC (written with UTC_TIMESTAMP(6)) and come back as text, 'YYYY-MM-DD hh:mm:ss.ffffff':
 * the conversions to and from ISO-8601 that the stores share, microseconds kept (a JavaScript Date would drop them).
 */

/** '2026-01-02 03:04:05.123456' → '2026-01-02T03:04:05.123456Z'. */
export function fromSqlDateTime(sql: string): string {
    return `${sql.replace(" ", "T")}Z`;
}

/** '2026-01-02T03:04:05.123456Z' → '2026-01-02 03:04:05.123456'. */
export function toSqlDateTime(iso: string): string {
    const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?)Z$/.exec(iso);
    if (match === null) {
        throw new RangeError(`Not an ISO-8601 UTC timestamp: ${iso}`);
    }
    return `${match[1]} ${match[2]}`;
}
