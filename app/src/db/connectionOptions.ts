import type { ConnectionOptions } from "mysql2/promise";
import type { DatabaseTarget } from "../config";
import { tlsOptions } from "./tls";

/** Connection settings shared by the API and migrate functions; the login is added by each. */
export function baseConnectionOptions(target: DatabaseTarget, defaultCa?: () => string[]): ConnectionOptions {
    return {
        host: target.host,
        port: target.port,
        database: target.database,
        ssl: tlsOptions(target.tls, defaultCa),
        connectTimeout: 5_000,
        // Dates as text: NOW(6) keeps its microseconds and no time zone conversion happens in the driver.
        dateStrings: true,
        supportBigNumbers: true,
        // Off is mysql2's default; stated because multi-statements would both pin RDS Proxy and widen SQL injection.
        multipleStatements: false,
        // mysql2's promise API captures a stack trace at every query (Error.captureStackTrace), to point a
        // failed query's stack at its caller: ~10 µs per statement on the warm path (CPU profile of GET /time).
        // Our errors are wrapped with a cause at the statement that ran (DatabaseQueryError), which names it.
        trace: false,
        // JSON columns as text: a read parses only the values it uses (an order read skips the events that its
        // snapshot already holds). The stores parse what they read, as they must on MariaDB versions that
        // mysql2 cannot tell JSON columns apart on.
        jsonStrings: true,
    };
}
