/** One DB parameter group entry. */
export interface DbParameter {
    readonly name: string;
    readonly value: string;
}

/** Queries slower than this many seconds go to the slow query log, when it is exported. */
export const LONG_QUERY_TIME_SECONDS = 1;

/**
 * The parameters the instance runs with. TLS only, always. An exported log stays empty unless MySQL
 * writes it, and writes it to a file: RDS publishes `slowquery` and `general` to CloudWatch only with
 * `slow_query_log`/`general_log` on and `log_output=FILE` ("Publishing MySQL logs to Amazon CloudWatch
 * Logs", RDS User Guide). All of these are dynamic, so changing them needs no reboot.
 */
export function dbParameters(logExports: readonly string[]): DbParameter[] {
    const parameters: DbParameter[] = [{ name: "require_secure_transport", value: "1" }];
    const slow = logExports.includes("slowquery");
    const general = logExports.includes("general");
    if (slow) {
        parameters.push({ name: "slow_query_log", value: "1" }, { name: "long_query_time", value: String(LONG_QUERY_TIME_SECONDS) });
    }
    if (general) {
        parameters.push({ name: "general_log", value: "1" });
    }
    if (slow || general) {
        parameters.push({ name: "log_output", value: "FILE" });
    }
    return parameters;
}
