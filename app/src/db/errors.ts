/** The database could not be reached or authenticated against: HTTP 503, worth a retry later. */
export class DatabaseUnavailableError extends Error {
    override readonly name = "DatabaseUnavailableError";
}

/** A statement failed on a healthy connection. Keeps the server's error number for callers that branch on it. */
export class DatabaseQueryError extends Error {
    override readonly name = "DatabaseQueryError";
    readonly errno: number | undefined;
    readonly code: string | undefined;
    constructor(message: string, options: { cause: unknown }) {
        super(message, options);
        this.errno = driverErrorField(options.cause, "errno") as number | undefined;
        this.code = driverErrorField(options.cause, "code") as string | undefined;
    }
    get isDuplicateKey(): boolean {
        return this.errno === ER_DUP_ENTRY;
    }
}

const ER_DUP_ENTRY = 1062;
const ER_ACCESS_DENIED_ERROR = 1045;

// Errors after which the connection is gone: the socket closed while the Lambda was frozen, the proxy or the
// server ended the session (KILL, idle timeout, failover, shutdown), or the server never answered.
const fatalCodes = new Set([
    "PROTOCOL_CONNECTION_LOST",
    "PROTOCOL_SEQUENCE_TIMEOUT",
    "ECONNRESET",
    "ECONNREFUSED",
    "EPIPE",
    "ETIMEDOUT",
    "EHOSTUNREACH",
    "ER_SERVER_SHUTDOWN",
    "ER_CONNECTION_KILLED",
    "ER_CLIENT_INTERACTION_TIMEOUT",
]);
// 1053 server shutdown, 1927 MariaDB connection killed, 4031 MySQL 8 disconnected for inactivity.
const fatalErrnos = new Set([1053, 1927, 4031]);

function driverErrorField(error: unknown, field: "errno" | "code" | "fatal"): unknown {
    return typeof error === "object" && error !== null ? (error as Record<string, unknown>)[field] : undefined;
}

/** True when the connection that raised `error` can no longer be used. */
export function isFatalConnectionError(error: unknown): boolean {
    const code = driverErrorField(error, "code");
    const errno = driverErrorField(error, "errno");
    return (
        driverErrorField(error, "fatal") === true ||
        (typeof code === "string" && fatalCodes.has(code)) ||
        (typeof errno === "number" && fatalErrnos.has(errno))
    );
}

/** True for a rejected login (wrong or rotated password, expired IAM token). */
export function isAccessDenied(error: unknown): boolean {
    return driverErrorField(error, "errno") === ER_ACCESS_DENIED_ERROR || driverErrorField(error, "code") === "ER_ACCESS_DENIED_ERROR";
}

/** The driver's error code, safe to log: never the SQL or the values. */
export function driverErrorCode(error: unknown): string | undefined {
    const code = driverErrorField(error, "code");
    return typeof code === "string" ? code : undefined;
}
