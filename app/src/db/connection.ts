import type { Connection, ConnectionOptions } from "mysql2/promise";
import type { Logger } from "../logger";
import type { DatabaseMetrics } from "../metrics";
import type { CredentialSource } from "./credentials";
import {
    DatabaseQueryError,
    DatabaseUnavailableError,
    driverErrorCode,
    isAccessDenied,
    isFatalConnectionError,
} from "./errors";
import { StatementTimeout } from "./statementTimeout";

/** Opens one connection; `mysql2/promise`'s `createConnection` in production, injectable in tests. */
export type Connector = (options: ConnectionOptions) => Promise<Connection>;

export interface QueryOptions {
    /**
     * Whether the statement may run a second time on a new connection after the first one died.
     * True for reads and for appends whose unique event id turns a repeat into a no-op.
     */
    readonly retryOnFatal: boolean;
}

/** What the stores need from the database: one statement at a time, values always as parameters. */
export interface Queryable {
    query<R>(sql: string, values: readonly unknown[], options: QueryOptions): Promise<R>;
}

export interface DatabaseOptions {
    /** Everything but the login, which comes from `credentials` at each connect. */
    readonly connection: Omit<ConnectionOptions, "user" | "password">;
    readonly credentials: CredentialSource;
    readonly connect: Connector;
    readonly logger: Logger;
    /** Counts reconnects and credential refreshes; optional so that tools and tests can leave it out. */
    readonly metrics?: DatabaseMetrics;
    /** Per statement, as inactivity: a connection that stops answering is treated as dead (`StatementTimeout`). */
    readonly queryTimeoutMs: number;
}

/**
 * The container's single database connection, opened on first use and kept across invocations.
 *
 * Statements go through `query()` only: mysql2 substitutes the parameters on the client, so no server-side
 * prepared statement exists, and the connection never runs SET, multi-statements, temporary tables or locks.
 * Those are what make RDS Proxy pin a client to one database connection.
 */
export class Database implements Queryable {
    private current: Promise<Connection> | undefined;
    /** What `current` resolved to, so that a dead connection is told apart from its replacement. */
    private live: Connection | undefined;
    private opened = 0;
    private readonly timeouts = new WeakMap<Connection, StatementTimeout>();

    constructor(private readonly options: DatabaseOptions) {}

    /** Connections opened since the container started (for the benchmark and tests). */
    get connectionsOpened(): number {
        return this.opened;
    }

    async query<R>(sql: string, values: readonly unknown[], options: QueryOptions): Promise<R> {
        const connection = await this.connection();
        try {
            return await this.run<R>(connection, sql, values);
        } catch (error) {
            if (!isFatalConnectionError(error)) {
                throw new DatabaseQueryError("Statement failed", { cause: error });
            }
            this.discard(connection);
            if (!options.retryOnFatal) {
                throw new DatabaseUnavailableError("The database connection was lost during a statement that is not safe to repeat", {
                    cause: error,
                });
            }
            this.options.logger.info("Database connection lost; reconnecting once", { code: driverErrorCode(error) });
        }
        const fresh = await this.connection();
        try {
            return await this.run<R>(fresh, sql, values);
        } catch (error) {
            if (isFatalConnectionError(error)) {
                this.discard(fresh);
                throw new DatabaseUnavailableError("The database connection was lost twice in a row", { cause: error });
            }
            throw new DatabaseQueryError("Statement failed", { cause: error });
        }
    }

    /**
     * Runs `work` in one transaction on the container's connection, and commits it; rolls back and rethrows when
     * `work` fails. Nothing is retried: a transaction cut by a lost connection was rolled back by the server, so
     * the caller decides whether to start it again. Callers must not run other statements while it is open.
     * RDS Proxy keeps the client on one database connection for the transaction and multiplexes again at its end;
     * a transaction does not pin.
     */
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
        const connection = await this.connection();
        const tx: Queryable = {
            query: async <R>(sql: string, values: readonly unknown[]): Promise<R> => {
                try {
                    return await this.run<R>(connection, sql, values);
                } catch (error) {
                    if (isFatalConnectionError(error)) {
                        this.discard(connection);
                        throw new DatabaseUnavailableError("The database connection was lost during a transaction", { cause: error });
                    }
                    throw new DatabaseQueryError("Statement failed", { cause: error });
                }
            },
        };
        const once = { retryOnFatal: false };
        await tx.query("START TRANSACTION", [], once);
        let result: T;
        try {
            result = await work(tx);
        } catch (error) {
            await this.run(connection, "ROLLBACK", []).catch(() => undefined);
            throw error;
        }
        await tx.query("COMMIT", [], once);
        return result;
    }

    /** Closes the connection, if any; the next query opens a new one. */
    async close(): Promise<void> {
        const current = this.current;
        this.current = undefined;
        this.live = undefined;
        if (current !== undefined) {
            const connection = await current.catch(() => undefined);
            await connection?.end().catch(() => undefined);
        }
    }

    private async run<R>(connection: Connection, sql: string, values: readonly unknown[]): Promise<R> {
        const timeout = this.timeouts.get(connection);
        if (timeout === undefined) {
            // A connection whose socket is out of sight (not mysql2's own): mysql2's timer per statement.
            const [result] = await connection.query({ sql, values: [...values], timeout: this.options.queryTimeoutMs });
            return result as R;
        }
        const [result] = await timeout.run(() => connection.query(sql, [...values]));
        return result as R;
    }

    private connection(): Promise<Connection> {
        if (this.current === undefined) {
            const opening = this.open();
            this.current = opening;
            this.live = undefined;
            // Registered before any caller awaits `opening`, so `live` is set by the time a caller gets the connection.
            opening.then(
                (connection) => {
                    if (this.current === opening) {
                        this.live = connection;
                    }
                },
                () => {
                    // A failed connect must not be cached, or every later request would fail the same way.
                    if (this.current === opening) {
                        this.current = undefined;
                    }
                },
            );
        }
        return this.current;
    }

    private discard(connection: Connection): void {
        this.forget(connection);
        connection.destroy();
    }

    private async open(): Promise<Connection> {
        try {
            return await this.openWith(await this.options.credentials.get({ refresh: false }));
        } catch (error) {
            if (!isAccessDenied(error)) {
                throw this.unavailable(error);
            }
            // Most likely the password was rotated since the secret was cached: fetch it again, once.
            this.options.logger.warn("Database refused the login; refreshing credentials once");
            this.options.metrics?.credentialsRefreshed();
        }
        try {
            return await this.openWith(await this.options.credentials.get({ refresh: true }));
        } catch (error) {
            throw this.unavailable(error);
        }
    }

    private async openWith(credentials: { readonly username: string; readonly password: string }): Promise<Connection> {
        const connection = await this.options.connect({
            ...this.options.connection,
            user: credentials.username,
            password: credentials.password,
        });
        this.opened += 1;
        if (this.opened > 1) {
            this.options.metrics?.reconnected();
        }
        const timeout = StatementTimeout.attach(connection, this.options.queryTimeoutMs);
        if (timeout !== undefined) {
            this.timeouts.set(connection, timeout);
        }
        // Without a listener, an idle connection closed by the server (KILL, proxy idle timeout) would raise
        // an uncaught 'error' and crash the container; with it, the next query simply reconnects.
        connection.on("error", (error: unknown) => {
            this.options.logger.info("Idle database connection closed", { code: driverErrorCode(error) });
            this.forget(connection);
        });
        connection.on("end", () => this.forget(connection));
        return connection;
    }

    /**
     * Drops `connection` if it is still the current one. Statements that shared a connection all fail when it
     * dies; the first opens a replacement, and the others must reuse it rather than drop it and open another.
     */
    private forget(connection: Connection): void {
        if (this.live === connection) {
            this.current = undefined;
            this.live = undefined;
        }
    }

    private unavailable(error: unknown): DatabaseUnavailableError {
        if (error instanceof DatabaseUnavailableError) {
            return error;
        }
        return new DatabaseUnavailableError("Could not connect to the database", { cause: error });
    }
}
