import type { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { createConnection } from "mysql2/promise";
import type { ApiConfig } from "./config";
import { Database, type Connector } from "./db/connection";
import { baseConnectionOptions } from "./db/connectionOptions";
import { IamCredentialSource, SecretCredentialSource, type AuthTokenSigner, type CredentialSource } from "./db/credentials";
import { IamAuthTokenSigner } from "./db/iamAuthToken";
import { createApi, type ApiHandler } from "./http/api";
import { createLogger, type Logger } from "./logger";
import { EmfMetrics, noMetrics, type AppMetrics, type DatabaseMetrics } from "./metrics";
import { EventStore } from "./orders/eventStore";
import { OrderService } from "./orders/service";
import { SnapshotStore } from "./orders/snapshots";
import { SummaryStore } from "./readModel/summaryStore";
import { parseCredentialsSecret, type DatabaseCredentials } from "./secrets/credentialsSecret";
import { SecretCache } from "./secrets/secretCache";
import { loadSecretsManagerClient } from "./secrets/secretsManagerClient";

/** Replaceable edges, for tests and the benchmark. */
export interface ApiOverrides {
    readonly secretsClient?: SecretsManagerClient;
    readonly signer?: AuthTokenSigner;
    readonly connect?: Connector;
    readonly logger?: Logger;
    /** Tests capture the EMF output of a real `EmfMetrics`, or pass their own. */
    readonly metrics?: AppMetrics;
}

/** Everything one API container holds between invocations. */
export interface ApiContainer {
    readonly handle: ApiHandler;
    readonly db: Database;
    readonly logger: Logger;
    /** Counted during an invocation; `handle` writes them when it returns. */
    readonly metrics: AppMetrics;
    /** Present in `secret` auth mode. */
    readonly secretCache?: SecretCache<DatabaseCredentials>;
}

/** The replaceable edges of a function's database connection. */
export type DatabaseOverrides = Pick<ApiOverrides, "secretsClient" | "signer" | "connect">;

/**
 * The database connection of one function container, as the API, the relay and the projector all make it: through
 * the proxy, as the app user, with a cached secret (`secret` mode) or a fresh IAM token per connection (`iam` mode).
 */
export function createDatabase(
    config: Pick<ApiConfig, "db" | "auth" | "secretTtlSeconds">,
    deps: { readonly logger: Logger; readonly metrics?: DatabaseMetrics; readonly overrides?: DatabaseOverrides },
): { db: Database; secretCache?: SecretCache<DatabaseCredentials> } {
    const overrides = deps.overrides ?? {};
    let credentials: CredentialSource;
    let secretCache: SecretCache<DatabaseCredentials> | undefined;
    const connection = baseConnectionOptions(config.db);
    if (config.auth.mode === "secret") {
        secretCache = new SecretCache({
            client: overrides.secretsClient ?? loadSecretsManagerClient(),
            secretId: config.auth.secretArn,
            ttlSeconds: config.secretTtlSeconds,
            parse: parseCredentialsSecret,
        });
        credentials = new SecretCredentialSource(secretCache);
    } else {
        const { host, port } = config.db;
        const { user: username, region } = config.auth;
        const signer = overrides.signer ?? new IamAuthTokenSigner({ hostname: host, port, username, region });
        credentials = new IamCredentialSource(signer, username);
        // mysql2 3.22+ refuses to send a password in clear unless asked; the token is only ever sent over TLS
        // (config validation requires DB_TLS=required in this mode).
        connection.enableCleartextPlugin = true;
    }
    const db = new Database({
        connection,
        credentials,
        connect: overrides.connect ?? createConnection,
        logger: deps.logger,
        ...(deps.metrics === undefined ? {} : { metrics: deps.metrics }),
        queryTimeoutMs: 10_000,
    });
    return secretCache === undefined ? { db } : { db, secretCache };
}

/** Wires the API from its config; called once per container, so every client here lives as long as the container. */
export function createApiContainer(config: ApiConfig, overrides: ApiOverrides = {}): ApiContainer {
    const logger = overrides.logger ?? createLogger(config.logging);
    // One Metrics instance per container, like the logger; without a namespace (local runs) nothing is written.
    const metrics =
        overrides.metrics ??
        (config.metricsNamespace === undefined ? noMetrics : new EmfMetrics({ namespace: config.metricsNamespace, serviceName: config.logging.serviceName, logger }));
    const { db, secretCache } = createDatabase(config, { logger, metrics, overrides });
    const events = new EventStore(db);
    const orders = new OrderService(events, { snapshots: new SnapshotStore(db, events, logger), metrics });
    const api = createApi({ orders, summaries: new SummaryStore(db), db, logger });
    // Metrics are written once per invocation, after the response is decided, and never fail a request.
    const handle: ApiHandler = async (event, context) => {
        try {
            return await api(event, context);
        } finally {
            try {
                metrics.flush();
            } catch (error) {
                logger.warn("Could not write the invocation's metrics", { error });
            }
        }
    };
    return { handle, db, logger, metrics, secretCache };
}
