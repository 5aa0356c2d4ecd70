import type { Connection } from "mysql2/promise";

/** What the API may do: read and append events. No UPDATE or DELETE: the event store is append-only. */
export const appGrants = [{ privileges: "SELECT, INSERT", table: "events" }] as const;

/** The app user could not be created or updated. Never carries the driver error: its `sql` holds the password. */
export class AppUserError extends Error {
    override readonly name = "AppUserError";
}

function driverCode(error: unknown): string {
    return typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : "unknown";
}

/**
 * Creates the API's database user, or sets its password when it exists (the app secret is the source of
 * truth, so a rotated secret is applied by the next deploy), and grants exactly `appGrants`.
 * Host '%' because the proxy connects from addresses in the VPC that are not known in advance.
 */
export async function ensureAppUser(connection: Connection, user: { username: string; password: string }, database: string): Promise<void> {
    const run = async (step: string, sql: string, values: unknown[]) => {
        try {
            await connection.query(sql, values);
        } catch (error) {
            throw new AppUserError(`Could not ${step} for the app user (${driverCode(error)})`);
        }
    };
    await run("create the user", "CREATE USER IF NOT EXISTS ?@'%' IDENTIFIED BY ?", [user.username, user.password]);
    await run("set the password", "ALTER USER ?@'%' IDENTIFIED BY ?", [user.username, user.password]);
    for (const grant of appGrants) {
        await run(`grant ${grant.privileges} on ${grant.table}`, `GRANT ${grant.privileges} ON ?? TO ?@'%'`, [
            `${database}.${grant.table}`,
            user.username,
        ]);
    }
}
