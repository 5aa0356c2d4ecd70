import type { RowDataPacket } from "mysql2";
import type { Connection } from "mysql2/promise";
import { driverErrorCode } from "../db/errors";
import { revocationsFor, type HeldPrivilege, type WantedPrivilege } from "./extraPrivileges";

/**
 * What the app's functions may do (the API, the relay and the projector share one database user):
 * - read and append events, read and add order snapshots: no UPDATE or DELETE, the event store is append-only and a
 *   snapshot, once written, is never changed (a newer one is a new row);
 * - outbox_gate: SELECT for the appends' shared lock, UPDATE because MySQL requires it of the relay's FOR UPDATE (the
 *   table's CHECK keeps its one row as it is, and without DELETE it cannot be removed);
 * - relay_checkpoints and parked_events: the relay's position and lease, and the rows it could not publish;
 * - order_summaries: the projector's read model, upserted in version order (a rebuild deletes it as the master user).
 */
export const appGrants = [
    { privileges: "SELECT, INSERT", table: "events" },
    { privileges: "SELECT, INSERT", table: "order_snapshots" },
    { privileges: "SELECT, UPDATE", table: "outbox_gate" },
    { privileges: "SELECT, UPDATE", table: "relay_checkpoints" },
    { privileges: "SELECT, INSERT", table: "parked_events" },
    { privileges: "SELECT, INSERT, UPDATE", table: "order_summaries" },
] as const;

/** The app user could not be created or updated. Never carries the driver error: its `sql` holds the password. */
export class AppUserError extends Error {
    override readonly name = "AppUserError";
}

function driverCode(error: unknown): string {
    return driverErrorCode(error) ?? "unknown";
}

interface PrivilegeRow extends RowDataPacket {
    schemaName: string | null;
    tableName: string | null;
    privilege: string;
    grantable: string;
}

// Global, database and table privileges: the levels GRANT reaches in MySQL 8.0/8.4 and MariaDB alike.
const heldPrivilegeQueries = [
    "SELECT NULL AS schemaName, NULL AS tableName, PRIVILEGE_TYPE AS privilege, IS_GRANTABLE AS grantable FROM information_schema.USER_PRIVILEGES WHERE GRANTEE = ?",
    "SELECT TABLE_SCHEMA AS schemaName, NULL AS tableName, PRIVILEGE_TYPE AS privilege, IS_GRANTABLE AS grantable FROM information_schema.SCHEMA_PRIVILEGES WHERE GRANTEE = ?",
    "SELECT TABLE_SCHEMA AS schemaName, TABLE_NAME AS tableName, PRIVILEGE_TYPE AS privilege, IS_GRANTABLE AS grantable FROM information_schema.TABLE_PRIVILEGES WHERE GRANTEE = ?",
];

async function heldPrivileges(connection: Connection, username: string): Promise<HeldPrivilege[]> {
    const held: HeldPrivilege[] = [];
    for (const sql of heldPrivilegeQueries) {
        const [rows] = await connection.query<PrivilegeRow[]>(sql, [`'${username}'@'%'`]);
        for (const row of rows) {
            held.push({
                ...(row.schemaName === null ? {} : { schema: row.schemaName }),
                ...(row.tableName === null ? {} : { table: row.tableName }),
                privilege: row.privilege,
                grantable: row.grantable === "YES",
            });
        }
    }
    return held;
}

function wantedPrivileges(database: string): WantedPrivilege[] {
    return appGrants.flatMap((grant) =>
        grant.privileges.split(",").map((privilege) => ({ schema: database, table: grant.table, privilege: privilege.trim() })),
    );
}

/** How the app user logs in: with a password (`secret` mode) or with an IAM token (`iam` mode). */
export type AppUserLogin = { readonly username: string; readonly password: string } | { readonly username: string; readonly iam: true };

/**
 * The `IDENTIFIED …` clause for a login. IAM logins use the plugin RDS for MySQL provides, which
 * checks the token the caller presents against IAM ("Creating a database account using IAM
 * authentication", RDS User Guide); that plugin exists only on RDS, so elsewhere the statement parses
 * and then fails with ER_PLUGIN_IS_NOT_LOADED.
 */
export function identifiedClause(user: AppUserLogin): { readonly sql: string; readonly values: readonly unknown[] } {
    return "iam" in user ? { sql: "IDENTIFIED WITH AWSAuthenticationPlugin AS 'RDS'", values: [] } : { sql: "IDENTIFIED BY ?", values: [user.password] };
}

/**
 * Creates the API's database user, or sets how it logs in when it exists (the stack config is the source
 * of truth: a rotated secret is applied by the next deploy, and a password user is converted to IAM and
 * back when `dbAuth` changes), and leaves it with exactly `appGrants`: what is missing is granted first,
 * then anything else is revoked, so the running API never lacks a privilege.
 * Host '%' because the proxy connects from addresses in the VPC that are not known in advance.
 */
export async function ensureAppUser(connection: Connection, user: AppUserLogin, database: string): Promise<void> {
    const run = async (step: string, sql: string, values: unknown[]) => {
        try {
            await connection.query(sql, values);
        } catch (error) {
            throw new AppUserError(`Could not ${step} for the app user (${driverCode(error)})`);
        }
    };
    const identified = identifiedClause(user);
    await run("create the user", `CREATE USER IF NOT EXISTS ?@'%' ${identified.sql}`, [user.username, ...identified.values]);
    await run("set the login", `ALTER USER ?@'%' ${identified.sql}`, [user.username, ...identified.values]);
    for (const grant of appGrants) {
        await run(`grant ${grant.privileges} on ${grant.table}`, `GRANT ${grant.privileges} ON ?? TO ?@'%'`, [
            `${database}.${grant.table}`,
            user.username,
        ]);
    }
    let held: HeldPrivilege[];
    try {
        held = await heldPrivileges(connection, user.username);
    } catch (error) {
        throw new AppUserError(`Could not read the app user's privileges (${driverCode(error)})`);
    }
    for (const revocation of revocationsFor(held, wantedPrivileges(database), user.username)) {
        await run("revoke privileges the API does not need", revocation.sql, [...revocation.values]);
    }
}
