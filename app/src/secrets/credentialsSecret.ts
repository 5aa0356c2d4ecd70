import * as z from "zod/mini";
import "../validation";
import { SecretFormatError } from "./errors";

/** Database login held in a secret: RDS-managed secrets and rotation templates both use this JSON shape. */
export interface DatabaseCredentials {
    readonly username: string;
    readonly password: string;
}

// Built on first use, not at import (see config.ts).
const credentialsSecret = z.lazy(() =>
    z.looseObject({
        username: z.string().check(z.minLength(1)),
        password: z.string().check(z.minLength(1)),
    }),
);

/** Parses `{ "username": ..., "password": ..., ... }`; extra keys (host, engine, ...) are ignored. */
export function parseCredentialsSecret(secretString: string, secretId: string): DatabaseCredentials {
    let json: unknown;
    try {
        json = JSON.parse(secretString);
    } catch {
        // The parser's message can quote the secret's text, so it is not passed on as a cause.
        throw new SecretFormatError(`Secret ${secretId} is not JSON`);
    }
    const result = credentialsSecret.safeParse(json);
    if (!result.success) {
        const fields = [...new Set(result.error.issues.map((issue) => issue.path.join(".") || "(root)"))];
        throw new SecretFormatError(`Secret ${secretId} needs string fields: ${fields.join(", ")}`);
    }
    return { username: result.data.username, password: result.data.password };
}
