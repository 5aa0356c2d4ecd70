import type { RowDataPacket } from "mysql2";
import type { Connection } from "mysql2/promise";

/** Another migration held the lock for longer than we were willing to wait. */
export class MigrationLockError extends Error {
    override readonly name = "MigrationLockError";
}

interface LockRow extends RowDataPacket {
    acquired: number | null;
}

/**
 * Runs `work` while holding a named lock, so two concurrent deploys apply migrations one after the other.
 * Only for the migrate function's direct connection to the instance: GET_LOCK would pin an RDS Proxy session.
 */
export async function withNamedLock<T>(connection: Connection, name: string, timeoutSeconds: number, work: () => Promise<T>): Promise<T> {
    const [[row]] = await connection.query<LockRow[]>("SELECT GET_LOCK(?, ?) AS acquired", [name, timeoutSeconds]);
    if (row?.acquired !== 1) {
        throw new MigrationLockError(`Could not take lock ${name} within ${timeoutSeconds} s; is another migration running?`);
    }
    try {
        return await work();
    } finally {
        // A failed release means the session is gone, and the server frees a session's locks when it ends.
        // Throwing here would hide the error from `work`, the one that says what went wrong.
        await connection.query("SELECT RELEASE_LOCK(?)", [name]).catch(() => undefined);
    }
}
