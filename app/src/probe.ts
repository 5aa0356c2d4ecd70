import type { Context } from "aws-lambda";
import { loadProbeConfig, type ApiConfig } from "./config";
import { createDatabase, type DatabaseOverrides } from "./container";
import { diagnoseConnectionFailure } from "./db/linkDiagnosis";
import { ChainBrokenError, waitForDatabase, type DatabaseReady } from "./db/probes";
import { tcpReachable } from "./db/tcpReachable";
import { createLogger, Logger } from "./logger";

/** What a passing run returns; the deploy keeps it as the invocation's result (no credentials in it). */
export interface ProbeResult extends DatabaseReady {
    readonly ready: true;
    /** How the app user logged in, and where: the proxy endpoint. */
    readonly auth: ApiConfig["auth"]["mode"];
    readonly host: string;
}

/**
 * Kept free at the end of the function's time, so that the last attempt ends before Lambda's timeout, which would hide
 * which link failed. At worst an attempt opens a connection (5 s connect timeout, connectionOptions.ts), its statement
 * stalls (10 s, container.ts), the connection is replaced and the statement repeated once (another 15 s), and the TCP
 * check follows (3 s): 33 s.
 */
export const PROBE_MARGIN_MS = 40_000;

/** Replaceable edges, for tests. */
export interface ProbeOverrides extends DatabaseOverrides {
    readonly logger?: Logger;
    readonly sleep?: (ms: number) => Promise<void>;
    readonly now?: () => number;
}

export type ProbeHandler = (event: unknown, context: Pick<Context, "getRemainingTimeInMillis" | "awsRequestId">) => Promise<ProbeResult>;

/** The handler with its edges replaced (tests); two parameters, so the runtime never takes it for a callback handler. */
export function createProbeHandler(overrides: ProbeOverrides = {}): ProbeHandler {
    return (_event, context) => probe(context, overrides);
}

/**
 * The readiness probe: the deploy invokes it once the proxy and its target exist, and the API, the relay and the
 * projector wait for it. It logs in through the proxy as the app user, exactly as the API does (the same environment,
 * connection code, TLS settings and IAM token or secret), and retries `SELECT 1` until it answers or the time left
 * runs out. It throws a `ChainBrokenError` naming the failed link, which fails the deploy with that message.
 *
 * A new connection per invocation, closed at the end, unlike the API's container-wide one: each run must prove a
 * fresh login, and runs are minutes apart.
 */
export const handler: ProbeHandler = createProbeHandler();

async function probe(context: Pick<Context, "getRemainingTimeInMillis" | "awsRequestId">, overrides: ProbeOverrides): Promise<ProbeResult> {
    const now = overrides.now ?? Date.now;
    let config: ApiConfig;
    try {
        config = loadProbeConfig(process.env);
    } catch (error) {
        const failure = new ChainBrokenError(diagnoseConnectionFailure(error, "secret"), 0, 0, { cause: error });
        new Logger({ serviceName: "orders-readiness" }).error("Cannot start the readiness probe", { error: failure });
        throw failure;
    }
    const logger = overrides.logger ?? createLogger(config.logging);
    logger.addContext(context as Context);
    const { db } = createDatabase(config, { logger, overrides });
    try {
        const ready = await waitForDatabase(db, {
            mode: config.auth.mode,
            deadlineMs: now() + context.getRemainingTimeInMillis() - PROBE_MARGIN_MS,
            now,
            ...(overrides.sleep === undefined ? {} : { sleep: overrides.sleep }),
            endpointAcceptsTcp: () => tcpReachable(config.db.host, config.db.port, 3_000),
            onRetry: (attempt, diagnosis, delayMs) =>
                logger.info("Database not reachable through the proxy yet; retrying", { attempt, link: diagnosis.link, code: diagnosis.code, delayMs }),
        });
        logger.info("Database reachable through the proxy as the app user", { ...ready });
        return { ready: true, ...ready, auth: config.auth.mode, host: config.db.host };
    } catch (error) {
        logger.error("Readiness check failed", { error });
        throw error;
    } finally {
        await db.close();
    }
}
