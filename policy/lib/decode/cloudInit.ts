/**
 * Passwords in a cloud-init `#cloud-config` document, where the cloud-init docs put them
 * (https://cloudinit.readthedocs.io/en/latest/reference/modules.html, "Set Passwords" and "Users and Groups"):
 * - `password:` (the default user's), `chpasswd.list` (`user:password` lines, deprecated) and
 *   `chpasswd.users[].password` with `type: text` (the default): plain text;
 * - `users[].plain_text_passwd`: plain text;
 * - `users[].passwd`, `users[].hashed_passwd`, `chpasswd.users[]` with `type: hash`: crypt hashes,
 *   reported as hashes (crackable offline, and readable by anyone who reads user data).
 * `RANDOM` (and `R` in chpasswd.list) asks cloud-init to generate the password: not a secret.
 */
import { parseDocument } from "yaml";
import type { NamedValue } from "./shell";

export interface CloudInitPasswords {
    /** Plain-text passwords, named by where they are ("users[0].plain_text_passwd"). */
    plain: NamedValue[];
    /** Where a password hash is. */
    hashes: string[];
}

const GENERATED = /^(?:R|RANDOM)$/;

/** The `#cloud-config` part of user data (a MIME part or the whole text), or undefined. */
export function cloudConfigPart(userData: string): string | undefined {
    const at = userData.search(/^#cloud-config[ \t]*$/m);
    if (at < 0) {
        return undefined;
    }
    const rest = userData.slice(at);
    const boundary = rest.search(/^--\S+/m);
    return boundary < 0 ? rest : rest.slice(0, boundary);
}

const record = (v: unknown): Record<string, unknown> | undefined => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The passwords a cloud-config document sets; undefined when it is not valid YAML with a mapping at the top. */
export function cloudInitPasswords(document: string): CloudInitPasswords | undefined {
    const parsed = parseDocument(document);
    const config = parsed.errors.length === 0 ? record(parsed.toJS()) : undefined;
    if (!config) {
        return undefined;
    }
    const plain: NamedValue[] = [];
    const hashes: string[] = [];
    const text = (name: string, value: unknown) => {
        if (typeof value === "string" || typeof value === "number") {
            if (!GENERATED.test(String(value))) {
                plain.push({ name, value: String(value) });
            }
        }
    };
    text("password", config.password);
    const chpasswd = record(config.chpasswd);
    const entries = typeof chpasswd?.list === "string" ? chpasswd.list.split(/\r?\n/) : list(chpasswd?.list);
    entries.forEach((line, i) => {
        const [user, ...pw] = String(line).split(":");
        if (user && pw.length > 0) {
            text(`chpasswd.list[${i}].password`, pw.join(":"));
        }
    });
    list(chpasswd?.users).forEach((raw, i) => {
        const user = record(raw);
        const type = String(user?.type ?? "text");
        if (user?.password === undefined || type === "RANDOM") {
            return;
        }
        if (type === "hash") {
            hashes.push(`chpasswd.users[${i}].password`);
        } else {
            text(`chpasswd.users[${i}].password`, user.password);
        }
    });
    list(config.users).forEach((raw, i) => {
        const user = record(raw);
        text(`users[${i}].plain_text_passwd`, user?.plain_text_passwd);
        for (const key of ["passwd", "hashed_passwd"]) {
            if (typeof user?.[key] === "string" && user[key] !== "") {
                hashes.push(`users[${i}].${key}`);
            }
        }
    });
    return { plain, hashes };
}
