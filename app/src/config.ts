import * as z from "zod/mini";
import { RELAY_TUNING_DEFAULTS, type RelayTuning } from "./outbox/tuning";
import { describeIssues } from "./validation";

/**
 * Every default of the app's environment, in one place.
 * Empty strings count as unset, so `DB_PORT=` in a shell behaves like no `DB_PORT` at all.
 */
export const environmentDefaults = {
    DB_PORT: "3306",
    DB_AUTH: "secret",
    DB_APP_AUTH: "secret",
    DB_TLS: "required",
    SECRET_TTL_SECONDS: "300",
    POWERTOOLS_SERVICE_NAME: "orders-api",
    POWERTOOLS_LOG_LEVEL: "INFO",
} as const;

export type TlsSetting = { readonly mode: "required"; readonly caFile?: string } | { readonly mode: "disabled" };

export interface DatabaseTarget {
    readonly host: string;
    readonly port: number;
    readonly database: string;
    readonly tls: TlsSetting;
}

export type DatabaseAuth =
    | { readonly mode: "secret"; readonly secretArn: string }
    /** `region` (AWS_REGION, which Lambda always sets) is what the API signs its tokens for. */
    | { readonly mode: "iam"; readonly user: string; readonly region?: string };

export type LogLevel = "DEBUG" | "INFO" | "WARN" | "ERROR" | "SILENT";

export interface LoggingConfig {
    readonly serviceName: string;
    readonly logLevel: LogLevel;
}

export interface ApiConfig {
    readonly db: DatabaseTarget;
    readonly auth: DatabaseAuth;
    readonly secretTtlSeconds: number;
    readonly logging: LoggingConfig;
    /** POWERTOOLS_METRICS_NAMESPACE: where the app's metrics go. Unset (local runs), no metrics are written. */
    readonly metricsNamespace?: string;
}

export interface MigrateConfig {
    readonly db: DatabaseTarget;
    readonly adminSecretArn: string;
    /** How the app user logs in: migrate sets its password from the secret, or creates it for IAM. */
    readonly appUser: DatabaseAuth;
    /** Overrides where the SQL files are looked for; unset in Lambda. */
    readonly migrationsDir?: string;
    readonly logging: LoggingConfig;
}

/** Thrown when the environment is invalid; the message names every offending variable. */
export class ConfigError extends Error {
    override readonly name = "ConfigError";
}

type Environment = Readonly<Record<string, string | undefined>>;

// Schemas are built on first use (z.lazy), not when the bundle loads: every cold start pays for what the
// bundle builds at import, and these are needed only once the first invocation reads its environment.
const text = () => z.string().check(z.trim(), z.minLength(1, "must not be empty"));
const integer = (min: number, max: number) =>
    z.pipe(
        z.string().check(z.regex(/^\d+$/, "must be a whole number")),
        z.pipe(z.transform(Number), z.number().check(z.gte(min), z.lte(max))),
    );
const logLevel = () =>
    z.pipe(
        z.string().check(z.toUpperCase()),
        z.enum(["DEBUG", "INFO", "WARN", "ERROR", "SILENT"]),
    );

const databaseVariables = () => ({
    DB_HOST: text(),
    DB_PORT: integer(1, 65535),
    DB_NAME: z.string().check(z.regex(/^[A-Za-z0-9_]{1,64}$/, "must be 1-64 letters, digits or underscores")),
    DB_TLS: z.enum(["required", "disabled"]),
    DB_TLS_CA_FILE: z.optional(text()),
    POWERTOOLS_SERVICE_NAME: text(),
    POWERTOOLS_LOG_LEVEL: logLevel(),
});

const apiSchema = z.lazy(() =>
    z.object({
        ...databaseVariables(),
        DB_AUTH: z.enum(["secret", "iam"]),
        DB_SECRET_ARN: z.optional(text()),
        DB_USER: z.optional(text()),
        SECRET_TTL_SECONDS: integer(0, 86_400),
        AWS_REGION: z.optional(text()),
        // CloudWatch namespaces: 1-255 characters, not starting with "AWS/" (reserved for AWS services).
        POWERTOOLS_METRICS_NAMESPACE: z.optional(
            z.string().check(z.regex(/^(?!AWS\/)[A-Za-z0-9.\-_/#: ]{1,255}$/, "must be 1-255 of A-Z a-z 0-9 . - _ / # : and spaces, not starting with AWS/")),
        ),
    }),
);

const migrateSchema = z.lazy(() =>
    z.object({
        ...databaseVariables(),
        DB_ADMIN_SECRET_ARN: text(),
        DB_APP_AUTH: z.enum(["secret", "iam"]),
        DB_APP_SECRET_ARN: z.optional(text()),
        DB_APP_USER: z.optional(text()),
        MIGRATIONS_DIR: z.optional(text()),
    }),
);

function withDefaults(env: Environment, defaults: Readonly<Record<string, string>> = {}): Record<string, string> {
    const merged: Record<string, string> = { ...environmentDefaults, ...defaults };
    for (const [key, value] of Object.entries(env)) {
        if (value !== undefined && value.trim() !== "") {
            merged[key] = value;
        }
    }
    return merged;
}

function parse<S extends z.ZodMiniType>(schema: S, env: Environment, what: string, defaults?: Readonly<Record<string, string>>): z.infer<S> {
    const result = schema.safeParse(withDefaults(env, defaults));
    if (!result.success) {
        throw new ConfigError(`Invalid ${what} environment: ${describeIssues(result.error, "environment")}`);
    }
    return result.data;
}

function databaseTarget(vars: z.infer<typeof apiSchema> | z.infer<typeof migrateSchema>): DatabaseTarget {
    return {
        host: vars.DB_HOST,
        port: vars.DB_PORT,
        database: vars.DB_NAME,
        tls: vars.DB_TLS === "required" ? { mode: "required", caFile: vars.DB_TLS_CA_FILE } : { mode: "disabled" },
    };
}

function logging(vars: z.infer<typeof apiSchema> | z.infer<typeof migrateSchema>): LoggingConfig {
    return { serviceName: vars.POWERTOOLS_SERVICE_NAME, logLevel: vars.POWERTOOLS_LOG_LEVEL };
}

/** Reads the API function's environment once; see docs/app.md "Environment" for each variable. */
export function loadApiConfig(env: Environment): ApiConfig {
    return loadFunctionConfig(env, "API");
}

/**
 * The environment the API, the relay and the projector share: how to reach the database through the proxy and log in
 * as the app user, logging and metrics. `what` names the function in error messages; `defaults` its own defaults.
 */
function loadFunctionConfig(env: Environment, what: string, defaults?: Readonly<Record<string, string>>): ApiConfig {
    const vars = parse(apiSchema, env, what, defaults);
    let auth: DatabaseAuth;
    if (vars.DB_AUTH === "secret") {
        if (vars.DB_SECRET_ARN === undefined) {
            throw new ConfigError(`Invalid ${what} environment: DB_SECRET_ARN is required when DB_AUTH is 'secret'`);
        }
        auth = { mode: "secret", secretArn: vars.DB_SECRET_ARN };
    } else {
        if (vars.DB_USER === undefined) {
            throw new ConfigError(`Invalid ${what} environment: DB_USER is required when DB_AUTH is 'iam'`);
        }
        // An IAM token is sent in clear text during the handshake, so it must never leave without TLS.
        if (vars.DB_TLS !== "required") {
            throw new ConfigError(`Invalid ${what} environment: DB_TLS must be 'required' when DB_AUTH is 'iam'`);
        }
        auth = { mode: "iam", user: vars.DB_USER, ...(vars.AWS_REGION === undefined ? {} : { region: vars.AWS_REGION }) };
    }
    return {
        db: databaseTarget(vars),
        auth,
        secretTtlSeconds: vars.SECRET_TTL_SECONDS,
        logging: logging(vars),
        ...(vars.POWERTOOLS_METRICS_NAMESPACE === undefined ? {} : { metricsNamespace: vars.POWERTOOLS_METRICS_NAMESPACE }),
    };
}

export interface RelayConfig extends ApiConfig {
    /** EVENT_BUS_NAME: the custom bus the relay publishes to. */
    readonly eventBusName: string;
    /** RELAY_POLL_MS, RELAY_MAX_IN_FLIGHT, RELAY_BATCH_SIZE (app/src/outbox/tuning.ts). */
    readonly tuning: RelayTuning;
}

export type ProjectorConfig = ApiConfig;

// Event bus names: 1-256 of A-Z a-z 0-9 . _ - / (https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_CreateEventBus.html).
const eventBusName = /^[/.\-_A-Za-z0-9]{1,256}$/;

// Bounds: polling faster than 50 ms buys nothing against EventBridge's own delivery latency, slower than 5 s misses
// the lag goal; more than 50 requests in flight outruns any Region's default PutEvents quota; rows are held in memory.
const relayTuningSchema = z.lazy(() =>
    z.object({
        RELAY_POLL_MS: integer(50, 5_000),
        RELAY_MAX_IN_FLIGHT: integer(1, 50),
        RELAY_BATCH_SIZE: integer(10, 5_000),
    }),
);
const relayTuningDefaults = {
    RELAY_POLL_MS: String(RELAY_TUNING_DEFAULTS.pollMs),
    RELAY_MAX_IN_FLIGHT: String(RELAY_TUNING_DEFAULTS.maxInFlight),
    RELAY_BATCH_SIZE: String(RELAY_TUNING_DEFAULTS.batchSize),
};

/** Reads the relay function's environment: the API's database settings, plus EVENT_BUS_NAME and the relay's tuning. */
export function loadRelayConfig(env: Environment): RelayConfig {
    const base = loadFunctionConfig(env, "relay", { POWERTOOLS_SERVICE_NAME: "orders-relay" });
    const tuning = parse(relayTuningSchema, env, "relay", relayTuningDefaults);
    const bus = env.EVENT_BUS_NAME?.trim() ?? "";
    if (!eventBusName.test(bus)) {
        throw new ConfigError(
            `Invalid relay environment: EVENT_BUS_NAME ${bus === "" ? "is required" : "must be 1-256 of A-Z a-z 0-9 . _ - /"} (the custom bus's name, set by the stack)`,
        );
    }
    return { ...base, eventBusName: bus, tuning: { pollMs: tuning.RELAY_POLL_MS, maxInFlight: tuning.RELAY_MAX_IN_FLIGHT, batchSize: tuning.RELAY_BATCH_SIZE } };
}

/** Reads the projector function's environment: the API's database settings. */
export function loadProjectorConfig(env: Environment): ProjectorConfig {
    return loadFunctionConfig(env, "projector", { POWERTOOLS_SERVICE_NAME: "orders-projector" });
}

/**
 * Reads the readiness probe's environment: exactly the API's database settings (it must log in the way the API does),
 * so a probe that passes proves the API's path.
 */
export function loadProbeConfig(env: Environment): ApiConfig {
    return loadFunctionConfig(env, "readiness probe", { POWERTOOLS_SERVICE_NAME: "orders-readiness" });
}

/** Reads the migrate function's environment once. */
export function loadMigrateConfig(env: Environment): MigrateConfig {
    const vars = parse(migrateSchema, env, "migrate");
    let appUser: DatabaseAuth;
    if (vars.DB_APP_AUTH === "secret") {
        if (vars.DB_APP_SECRET_ARN === undefined) {
            throw new ConfigError("Invalid migrate environment: DB_APP_SECRET_ARN is required when DB_APP_AUTH is 'secret'");
        }
        appUser = { mode: "secret", secretArn: vars.DB_APP_SECRET_ARN };
    } else {
        if (vars.DB_APP_USER === undefined) {
            throw new ConfigError("Invalid migrate environment: DB_APP_USER is required when DB_APP_AUTH is 'iam'");
        }
        appUser = { mode: "iam", user: vars.DB_APP_USER };
    }
    return {
        db: databaseTarget(vars),
        adminSecretArn: vars.DB_ADMIN_SECRET_ARN,
        appUser,
        migrationsDir: vars.MIGRATIONS_DIR,
        logging: { ...logging(vars), serviceName: env.POWERTOOLS_SERVICE_NAME?.trim() || "orders-migrate" },
    };
}
