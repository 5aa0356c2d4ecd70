import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import type { AlarmThresholds } from "../lib/alarms";
import { SUPPORTED_MYSQL_MAJORS, mysqlMajor, supportsPerformanceInsights } from "../lib/engine";
import { LOG_RETENTION_DAYS, isValidLogRetention } from "../lib/retention";
import { validateNamePrefix } from "../lib/naming";
import { closest } from "./closest";
import { namespaceProblems } from "./namespaces";
import { MAX_AZS, MAX_VPC_PREFIX, MIN_VPC_PREFIX, SUBNET_SLOTS, validateVpcCidr } from "../lib/subnetLayout";

/** AWS allows 50 tags per resource; the blueprint always adds three of its own. */
const MAX_USER_TAGS = 47;
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/**
 * HTTP API JWT authorizer limits. Audiences per authorizer: 50, not adjustable (HTTP API quotas,
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html). The issuer is a
 * 1-2048 character URI (JWTConfiguration.Issuer) that API Gateway compares with the token's iss exactly, and
 * it must be https, as OIDC requires of an issuer
 * (https://openid.net/specs/openid-connect-core-1_0.html#IssuerIdentifier; awsdocs/amazon-api-gateway-developer-guide#79).
 */
const JWT_MAX_AUDIENCES = 50;
const JWT_ISSUER_MAX_LENGTH = 2048;

/**
 * An address SNS can deliver to: one @, a dot in the domain, no spaces or quotes; at most 254 characters, the
 * longest address SMTP carries (RFC 5321's 256-character path less its angle brackets). Deliberately not the
 * full RFC 5322 grammar: quoted local parts and IP-literal domains are legal there and useless for paging.
 */
const EMAIL_MAX_LENGTH = 254;
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** Storage autoscaling acts once free space is at most 10% of the allocated storage (RDS User Guide, USER_PIOPS.Autoscaling). */
const AUTOSCALING_FREE_STORAGE_SHARE = 0.1;

/**
 * Every stack setting the blueprint reads, with its default and what it accepts. This table is the
 * single place defaults live; the README's configuration reference mirrors it (a test checks that).
 */
export const CONFIG_KEYS = {
    availabilityZones: { type: "number", default: 2, accepts: `2 to ${MAX_AZS} (RDS subnet groups and RDS Proxy need two AZs); may grow after the first deploy, never shrink` },
    vpcCidr: { type: "string", default: "10.0.0.0/16", accepts: `an IPv4 network address from /${MIN_VPC_PREFIX} to /${MAX_VPC_PREFIX} (cut into ${SUBNET_SLOTS} equal blocks; AZ n takes block n); cannot change after the first deploy` },
    flowLogs: { type: "boolean", default: false, accepts: "true or false" },
    events: { type: "boolean", default: true, accepts: "true (relay the event store to an EventBridge bus and keep the read model behind GET /orders) or false (none of it: no bus, relay, projector or EventBridge endpoint)" },
    logRetentionDays: { type: "number", default: 7, accepts: `one of ${LOG_RETENTION_DAYS.join(", ")}` },
    dbEngineVersion: { type: "string", default: "8.4", accepts: `MySQL ${SUPPORTED_MYSQL_MAJORS.join(" or ")}, optionally pinned to a minor version (8.4.6), which turns RDS's automatic minor upgrades off` },
    dbInstanceClass: { type: "string", default: "db.t4g.micro", accepts: "an RDS instance class such as db.t4g.micro or db.m7g.large" },
    dbAllocatedStorageGb: { type: "number", default: 20, accepts: "20 to 65536" },
    dbMaxAllocatedStorageGb: { type: "number", default: 100, accepts: "at least 10% above dbAllocatedStorageGb, at most 65536 (storage autoscaling ceiling)" },
    dbName: { type: "string", default: "orders", accepts: "a letter followed by up to 63 letters, digits or underscores" },
    dbMultiAz: { type: "boolean", default: false, accepts: "true or false" },
    dbBackupRetentionDays: { type: "number", default: 1, accepts: "1 to 35" },
    dbDeletionProtection: { type: "boolean", default: false, accepts: "true or false" },
    dbFinalSnapshot: { type: "boolean", default: false, accepts: "true or false" },
    dbApplyImmediately: { type: "boolean", default: false, accepts: "true (apply instance changes now) or false (wait for the maintenance window)" },
    dbPerformanceInsights: { type: "boolean", default: false, accepts: "true or false (not on micro or small classes)" },
    dbLogExports: { type: "list", default: ["error", "slowquery"], accepts: 'a JSON list drawn from "error", "general", "slowquery"' },
    dbAuth: { type: "string", default: "iam", accepts: '"iam" (end-to-end IAM through RDS Proxy: the app user has no password) or "secret" (a generated password in Secrets Manager, read by the proxy and the API)' },
    appDbUser: { type: "string", default: "app", accepts: "a lower-case letter followed by up to 31 lower-case letters, digits or underscores; not the master user" },
    proxyIdleClientTimeoutSeconds: { type: "number", default: 1800, accepts: "1 to 28800" },
    proxyMaxConnectionsPercent: { type: "number", default: 90, accepts: "1 to 100" },
    proxyMaxIdleConnectionsPercent: { type: "number", default: 50, accepts: "0 to proxyMaxConnectionsPercent" },
    proxyConnectionBorrowTimeoutSeconds: { type: "number", default: 120, accepts: "0 to 300" },
    lambdaMemoryMb: { type: "number", default: 512, accepts: "128 to 10240" },
    lambdaTimeoutSeconds: { type: "number", default: 10, accepts: "1 to 29 (API Gateway gives up after 30 s)" },
    secretTtlSeconds: { type: "number", default: 300, accepts: "0 to 86400" },
    apiThrottleRateLimit: { type: "number", default: 50, accepts: "requests per second, greater than 0" },
    apiThrottleBurstLimit: { type: "number", default: 100, accepts: "a whole number greater than 0" },
    apiAuth: { type: "string", default: "iam", accepts: '"iam" (callers sign requests with SigV4), "jwt" (a JWT authorizer; set jwtIssuer and jwtAudience) or "none" (anonymous; the policy pack warns in dev and refuses it in prod)' },
    jwtIssuer: { type: "string", default: "", accepts: `the https:// URL your identity provider puts in the tokens' iss claim, exactly (at most ${JWT_ISSUER_MAX_LENGTH} characters, no query or fragment); set only with apiAuth jwt` },
    jwtAudience: { type: "list", default: [], accepts: `a JSON list of 1 to ${JWT_MAX_AUDIENCES} audiences (e.g. app client ids), one of which a token's aud (or client_id, without aud) must match; set only with apiAuth jwt` },
    logLevel: { type: "string", default: "INFO", accepts: '"DEBUG", "INFO", "WARN" or "ERROR"' },
    alarmEmail: { type: "string", default: "", accepts: `an email address (at most ${EMAIL_MAX_LENGTH} characters) that alarm notifications go to once its owner confirms the subscription; empty: no subscription` },
    alarmApi5xxPercent: { type: "number", default: 5, accepts: "a share of API requests answered 5xx, in percent, greater than 0 and at most 100" },
    alarmApiLatencyP90Ms: { type: "number", default: 2500, accepts: "milliseconds, 1 to 30000 (API Gateway gives up after 30 s)" },
    alarmLambdaErrors: { type: "number", default: 0, accepts: "API and projector function errors a minute tolerated, a whole number from 0 (migrate and the relay tolerate none)" },
    alarmLambdaThrottles: { type: "number", default: 0, accepts: "API function throttles a minute tolerated, a whole number from 0 (migrate tolerates none)" },
    alarmLambdaDurationPercent: { type: "number", default: 80, accepts: "a share of each function's timeout, in percent, 1 to 99" },
    alarmDbCpuPercent: { type: "number", default: 90, accepts: "percent, 1 to 99" },
    alarmDbFreeableMemoryMb: { type: "number", default: 256, accepts: "MiB, a whole number from 1 (about a quarter of the instance class's memory)" },
    alarmDbFreeStorageGb: { type: "number", default: 1, accepts: "GiB, greater than 0 and below 10% of dbAllocatedStorageGb (where storage autoscaling acts)" },
    alarmDbConnections: { type: "number", default: 60, accepts: "connections, a whole number from 1 (about 90% of the instance's max_connections)" },
    alarmProxyPinnedConnections: { type: "number", default: 0, accepts: "pinned connections tolerated, a whole number from 0" },
    alarmProxyFailedAuth: { type: "number", default: 0, accepts: "failed client logins in 5 minutes tolerated, a whole number from 0" },
    alarmProxyBorrowLatencyMs: { type: "number", default: 100, accepts: "milliseconds, greater than 0 and at most 300000 (proxyConnectionBorrowTimeoutSeconds' ceiling)" },
    alarmProxyConnectionsPercent: { type: "number", default: 90, accepts: "a share of the connections the proxy may open, in percent, 1 to 100" },
    tags: { type: "map", default: {}, accepts: `at most ${MAX_USER_TAGS} tags; names up to 128 and values up to 256 of letters, digits, spaces and _ . : / = + - @; neither starting with aws: or rds:` },
} as const;

export type ConfigKey = keyof typeof CONFIG_KEYS;

const MASTER_USERNAME = "dbadmin";

/** Why a JWT issuer is unusable, or undefined when it is a URL API Gateway can fetch the OIDC discovery document from. */
function jwtIssuerProblem(issuer: string): string | undefined {
    if (issuer.length > JWT_ISSUER_MAX_LENGTH) {
        return `is longer than ${JWT_ISSUER_MAX_LENGTH} characters`;
    }
    let url: URL;
    try {
        url = new URL(issuer);
    } catch {
        return "is not a URL; expected e.g. https://cognito-idp.<region>.amazonaws.com/<user pool id>";
    }
    if (url.protocol !== "https:") {
        return `must use https (got ${url.protocol.replace(/:$/, "")}): API Gateway fetches the issuer's signing keys over TLS only`;
    }
    if (url.search !== "" || issuer.includes("#") || issuer.includes("?") || url.username !== "" || url.password !== "") {
        return "must not carry a query, a fragment or credentials (an OIDC issuer is scheme, host, port and path only)";
    }
    return undefined;
}

const positiveInt = (min: number, max: number) => z.int().min(min).max(max);
const bool = z.boolean();

const schema = z
    .strictObject({
        availabilityZones: positiveInt(2, MAX_AZS),
        vpcCidr: z.string().superRefine((value, ctx) => {
            try {
                validateVpcCidr(value);
            } catch (err) {
                ctx.addIssue({ code: "custom", message: (err as Error).message });
            }
        }),
        flowLogs: bool,
        events: bool,
        logRetentionDays: z.int().refine(isValidLogRetention, "is not a retention CloudWatch Logs accepts"),
        dbEngineVersion: z.string().refine((v) => mysqlMajor(v) !== undefined, "is not a MySQL version RDS Proxy supports"),
        dbInstanceClass: z.string().regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/, "is not an RDS instance class"),
        dbAllocatedStorageGb: positiveInt(20, 65536),
        dbMaxAllocatedStorageGb: positiveInt(20, 65536),
        dbName: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, "is not a valid MySQL database name"),
        dbMultiAz: bool,
        dbBackupRetentionDays: positiveInt(1, 35),
        dbDeletionProtection: bool,
        dbFinalSnapshot: bool,
        dbApplyImmediately: bool,
        dbPerformanceInsights: bool,
        dbLogExports: z.array(z.enum(["error", "general", "slowquery"])),
        dbAuth: z.enum(["secret", "iam"]),
        appDbUser: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, "is not a valid MySQL user name"),
        proxyIdleClientTimeoutSeconds: positiveInt(1, 28800),
        proxyMaxConnectionsPercent: positiveInt(1, 100),
        proxyMaxIdleConnectionsPercent: positiveInt(0, 100),
        // RDS API reference, ConnectionPoolConfiguration: "Must be between 0 and 300".
        proxyConnectionBorrowTimeoutSeconds: positiveInt(0, 300),
        lambdaMemoryMb: positiveInt(128, 10240),
        lambdaTimeoutSeconds: positiveInt(1, 29),
        secretTtlSeconds: positiveInt(0, 86400),
        apiThrottleRateLimit: z.number().positive(),
        apiThrottleBurstLimit: positiveInt(1, 1_000_000),
        logLevel: z.enum(["DEBUG", "INFO", "WARN", "ERROR"]),
        apiAuth: z.enum(["iam", "jwt", "none"]),
        alarmEmail: z.string().refine((v) => v === "" || (v.length <= EMAIL_MAX_LENGTH && EMAIL.test(v)), "is not an email address SNS can deliver to"),
        alarmApi5xxPercent: z.number().gt(0).max(100),
        alarmApiLatencyP90Ms: z.number().min(1).max(30_000),
        alarmLambdaErrors: z.int().min(0),
        alarmLambdaThrottles: z.int().min(0),
        alarmLambdaDurationPercent: z.number().min(1).max(99),
        alarmDbCpuPercent: z.number().min(1).max(99),
        alarmDbFreeableMemoryMb: z.int().min(1),
        alarmDbFreeStorageGb: z.number().gt(0),
        alarmDbConnections: z.int().min(1),
        alarmProxyPinnedConnections: z.int().min(0),
        alarmProxyFailedAuth: z.int().min(0),
        alarmProxyBorrowLatencyMs: z.number().gt(0).max(300_000),
        alarmProxyConnectionsPercent: z.number().min(1).max(100),
        jwtIssuer: z.string(),
        jwtAudience: z.array(z.string().trim().min(1, "must not hold an empty audience")),
        // AWS's tag character set; RDS, the strictest service here, refuses anything else.
        tags: z.record(z.string().min(1).max(128).regex(TAG_TEXT, "has a tag name with a character AWS refuses"), z.string().max(256).regex(TAG_TEXT, "has a tag value with a character AWS refuses")),
    })
    .superRefine((c, ctx) => {
        if (c.dbPerformanceInsights && !supportsPerformanceInsights(c.dbInstanceClass)) {
            ctx.addIssue({
                code: "custom",
                path: ["dbPerformanceInsights"],
                message: `is not available on ${c.dbInstanceClass}; turn it off or choose a larger class (db.t4g.medium or up)`,
            });
        }
        // Storage autoscaling refuses a ceiling less than 10% above the allocated size ("Invalid max storage size").
        if (c.dbMaxAllocatedStorageGb < Math.ceil((c.dbAllocatedStorageGb * 11) / 10)) {
            ctx.addIssue({ code: "custom", path: ["dbMaxAllocatedStorageGb"], message: `must be at least 10% above dbAllocatedStorageGb (${Math.ceil((c.dbAllocatedStorageGb * 11) / 10)} or more), which RDS storage autoscaling requires` });
        }
        if (c.appDbUser === MASTER_USERNAME) {
            ctx.addIssue({ code: "custom", path: ["appDbUser"], message: `must differ from the master user "${MASTER_USERNAME}"` });
        }
        // AWS reserves the aws: prefix in any case; a tag using it fails the first resource it lands on.
        // RDS also reserves rds: on its resources, for names and values, and every tag reaches the instance
        // through defaultTags.
        const reserved = Object.entries(c.tags).flatMap(([k, v]) => [k, v]).filter((text) => /^(aws|rds):/i.test(text));
        if (reserved.length > 0) {
            ctx.addIssue({ code: "custom", path: ["tags"], message: `uses a reserved prefix (aws: or rds:) in ${reserved.map((k) => `"${k}"`).join(", ")}` });
        }
        if (Object.keys(c.tags).length > MAX_USER_TAGS) {
            ctx.addIssue({
                code: "custom",
                path: ["tags"],
                message: `has ${Object.keys(c.tags).length} tags: AWS allows 50 per resource and the blueprint adds project, stack and managed-by, so at most ${MAX_USER_TAGS}`,
            });
        }
        if (c.apiAuth === "jwt") {
            const issuerProblem = c.jwtIssuer === "" ? "is required when apiAuth is jwt" : jwtIssuerProblem(c.jwtIssuer);
            if (issuerProblem !== undefined) {
                ctx.addIssue({ code: "custom", path: ["jwtIssuer"], message: issuerProblem });
            }
            if (c.jwtAudience.length === 0) {
                ctx.addIssue({ code: "custom", path: ["jwtAudience"], message: "is required when apiAuth is jwt: list the audiences your tokens carry" });
            } else if (c.jwtAudience.length > JWT_MAX_AUDIENCES) {
                ctx.addIssue({ code: "custom", path: ["jwtAudience"], message: `holds ${c.jwtAudience.length} audiences; API Gateway allows ${JWT_MAX_AUDIENCES}` });
            }
        } else {
            // Set but unread, they would describe another kind of auth than the one deployed.
            for (const key of ["jwtIssuer", "jwtAudience"] as const) {
                if (c[key].length > 0) {
                    ctx.addIssue({ code: "custom", path: [key], message: `is only read when apiAuth is jwt (apiAuth is ${c.apiAuth}); remove it or set apiAuth to jwt` });
                }
            }
        }
        // At or above autoscaling's trigger the alarm would fire every time the volume is about to grow.
        const autoscalingFreeGb = c.dbAllocatedStorageGb * AUTOSCALING_FREE_STORAGE_SHARE;
        if (c.alarmDbFreeStorageGb >= autoscalingFreeGb) {
            ctx.addIssue({
                code: "custom",
                path: ["alarmDbFreeStorageGb"],
                message: `must be below ${autoscalingFreeGb} GiB (10% of dbAllocatedStorageGb), where storage autoscaling grows the volume; the alarm is for when it cannot`,
            });
        }
        if (c.proxyMaxIdleConnectionsPercent > c.proxyMaxConnectionsPercent) {
            ctx.addIssue({ code: "custom", path: ["proxyMaxIdleConnectionsPercent"], message: "must not exceed proxyMaxConnectionsPercent" });
        }
    });

type Settings = z.infer<typeof schema>;

/** The application log level; Lambda's own log filter and Powertools are both set from it. */
export type LogLevel = Settings["logLevel"];

export interface DatabaseSettings {
    readonly engineVersion: string;
    readonly instanceClass: string;
    readonly allocatedStorageGb: number;
    readonly maxAllocatedStorageGb: number;
    readonly dbName: string;
    readonly multiAz: boolean;
    readonly backupRetentionDays: number;
    readonly deletionProtection: boolean;
    readonly finalSnapshot: boolean;
    /** Apply instance changes (class, storage, parameters) now rather than in the maintenance window. */
    readonly applyImmediately: boolean;
    readonly performanceInsights: boolean;
    readonly logExports: readonly string[];
}

export interface ProxySettings {
    readonly idleClientTimeoutSeconds: number;
    readonly maxConnectionsPercent: number;
    readonly maxIdleConnectionsPercent: number;
    readonly connectionBorrowTimeoutSeconds: number;
}

/** How callers of the HTTP API authenticate (`apiAuth`, and for `jwt` the issuer and audiences). */
export type ApiAuthSettings =
    | { readonly mode: "iam" }
    | { readonly mode: "jwt"; readonly issuer: string; readonly audience: readonly string[] }
    | { readonly mode: "none" };

/** The stack configuration, validated and grouped by the component that consumes it. */
export interface BlueprintConfig {
    readonly project: string;
    readonly stack: string;
    readonly region: string;
    /** Prefix of every resource name: `<project>-<stack>`. */
    readonly name: string;
    readonly tags: Readonly<Record<string, string>>;
    readonly logRetentionDays: number;
    readonly logLevel: Settings["logLevel"];
    readonly network: { readonly availabilityZones: number; readonly cidrBlock: string; readonly flowLogs: boolean };
    readonly database: DatabaseSettings;
    readonly auth: { readonly mode: Settings["dbAuth"]; readonly appDbUser: string; readonly secretTtlSeconds: number };
    readonly proxy: ProxySettings;
    readonly lambda: { readonly memoryMb: number; readonly timeoutSeconds: number };
    readonly api: { readonly throttleRateLimit: number; readonly throttleBurstLimit: number; readonly auth: ApiAuthSettings };
    readonly observability: ObservabilitySettings;
    /** `events`: the outbox relay to EventBridge, the projector and the read model. */
    readonly events: boolean;
}

/** Alarms and their notifications (`alarm*`). */
export interface ObservabilitySettings {
    /** Undefined: the alarms notify the topic, which nobody is subscribed to. */
    readonly alarmEmail?: string;
    readonly thresholds: AlarmThresholds;
}

/**
 * Raised when the stack configuration is invalid; the message names each key and how to fix it.
 * A RunError, so `pulumi up` prints the message without a stack trace.
 */
export class ConfigError extends pulumi.RunError {
    override readonly name = "ConfigError";
    constructor(
        message: string,
        readonly problems: readonly string[],
    ) {
        super(message);
    }
}

export interface ConfigSource {
    /** Pulumi.yaml's `name`: the namespace of the blueprint's settings. */
    readonly project: string;
    readonly stack: string;
    /**
     * Every key of the stack's config with its namespace (`aws:region`, `<project>:dbMultiAz`), values as the
     * Pulumi CLI hands them to the program: strings, with YAML numbers, booleans, lists and maps JSON-encoded.
     */
    readonly config: Readonly<Record<string, string>>;
}

/** Validates raw stack settings. Pure: the Pulumi runtime is only touched by {@link loadConfig}. */
export function parseConfig(source: ConfigSource): BlueprintConfig {
    const { project, stack } = source;
    const region = source.config["aws:region"];
    const prefix = `${project}:`;
    const values = Object.fromEntries(
        Object.entries(source.config)
            .filter(([key]) => key.startsWith(prefix))
            .map(([key, value]) => [key.slice(prefix.length), value]),
    );
    const problems: string[] = namespaceProblems({ project, stack, keys: Object.keys(source.config), settings: Object.keys(CONFIG_KEYS) });
    const fix = (key: string) => `pulumi config set ${key} <value> --stack ${stack}`;

    if (!region) {
        problems.push(`aws:region is not set. Fix: pulumi config set aws:region <region, e.g. eu-west-1> --stack ${stack}`);
    }
    // Every physical name starts with `<project>-<stack>`: refuse one that AWS would refuse in any of them.
    problems.push(...validateNamePrefix(project, stack));

    const settings: Record<string, unknown> = {};
    const undecodable = new Set<string>();
    for (const [key, raw] of Object.entries(values)) {
        const spec = (CONFIG_KEYS as Record<string, { type: string; accepts: string }>)[key];
        if (!spec) {
            const hint = closest(key, Object.keys(CONFIG_KEYS));
            problems.push(
                `${project}:${key} is not a setting of this blueprint${hint ? ` (did you mean ${project}:${hint}?)` : ""}. ` +
                    `Fix: pulumi config rm ${project}:${key} --stack ${stack}`,
            );
            continue;
        }
        const parsed = decode(raw, spec.type);
        if (parsed === undefined) {
            problems.push(`${project}:${key} must be ${spec.accepts} (got ${JSON.stringify(raw)}). Fix: ${fix(`${project}:${key}`)}`);
            undecodable.add(key);
            continue;
        }
        settings[key] = parsed;
    }
    for (const [key, spec] of Object.entries(CONFIG_KEYS)) {
        if (!(key in settings) && !(key in values)) {
            settings[key] = spec.default;
        }
    }

    const result = schema.safeParse(settings);
    if (!result.success) {
        for (const issue of result.error.issues) {
            const key = String(issue.path[0] ?? "");
            if (undecodable.has(key)) {
                continue; // already reported above; the schema only sees it missing
            }
            const spec = (CONFIG_KEYS as Record<string, { accepts: string }>)[key];
            const got = key in values ? ` (got ${JSON.stringify(values[key])})` : "";
            problems.push(
                `${project}:${key} ${issue.message.replace(/^Invalid input: /, "")}${got}; accepted: ${spec?.accepts ?? "see README"}. ` +
                    `Fix: ${fix(`${project}:${key}`)}`,
            );
        }
    }
    if (problems.length > 0 || !result.success || !region) {
        throw new ConfigError(
            `Invalid configuration for stack "${stack}":\n${problems.map((p) => `  - ${p}`).join("\n")}`,
            problems,
        );
    }

    const s = result.data;
    return {
        project,
        stack,
        region,
        name: `${project}-${stack}`,
        tags: { project, stack, "managed-by": "pulumi", ...s.tags },
        logRetentionDays: s.logRetentionDays,
        logLevel: s.logLevel,
        network: { availabilityZones: s.availabilityZones, cidrBlock: s.vpcCidr, flowLogs: s.flowLogs },
        events: s.events,
        database: {
            engineVersion: s.dbEngineVersion,
            instanceClass: s.dbInstanceClass,
            allocatedStorageGb: s.dbAllocatedStorageGb,
            maxAllocatedStorageGb: s.dbMaxAllocatedStorageGb,
            dbName: s.dbName,
            multiAz: s.dbMultiAz,
            backupRetentionDays: s.dbBackupRetentionDays,
            deletionProtection: s.dbDeletionProtection,
            finalSnapshot: s.dbFinalSnapshot,
            applyImmediately: s.dbApplyImmediately,
            performanceInsights: s.dbPerformanceInsights,
            logExports: s.dbLogExports,
        },
        auth: { mode: s.dbAuth, appDbUser: s.appDbUser, secretTtlSeconds: s.secretTtlSeconds },
        proxy: {
            idleClientTimeoutSeconds: s.proxyIdleClientTimeoutSeconds,
            maxConnectionsPercent: s.proxyMaxConnectionsPercent,
            maxIdleConnectionsPercent: s.proxyMaxIdleConnectionsPercent,
            connectionBorrowTimeoutSeconds: s.proxyConnectionBorrowTimeoutSeconds,
        },
        lambda: { memoryMb: s.lambdaMemoryMb, timeoutSeconds: s.lambdaTimeoutSeconds },
        api: {
            throttleRateLimit: s.apiThrottleRateLimit,
            throttleBurstLimit: s.apiThrottleBurstLimit,
            auth: s.apiAuth === "jwt" ? { mode: "jwt", issuer: s.jwtIssuer, audience: s.jwtAudience } : { mode: s.apiAuth },
        },
        observability: {
            ...(s.alarmEmail === "" ? {} : { alarmEmail: s.alarmEmail }),
            thresholds: {
                api5xxPercent: s.alarmApi5xxPercent,
                apiLatencyP90Ms: s.alarmApiLatencyP90Ms,
                lambdaErrors: s.alarmLambdaErrors,
                lambdaThrottles: s.alarmLambdaThrottles,
                lambdaDurationPercent: s.alarmLambdaDurationPercent,
                dbCpuPercent: s.alarmDbCpuPercent,
                dbFreeableMemoryMb: s.alarmDbFreeableMemoryMb,
                dbFreeStorageGb: s.alarmDbFreeStorageGb,
                dbConnections: s.alarmDbConnections,
                proxyPinnedConnections: s.alarmProxyPinnedConnections,
                proxyFailedAuth: s.alarmProxyFailedAuth,
                proxyBorrowLatencyMs: s.alarmProxyBorrowLatencyMs,
                proxyConnectionsPercent: s.alarmProxyConnectionsPercent,
            },
        },
    };
}

/** The master user RDS creates; its password lives only in the RDS-managed secret. */
export const masterUsername = MASTER_USERNAME;

/** Reads the current stack's configuration from the Pulumi runtime once, then validates it. */
export function loadConfig(): BlueprintConfig {
    // allConfig() is the whole stack config, every namespace included: the engine hands it to the program as one JSON
    // object (PULUMI_CONFIG), which is what lets parseConfig refuse keys in a namespace nothing reads
    // (https://github.com/pulumi/pulumi/pull/6896, "Implementation Notes").
    return parseConfig({ project: pulumi.getProject(), stack: pulumi.getStack(), config: pulumi.runtime.allConfig() });
}

/** Stack config values arrive as strings; YAML booleans, numbers, lists and maps arrive JSON-encoded. */
function decode(raw: string, type: string): unknown {
    if (type === "string") {
        return raw;
    }
    try {
        const value: unknown = JSON.parse(raw);
        const ok =
            (type === "number" && typeof value === "number") ||
            (type === "boolean" && typeof value === "boolean") ||
            (type === "list" && Array.isArray(value)) ||
            (type === "map" && typeof value === "object" && value !== null && !Array.isArray(value));
        return ok ? value : undefined;
    } catch {
        return undefined;
    }
}
