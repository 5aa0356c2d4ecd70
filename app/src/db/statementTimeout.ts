import { Socket } from "node:net";
import type { Connection } from "mysql2/promise";

/** The error every statement waiting on a connection gets when the server stopped answering. */
export class StatementTimeoutError extends Error {
    override readonly name = "StatementTimeoutError";
    /** mysql2's code for its own per-statement timeout, which this replaces; read by `isFatalConnectionError`. */
    readonly code = "PROTOCOL_SEQUENCE_TIMEOUT";
    readonly fatal = true;
}

/**
 * The socket under a mysql2 connection once it is connected: the TLS socket with TLS on. mysql2 does not
 * type it (`connection.connection.stream`), so anything unexpected counts as "not found".
 */
function socketOf(connection: Connection): Socket | undefined {
    const stream = (connection as { connection?: { stream?: unknown } }).connection?.stream;
    return stream instanceof Socket ? stream : undefined;
}

/**
 * A statement timeout for one connection, kept on its socket. The socket reports a timeout after `timeoutMs`
 * without a byte either way; if a statement is waiting then, the socket is destroyed with a fatal
 * `StatementTimeoutError`, which mysql2 passes to every statement still waiting on it, as for any broken
 * connection. That is mysql2's `timeout` query option measured as inactivity instead of total time, for the
 * price of one timer per connection, which Node refreshes on I/O. mysql2's option sets and clears a timer
 * around every statement, and that cost ~10 µs per request on the warm path (`npm run bench`; CPU time per
 * request with and without it).
 */
export class StatementTimeout {
    private waiting = 0;

    private constructor(socket: Socket, timeoutMs: number) {
        socket.setTimeout(timeoutMs);
        socket.on("timeout", () => {
            // Idle between requests is fine; only a statement left without an answer is a dead connection.
            if (this.waiting > 0) {
                socket.destroy(new StatementTimeoutError(`The database sent nothing for ${timeoutMs} ms while a statement was waiting`));
            }
        });
    }

    /** Watches `connection`, or returns undefined when its socket cannot be found (the caller then falls back on mysql2's option). */
    static attach(connection: Connection, timeoutMs: number): StatementTimeout | undefined {
        const socket = socketOf(connection);
        return socket === undefined ? undefined : new StatementTimeout(socket, timeoutMs);
    }

    /** Runs one statement under the timeout. */
    async run<T>(statement: () => Promise<T>): Promise<T> {
        this.waiting += 1;
        try {
            return await statement();
        } finally {
            this.waiting -= 1;
        }
    }
}
