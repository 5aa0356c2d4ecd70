import type { RowDataPacket } from "mysql2";
import type { Queryable } from "./connection";
import { causeChain, diagnoseConnectionFailure, type LinkDiagnosis, type LoginMode } from "./linkDiagnosis";

interface TimeRow extends RowDataPacket {
    now: string;
    offsetMinutes: number;
}

/**
 * The database's clock as ISO-8601 with the session's UTC offset (the tutorial's smoke check, `SELECT NOW(6)`).
 * The offset is read in the same statement instead of setting `time_zone`, because SET would pin the proxy session.
 */
export async function databaseTime(db: Queryable): Promise<string> {
    const [row] = await db.query<TimeRow[]>("SELECT NOW(6) AS now, TIMESTAMPDIFF(MINUTE, UTC_TIMESTAMP(), NOW()) AS offsetMinutes", [], {
        retryOnFatal: true,
    });
    if (row === undefined) {
        throw new Error("SELECT NOW(6) returned no row");
    }
    return `${String(row.now).replace(" ", "T")}${offset(Number(row.offsetMinutes))}`;
}

function offset(minutes: number): string {
    if (minutes === 0) {
        return "Z";
    }
    const sign = minutes < 0 ? "-" : "+";
    const abs = Math.abs(minutes);
    return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** Resolves when the database answers a trivial statement. */
export async function pingDatabase(db: Queryable): Promise<void> {
    await db.query("SELECT 1", [], { retryOnFatal: true });
}

/** The probe gave up: the error names the link of the chain that failed (`link`) and what to check. */
export class ChainBrokenError extends Error {
    override readonly name = "ChainBrokenError";
    constructor(
        readonly diagnosis: LinkDiagnosis,
        readonly attempts: number,
        readonly elapsedMs: number,
        options: { cause: unknown },
    ) {
        super(chainBrokenMessage(diagnosis, attempts, elapsedMs, options.cause), options);
    }
}

function chainBrokenMessage(diagnosis: LinkDiagnosis, attempts: number, elapsedMs: number, cause: unknown): string {
    const seconds = Math.round(elapsedMs / 1000);
    const tried = diagnosis.retryable ? `still failing after ${attempts} attempts over ${seconds} s` : `not retried: waiting cannot mend it`;
    // The innermost message says what the driver saw; mysql2's and the SDK's messages hold no password or token.
    const innermost = causeChain(cause).at(-1);
    const detail = innermost instanceof Error ? innermost.message : String(innermost);
    return `Readiness check failed at link "${diagnosis.link}"${diagnosis.code === undefined ? "" : ` (${diagnosis.code})`}, ${tried}: ${diagnosis.explanation}. Last error: ${detail}`;
}

export interface WaitForDatabaseOptions {
    /** How the app user logs in: it decides what a refused login points at. */
    readonly mode: LoginMode;
    /** No attempt starts after this time (ms since the epoch, as `now` counts); the caller keeps a margin below its own timeout. */
    readonly deadlineMs: number;
    /** First pause between attempts, doubled after each failure up to `maxDelayMs`. */
    readonly firstDelayMs?: number;
    readonly maxDelayMs?: number;
    readonly now?: () => number;
    readonly sleep?: (ms: number) => Promise<void>;
    /**
     * Whether the endpoint takes a plain TCP connection: asked after a connect timeout, to tell a network that drops the
     * connection from a proxy that accepts it and then stalls the login (`tcpReachable`).
     */
    readonly endpointAcceptsTcp?: () => Promise<boolean>;
    /** Called after each failed attempt that will be retried (the probe logs it). */
    readonly onRetry?: (attempt: number, diagnosis: LinkDiagnosis, delayMs: number) => void;
}

export interface DatabaseReady {
    readonly attempts: number;
    readonly elapsedMs: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `SELECT 1` until it succeeds, pausing between attempts (doubling, capped), and gives up with a `ChainBrokenError`
 * when the deadline would pass or the failure is one that waiting cannot mend (a certificate, the configuration).
 * Hand-written rather than a retry library: the stop condition is the caller's deadline and each failure's diagnosis,
 * which is all there is to it.
 */
export async function waitForDatabase(db: Queryable, options: WaitForDatabaseOptions): Promise<DatabaseReady> {
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? defaultSleep;
    const firstDelayMs = options.firstDelayMs ?? 1_000;
    const maxDelayMs = options.maxDelayMs ?? 15_000;
    const started = now();
    for (let attempt = 1; ; attempt++) {
        try {
            await pingDatabase(db);
            return { attempts: attempt, elapsedMs: now() - started };
        } catch (error) {
            let diagnosis = diagnoseConnectionFailure(error, options.mode);
            if (diagnosis.code === "ETIMEDOUT" && options.endpointAcceptsTcp !== undefined) {
                diagnosis = diagnoseConnectionFailure(error, options.mode, { endpointAcceptsTcp: await options.endpointAcceptsTcp() });
            }
            const delayMs = Math.min(maxDelayMs, firstDelayMs * 2 ** (attempt - 1));
            if (!diagnosis.retryable || now() + delayMs >= options.deadlineMs) {
                throw new ChainBrokenError(diagnosis, attempt, now() - started, { cause: error });
            }
            options.onRetry?.(attempt, diagnosis, delayMs);
            await sleep(delayMs);
        }
    }
}
