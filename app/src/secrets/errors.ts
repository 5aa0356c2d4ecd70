/** Secrets Manager did not return the secret. */
export class SecretFetchError extends Error {
    override readonly name = "SecretFetchError";
}

/** The secret exists but does not hold what the app expects. The message names fields, never values. */
export class SecretFormatError extends Error {
    override readonly name = "SecretFormatError";
}
