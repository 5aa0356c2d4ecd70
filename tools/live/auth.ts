import { LiveUsageError } from "./errors";
import { bearerClient, type HttpClient } from "./http";
import { executeApiRegion, sigV4Client, type AwsCredentials } from "./sigv4";

/** How the deployed API authorizes requests, as the stack exports it in `apiAuth`. */
export type ApiAuth = "iam" | "jwt" | "none";

const API_AUTH_MODES: readonly ApiAuth[] = ["iam", "jwt", "none"];

/** The environment variable a bearer token is read from when the API expects a JWT. */
export const JWT_ENV = "LIVE_TEST_JWT";

/**
 * The `apiAuth` stack output. A stack that does not export it predates API authorization: its
 * routes are open, so "none".
 */
export function apiAuthOf(outputs: Readonly<Record<string, unknown>>): ApiAuth {
    const value = outputs.apiAuth;
    if (value === undefined) {
        return "none";
    }
    if (typeof value !== "string" || !(API_AUTH_MODES as readonly string[]).includes(value)) {
        throw new Error(`stack output apiAuth is ${JSON.stringify(value)}; the live test knows ${API_AUTH_MODES.join(", ")}`);
    }
    return value as ApiAuth;
}

export interface AuthSettings {
    /** A token for a JWT authorizer (from LIVE_TEST_JWT); only needed when the API expects one. */
    readonly jwt?: string;
    /** Credentials from the default AWS chain; resolved lazily, only when the API wants SigV4. */
    readonly credentials: AwsCredentials;
    /** Used when the API URL is a custom domain that does not name its region. */
    readonly region?: string;
}

/** A client that authenticates the way the API expects, or an error that says what is missing. */
export function authenticatedClient(auth: ApiAuth, apiUrl: string, base: HttpClient, settings: AuthSettings): HttpClient {
    switch (auth) {
        case "none":
            return base;
        case "jwt":
            if (!settings.jwt) {
                throw new LiveUsageError(
                    `the stack's API expects a JWT (stack output apiAuth = "jwt"): set ${JWT_ENV} to a token its authorizer accepts (issuer and audience as configured on the stack)`,
                );
            }
            return bearerClient(base, settings.jwt);
        case "iam": {
            const region = executeApiRegion(apiUrl) ?? settings.region;
            if (region === undefined) {
                throw new Error(`cannot tell the region of ${apiUrl} to sign requests for it; set aws:region on the stack`);
            }
            return sigV4Client(base, { region, credentials: settings.credentials });
        }
    }
}

/** One line for the log: how requests are authenticated. */
export function describeAuth(auth: ApiAuth): string {
    switch (auth) {
        case "none":
            return "none (open routes)";
        case "jwt":
            return `JWT bearer token from ${JWT_ENV}`;
        case "iam":
            return "SigV4 (execute-api) with credentials from the default AWS chain";
    }
}
