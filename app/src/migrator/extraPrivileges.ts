/** One privilege of a user as `information_schema` lists it; `schema` and `table` are unset above their level. */
export interface HeldPrivilege {
    readonly schema?: string;
    readonly table?: string;
    readonly privilege: string;
    /** Held WITH GRANT OPTION. */
    readonly grantable: boolean;
}

/** A privilege the user should hold: on one table, without GRANT OPTION. */
export interface WantedPrivilege {
    readonly schema: string;
    readonly table: string;
    readonly privilege: string;
}

/** A parameterized REVOKE; the user is the last value. */
export interface Revocation {
    readonly sql: string;
    readonly values: readonly string[];
}

// Privilege names come from the server, yet they are keywords in SQL, not values: only plain names pass.
const privilegeName = /^[A-Z][A-Z_ ]*$/;

function target(held: HeldPrivilege): { on: string; values: string[] } {
    if (held.schema === undefined) {
        return { on: "*.*", values: [] };
    }
    if (held.table === undefined) {
        return { on: "??.*", values: [held.schema] };
    }
    return { on: "??.??", values: [held.schema, held.table] };
}

/**
 * The REVOKE statements that take a user down to exactly `wanted`: privileges granted by hand or by an older
 * version of the app would otherwise survive every deploy. USAGE is the absence of privileges and stays. Pure.
 */
export function revocationsFor(held: readonly HeldPrivilege[], wanted: readonly WantedPrivilege[], username: string): Revocation[] {
    const isWanted = (p: HeldPrivilege) =>
        wanted.some((w) => w.schema === p.schema && w.table === p.table && w.privilege === p.privilege.toUpperCase());
    const byTarget = new Map<string, { on: string; values: string[]; privileges: Set<string> }>();
    for (const p of held) {
        const name = p.privilege.toUpperCase();
        if (!privilegeName.test(name)) {
            throw new Error(`Unexpected privilege name from information_schema: ${JSON.stringify(p.privilege)}`);
        }
        const revoke = [...(name !== "USAGE" && !isWanted(p) ? [name] : []), ...(p.grantable ? ["GRANT OPTION"] : [])];
        if (revoke.length === 0) {
            continue;
        }
        const { on, values } = target(p);
        const key = JSON.stringify([on, values]);
        const entry = byTarget.get(key) ?? { on, values, privileges: new Set<string>() };
        revoke.forEach((privilege) => entry.privileges.add(privilege));
        byTarget.set(key, entry);
    }
    return [...byTarget.values()].map(({ on, values, privileges }) => ({
        sql: `REVOKE ${[...privileges].sort().join(", ")} ON ${on} FROM ?@'%'`,
        values: [...values, username],
    }));
}
