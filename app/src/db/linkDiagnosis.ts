import { ConfigError } from "../config";
import { SecretFetchError, SecretFormatError } from "../secrets/errors";
import { DatabaseQueryError } from "./errors";
import { TokenSigningError } from "./iamAuthToken";

/**
 * The links a request crosses from a function to the database, in order. The readiness probe names the one that broke.
 * - `configuration`: the function's own environment or credentials (nothing left the function);
 * - `secret`: reading the app user's secret (secret mode: Secrets Manager endpoint, permissions);
 * - `network`: reaching the proxy endpoint (DNS, security groups);
 * - `tls`: the TLS handshake with the proxy;
 * - `login`: the proxy accepting the app user (IAM token or password);
 * - `proxy-to-database`: the proxy reaching and logging in to the database (its target);
 * - `query`: the statement on the database (the app user's grants).
 */
export type ChainLink = "configuration" | "secret" | "network" | "tls" | "login" | "proxy-to-database" | "query" | "unknown";

/** How the app user logs in, which changes what a refused login means. */
export type LoginMode = "iam" | "secret";

export interface LinkDiagnosis {
    readonly link: ChainLink;
    /** The driver's or the SDK's code, when the failure carried one (`ECONNREFUSED`, `ER_ACCESS_DENIED_ERROR`, `errno 9501`…). */
    readonly code: string | undefined;
    /** Whether waiting can mend it: a target still registering or IAM still propagating can; a bad certificate cannot. */
    readonly retryable: boolean;
    /** What to check, in the operator's terms. */
    readonly explanation: string;
}

// Codes from Node's net/dns layer (https://nodejs.org/api/errors.html#common-system-errors) and mysql2's connect timeout
// (ETIMEDOUT): nothing listening answered, unless the endpoint takes TCP after all (`ConnectionFacts`).
const unreachable = new Set(["ENOTFOUND", "EAI_AGAIN", "ECONNREFUSED", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH"]);
const dnsCodes = new Set(["ENOTFOUND", "EAI_AGAIN"]);
// OpenSSL's verification results as Node reports them (https://nodejs.org/api/tls.html#x509-certificate-error-codes),
// and mysql2's own codes: a server that offers no TLS, and a handshake that failed (mysql2 wraps the certificate error in
// HANDSHAKE_SSL_ERROR: seen against the test server with a CA it does not trust).
const tlsCodes = new Set([
    "HANDSHAKE_NO_SSL_SUPPORT",
    "HANDSHAKE_SSL_ERROR",
    "EPROTO",
    "UNABLE_TO_GET_ISSUER_CERT",
    "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
    "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
    "DEPTH_ZERO_SELF_SIGNED_CERT",
    "SELF_SIGNED_CERT_IN_CHAIN",
    "CERT_HAS_EXPIRED",
    "CERT_NOT_YET_VALID",
    "CERT_UNTRUSTED",
    "CERT_REJECTED",
    "CERT_SIGNATURE_FAILURE",
]);
// Server errors: 1045 access denied, 1698 access denied without password; 3159 secure transport required, 2026 SSL
// connection error; 1044 no access to the database, 1142/1143 command or column denied; 1040 too many connections.
// 9501 is RDS Proxy's "Timed-out waiting to acquire database connection" (its troubleshooting page).
const loginErrnos = new Set([1045, 1698]);
const tlsErrnos = new Set([3159, 2026]);
const grantErrnos = new Set([1044, 1142, 1143]);
const proxyErrnos = new Set([9501, 1040]);
// The connection ended before the login finished, or a statement got no answer: the proxy took the client but had no
// database connection to give it (a target still registering or unavailable, a pool exhausted).
const endedCodes = new Set(["PROTOCOL_CONNECTION_LOST", "ECONNRESET", "EPIPE", "PROTOCOL_SEQUENCE_TIMEOUT"]);

function field(error: unknown, name: string): unknown {
    return typeof error === "object" && error !== null ? (error as Record<string, unknown>)[name] : undefined;
}

/** `error` and its causes, outermost first (bounded: a cause cycle must not hang the probe). */
export function causeChain(error: unknown): unknown[] {
    const chain: unknown[] = [];
    for (let current = error; current !== undefined && current !== null && chain.length < 10; current = field(current, "cause")) {
        chain.push(current);
    }
    return chain;
}

/** The innermost error that carries a driver or system code, which says more than the wrappers around it. */
function driverError(chain: readonly unknown[]): { code: string | undefined; errno: number | undefined } | undefined {
    for (const error of [...chain].reverse()) {
        const code = field(error, "code");
        const errno = field(error, "errno");
        if (typeof code === "string" || typeof errno === "number") {
            return { code: typeof code === "string" ? code : undefined, errno: typeof errno === "number" ? errno : undefined };
        }
    }
    return undefined;
}

const loginExplanation: Record<LoginMode, string> = {
    iam:
        "the proxy refused the app user's IAM token: check that the function's role may rds-db:connect as that user on this proxy " +
        "(its prx- resource id) and that the proxy's default auth scheme is IAM_AUTH; with end-to-end IAM the database may have refused the proxy " +
        "instead: the app user must be IDENTIFIED WITH AWSAuthenticationPlugin (migrate creates it) and the proxy's role may rds-db:connect on the instance",
    secret:
        "the proxy refused the app user's password: the secret's password must be the database user's (migrate sets it) and the proxy's auth entry " +
        "must name the same secret; right after a password change the proxy may still hold the previous version",
};

/** What the caller found out beside the error, to tell apart failures that share a code. */
export interface ConnectionFacts {
    /**
     * Whether a plain TCP connection to the endpoint succeeded after the failure. mysql2 reports `ETIMEDOUT` both when
     * no TCP connection could be made and when its connect timeout ran out during the login (its timer spans the whole
     * handshake: mysql2 lib/base/connection.js), which a proxy with no database connection to give causes.
     */
    readonly endpointAcceptsTcp?: boolean;
}

/**
 * Which link of the chain function → proxy → database an error from opening a connection or running `SELECT 1` points
 * at. Pure: it reads the error's class, its driver code and its causes, and names what to check.
 */
export function diagnoseConnectionFailure(error: unknown, mode: LoginMode, facts: ConnectionFacts = {}): LinkDiagnosis {
    const chain = causeChain(error);
    if (chain.some((e) => e instanceof ConfigError || e instanceof TokenSigningError)) {
        return {
            link: "configuration",
            code: undefined,
            retryable: false,
            explanation: "the function's environment or credentials are incomplete (see the message); nothing was sent to the proxy",
        };
    }
    if (chain.some((e) => e instanceof SecretFormatError)) {
        return {
            link: "secret",
            code: undefined,
            retryable: false,
            explanation: "the app user's secret does not hold a username and password (the secret's value, not its access, is wrong)",
        };
    }
    const driver = driverError(chain);
    const code = driver?.code ?? (driver?.errno === undefined ? undefined : `errno ${driver.errno}`);
    if (chain.some((e) => e instanceof SecretFetchError)) {
        return {
            link: "secret",
            code,
            retryable: true,
            explanation:
                "could not read the app user's secret: check the function's secretsmanager:GetSecretValue and kms:Decrypt permissions, " +
                "and its security group's path to the Secrets Manager interface endpoint",
        };
    }
    const errno = driver?.errno;
    const driverCode = driver?.code ?? "";
    const duringQuery = chain.some((e) => e instanceof DatabaseQueryError);
    if (dnsCodes.has(driverCode)) {
        return { link: "network", code, retryable: true, explanation: "the proxy endpoint's name does not resolve in the VPC (DNS); a new proxy's name can take a moment" };
    }
    if (driverCode === "ETIMEDOUT" && facts.endpointAcceptsTcp === true) {
        return {
            link: "proxy-to-database",
            code,
            retryable: true,
            explanation:
                "the proxy endpoint accepts TCP connections but the login did not finish within the connect timeout: the proxy may be waiting " +
                "for a database connection (its target still registering or unavailable: aws rds describe-db-proxy-targets shows TargetHealth)",
        };
    }
    if (unreachable.has(driverCode)) {
        return {
            link: "network",
            code,
            retryable: true,
            explanation: "cannot reach the proxy endpoint on its port: check the security groups (the function's group may send to the proxy's, which must accept it)",
        };
    }
    if (tlsCodes.has(driverCode) || driverCode.startsWith("ERR_TLS_") || driverCode.startsWith("ERR_SSL_") || (errno !== undefined && tlsErrnos.has(errno))) {
        return {
            link: "tls",
            code,
            retryable: false,
            explanation: "the TLS handshake with the proxy failed: the client must trust the proxy's certificate (Amazon roots) for the endpoint's name, and the proxy require TLS",
        };
    }
    if ((errno !== undefined && loginErrnos.has(errno)) || driverCode === "ER_ACCESS_DENIED_ERROR") {
        return { link: "login", code, retryable: true, explanation: loginExplanation[mode] };
    }
    if (errno !== undefined && grantErrnos.has(errno)) {
        return {
            link: "query",
            code,
            retryable: false,
            explanation: "the database refused the app user access to the schema or the statement: migrate grants it; check that migrate ran on this instance",
        };
    }
    if ((errno !== undefined && proxyErrnos.has(errno)) || endedCodes.has(driverCode)) {
        return {
            link: "proxy-to-database",
            code,
            retryable: true,
            explanation:
                "the proxy took the connection but had no database connection to give it: its target may still be registering or be unavailable " +
                "(aws rds describe-db-proxy-targets shows TargetHealth), or it cannot reach or log in to the instance (the proxy's security group to the database's, its credentials)",
        };
    }
    if (duringQuery) {
        return { link: "query", code, retryable: true, explanation: "the connection was made but SELECT 1 failed on the database" };
    }
    return { link: "unknown", code, retryable: true, explanation: "an error no link of the chain accounts for (see the message)" };
}
