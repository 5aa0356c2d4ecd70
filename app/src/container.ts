import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { createConnection } from "mysql2/promise";
import type { ApiConfig } from "./config";
import { Database, type Connector } from "./db/connection";
import { baseConnectionOptions } from "./db/connectionOptions";
import { IamCredentialSource, SecretCredentialSource, type AuthTokenSigner, type CredentialSource } from "./db/credentials";
import { createApi, type ApiHandler } from "./http/api";
import { createLogger, type Logger } from "./logger";
import { EventStore } from "./orders/eventStore";
import { OrderService } from "./orders/service";
import { parseCredentialsSecret, type DatabaseCredentials } from "./secrets/credentialsSecret";
import { SecretCache } from "./secrets/secretCache";

/** Replaceable edges, for tests and the benchmark. */
export interface ApiOverrides {
    readonly secretsClient?: SecretsManagerClient;
    readonly signer?: AuthTokenSigner;
    readonly connect?: Connector;
    readonly logger?: Logger;
}

/** Everything one API container holds between invocations. */
export interface ApiContainer {
    readonly handle: ApiHandler;
    readonly db: Database;
    readonly logger: Logger;
    /** Present in `secret` auth mode. */
    readonly secretCache?: SecretCache<DatabaseCredentials>;
}

/** Wires the API from its config; called once per container, so every client here lives as long as the container. */
export function createApiContainer(config: ApiConfig, overrides: ApiOverrides = {}): ApiContainer {
    const logger = overrides.logger ?? createLogger(config.logging);
    let credentials: CredentialSource;
    let secretCache: SecretCache<DatabaseCredentials> | undefined;
    const connection = baseConnectionOptions(config.db);
    if (config.auth.mode === "secret") {
        secretCache = new SecretCache({
            client: overrides.secretsClient ?? new SecretsManagerClient({}),
            secretId: config.auth.secretArn,
            ttlSeconds: config.secretTtlSeconds,
            parse: parseCredentialsSecret,
        });
        credentials = new SecretCredentialSource(secretCache);
    } else {
        const { host, port } = config.db;
        const username = config.auth.user;
        const signer = overrides.signer;
        // Loaded on demand: the signer and its credential providers add ~40 ms to every cold start otherwise.
        const createSigner = async () =>
            signer ?? new (await import("@aws-sdk/rds-signer")).Signer({ hostname: host, port, username });
        credentials = new IamCredentialSource(createSigner, username);
        // mysql2 3.22+ refuses to send a password in clear unless asked; the token is only ever sent over TLS
        // (config validation requires DB_TLS=required in this mode).
        connection.enableCleartextPlugin = true;
    }
    const db = new Database({
        connection,
        credentials,
        connect: overrides.connect ?? createConnection,
        logger,
        queryTimeoutMs: 10_000,
    });
    const orders = new OrderService(new EventStore(db));
    return { handle: createApi({ orders, db, logger }), db, logger, secretCache };
}
