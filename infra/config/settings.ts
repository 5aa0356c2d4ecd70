import { z } from "zod";
import { SUPPORTED_MYSQL_MAJORS, mysqlMajor } from "../lib/engine";
import { instanceClassProblem } from "../lib/instanceClasses";
import { LOG_RETENTION_DAYS, isValidLogRetention } from "../lib/retention";
import { MAX_AZS, MAX_VPC_PREFIX, MIN_VPC_PREFIX, SUBNET_SLOTS, validateVpcCidr } from "../lib/subnetLayout";
import { EMAIL, EMAIL_MAX_LENGTH, JWT_ISSUER_MAX_LENGTH, JWT_MAX_AUDIENCES, MAX_USER_TAGS, TAG_TEXT } from "./limits";
import { setting } from "./setting";
import { BORROW_TIMEOUT_MARGIN_SECONDS, PROJECTOR_TIMEOUT_SECONDS } from "../lib/functionTimeouts";

const wholeNumber = (min: number, max: number) => z.int().min(min).max(max);
const bool = z.boolean();

/**
 * Every stack setting the blueprint reads, in one place: its rule, default, what it accepts, what it does and the part
 * of the typed configuration it feeds. The typed configuration (types.ts), the validation messages (parse.ts) and
 * the configuration reference (docs/configuration.md, `npx tsx tools/docs/configuration.ts`) are derived from it.
 * Rules that involve several keys are in rules.ts.
 *
 * Adding a setting: add an entry here, read it from its group in a component, regenerate the reference.
 */
export const SETTINGS = {
    // Stack-wide
    logRetentionDays: setting({
        group: "stack",
        field: "logRetentionDays",
        schema: z.int().refine(isValidLogRetention, "is not a retention CloudWatch Logs accepts"),
        default: 7,
        accepts: `one of ${LOG_RETENTION_DAYS.join(", ")}`,
        description:
            "Days the log groups the stack creates keep their events (functions, API access logs, flow logs). RDS creates its log-export groups (`/aws/rds/instance/<id>/…`) itself, with no expiry: set their retention after the first deploy.",
    }),
    logLevel: setting({
        group: "stack",
        field: "logLevel",
        schema: z.enum(["DEBUG", "INFO", "WARN", "ERROR"]),
        default: "INFO",
        accepts: '"DEBUG", "INFO", "WARN" or "ERROR"',
        description: "The functions' log level: Lambda's own log filter and the Powertools logger are both set from it.",
    }),
    events: setting({
        group: "stack",
        field: "events",
        schema: bool,
        default: true,
        accepts: "true (relay the event store to an EventBridge bus and keep the read model behind GET /orders) or false (none of it: no bus, relay, projector or EventBridge endpoint)",
        description:
            "`true`: relay the event store to the stack's EventBridge bus within seconds and keep the read model behind `GET /orders` (a bus, an EventBridge interface endpoint, a schedule, the relay function (polling all month) and the projector function, the projector's queue, a dead-letter queue). `false`: none of it, and `GET /orders` lists nothing.",
    }),
    tags: setting({
        group: "stack",
        field: "tags",
        schema: z.record(
            z.string().min(1).max(128).regex(TAG_TEXT, "has a tag name with a character AWS refuses"),
            z.string().max(256).regex(TAG_TEXT, "has a tag value with a character AWS refuses"),
        ),
        default: {},
        accepts: `at most ${MAX_USER_TAGS} tags; names up to 128 and values up to 256 of letters, digits, spaces and _ . : / = + - @; neither starting with aws: or rds:`,
        description:
            "Extra tags on every AWS resource, through the provider's `defaultTags`. `project`, `stack` and `managed-by` are always set; AWS reserves `aws:` and RDS `rds:`.",
    }),

    // Network
    availabilityZones: setting({
        group: "network",
        field: "availabilityZones",
        schema: wholeNumber(2, MAX_AZS),
        default: 2,
        accepts: `2 to ${MAX_AZS} (RDS subnet groups and RDS Proxy need two AZs); may grow after the first deploy, never shrink`,
        description: "Availability zones the isolated subnets span. A single-AZ database still needs two (see `dbMultiAz`).",
    }),
    vpcCidr: setting({
        group: "network",
        field: "cidrBlock",
        schema: z.string().superRefine((value, ctx) => {
            try {
                validateVpcCidr(value);
            } catch (err) {
                ctx.addIssue({ code: "custom", message: (err as Error).message });
            }
        }),
        default: "10.0.0.0/16",
        accepts: `an IPv4 network address from /${MIN_VPC_PREFIX} to /${MAX_VPC_PREFIX} (cut into ${SUBNET_SLOTS} equal blocks; AZ n takes block n); cannot change after the first deploy`,
        description: "The VPC's address block. Pick one that does not overlap a network you will peer with.",
    }),
    flowLogs: setting({
        group: "network",
        field: "flowLogs",
        schema: bool,
        default: false,
        accepts: "true or false",
        description: "VPC flow logs (all traffic) to CloudWatch Logs.",
    }),

    // Database
    dbEngineVersion: setting({
        group: "database",
        field: "engineVersion",
        schema: z.string().refine((v) => mysqlMajor(v) !== undefined, "is not a MySQL version RDS Proxy supports"),
        default: "8.4",
        accepts: `MySQL ${SUPPORTED_MYSQL_MAJORS.join(" or ")}, optionally pinned to a minor version (8.4.6), which turns RDS's automatic minor upgrades off`,
        description:
            "The MySQL version. A major version lets RDS apply minor upgrades itself; a pinned minor turns those off (RDS would upgrade past the pin and the next `pulumi up` would ask for a refused downgrade), and you raise it yourself. Past a major version's end of standard support RDS bills Extended Support: check its release calendar before choosing 8.0.",
    }),
    dbInstanceClass: setting({
        group: "database",
        field: "instanceClass",
        schema: z.string().superRefine((value, ctx) => {
            const problem = instanceClassProblem(value);
            if (problem !== undefined) {
                ctx.addIssue({ code: "custom", message: `is not usable: ${problem}` });
            }
        }),
        default: "db.t4g.micro",
        accepts: "an RDS for MySQL DB instance class such as db.t4g.micro or db.m7g.large (types in infra/lib/instanceClasses.ts)",
        description: "The database instance class.",
    }),
    dbAllocatedStorageGb: setting({
        group: "database",
        field: "allocatedStorageGb",
        schema: wholeNumber(20, 65536),
        default: 20,
        accepts: "20 to 65536",
        description: "Allocated gp3 storage, in GiB.",
    }),
    dbMaxAllocatedStorageGb: setting({
        group: "database",
        field: "maxAllocatedStorageGb",
        schema: wholeNumber(20, 65536),
        default: 100,
        accepts: "at least 10% above dbAllocatedStorageGb, at most 65536 (storage autoscaling ceiling)",
        description: "Storage autoscaling's ceiling, in GiB; RDS refuses one less than 10% above `dbAllocatedStorageGb`.",
    }),
    dbName: setting({
        group: "database",
        field: "dbName",
        schema: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, "is not a valid MySQL database name"),
        default: "orders",
        accepts: "a letter followed by up to 63 letters, digits or underscores",
        description: "The database the app uses.",
    }),
    dbMultiAz: setting({
        group: "database",
        field: "multiAz",
        schema: bool,
        default: false,
        accepts: "true or false",
        description: "A standby in a second availability zone.",
    }),
    dbBackupRetentionDays: setting({
        group: "database",
        field: "backupRetentionDays",
        schema: wholeNumber(1, 35),
        default: 1,
        accepts: "1 to 35",
        description: "Days of automated backups (point-in-time recovery).",
    }),
    dbDeletionProtection: setting({
        group: "database",
        field: "deletionProtection",
        schema: bool,
        default: false,
        accepts: "true or false",
        description: "RDS refuses to delete the instance while it is on.",
    }),
    dbFinalSnapshot: setting({
        group: "database",
        field: "finalSnapshot",
        schema: bool,
        default: false,
        accepts: "true or false",
        description: "Take a snapshot when the instance is deleted (and keep the stack's KMS key, which encrypts it).",
    }),
    dbApplyImmediately: setting({
        group: "database",
        field: "applyImmediately",
        schema: bool,
        default: false,
        accepts: "true (apply instance changes now) or false (wait for the maintenance window)",
        description: "Apply instance changes (class, storage, parameters) now, a restart may follow, instead of in the maintenance window.",
    }),
    dbPerformanceInsights: setting({
        group: "database",
        field: "performanceInsights",
        schema: bool,
        default: false,
        accepts: "true or false (not on micro or small classes)",
        description: "Performance Insights; not available on micro and small classes (refused there).",
    }),
    dbLogExports: setting({
        group: "database",
        field: "logExports",
        schema: z.array(z.enum(["error", "general", "slowquery"])),
        default: ["error", "slowquery"],
        accepts: 'a JSON list drawn from "error", "general", "slowquery"',
        description: "MySQL logs exported to CloudWatch Logs.",
    }),

    // Database login
    dbAuth: setting({
        group: "auth",
        field: "mode",
        schema: z.enum(["iam", "secret"]),
        default: "iam",
        accepts: '"iam" (end-to-end IAM through RDS Proxy: the app user has no password) or "secret" (a generated password in Secrets Manager, read by the proxy and the API)',
        description: "How the app logs in to the database. Switching either way works in one `pulumi up` ([Updating a stack](operations.md#updating-a-stack)).",
    }),
    appDbUser: setting({
        group: "auth",
        field: "appDbUser",
        schema: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, "is not a valid MySQL user name"),
        default: "app",
        accepts: "a lower-case letter followed by up to 31 lower-case letters, digits or underscores; not the master user",
        description: "The application's MySQL user, created by the `migrate` function.",
    }),
    secretTtlSeconds: setting({
        group: "auth",
        field: "secretTtlSeconds",
        schema: wholeNumber(0, 86400),
        default: 300,
        accepts: "0 to 86400",
        description: "How long the functions cache the app's secret (`dbAuth: secret`).",
    }),

    // RDS Proxy
    proxyIdleClientTimeoutSeconds: setting({
        group: "proxy",
        field: "idleClientTimeoutSeconds",
        schema: wholeNumber(1, 28800),
        default: 1800,
        accepts: "1 to 28800",
        description: "Seconds a client connection may idle before the proxy closes it.",
    }),
    proxyMaxConnectionsPercent: setting({
        group: "proxy",
        field: "maxConnectionsPercent",
        schema: wholeNumber(1, 100),
        default: 90,
        accepts: "1 to 100",
        description: "Share of the database's `max_connections` the proxy may open.",
    }),
    proxyMaxIdleConnectionsPercent: setting({
        group: "proxy",
        field: "maxIdleConnectionsPercent",
        schema: wholeNumber(0, 100),
        default: 50,
        accepts: "0 to proxyMaxConnectionsPercent",
        description: "Share of `max_connections` the proxy keeps open while idle.",
    }),
    proxyConnectionBorrowTimeoutSeconds: setting({
        group: "proxy",
        field: "connectionBorrowTimeoutSeconds",
        // RDS API reference, ConnectionPoolConfiguration: "Must be between 0 and 300".
        schema: wholeNumber(0, 300),
        default: 5,
        accepts: `0 to 300, and at least ${BORROW_TIMEOUT_MARGIN_SECONDS} s below the timeout of every function that uses the proxy (lambdaTimeoutSeconds; with events, the projector's ${PROJECTOR_TIMEOUT_SECONDS} s)`,
        description: "How long a client waits for a pooled connection before the proxy refuses it; shorter than the functions' timeouts, so they answer 503 instead of being killed while waiting.",
    }),

    // API function
    lambdaMemoryMb: setting({
        group: "lambda",
        field: "memoryMb",
        schema: wholeNumber(128, 10240),
        default: 512,
        accepts: "128 to 10240",
        description: "The API function's memory, in MB (CPU grows with it).",
    }),
    lambdaTimeoutSeconds: setting({
        group: "lambda",
        field: "timeoutSeconds",
        schema: wholeNumber(1, 29),
        default: 10,
        accepts: "1 to 29 (API Gateway gives up after 30 s)",
        description: "The API function's timeout.",
    }),

    // HTTP API
    apiThrottleRateLimit: setting({
        group: "api",
        field: "throttleRateLimit",
        schema: z.number().positive(),
        default: 50,
        accepts: "requests per second, greater than 0",
        description: "The stage's steady-state rate limit.",
    }),
    apiThrottleBurstLimit: setting({
        group: "api",
        field: "throttleBurstLimit",
        schema: wholeNumber(1, 1_000_000),
        default: 100,
        accepts: "a whole number greater than 0",
        description: "The stage's burst limit.",
    }),

    // HTTP API callers
    apiAuth: setting({
        group: "apiAuth",
        field: "mode",
        schema: z.enum(["iam", "jwt", "none"]),
        default: "iam",
        accepts: `"iam" (callers sign requests with SigV4), "jwt" (a JWT authorizer; set jwtIssuer and jwtAudience) or "none" (anonymous; the policy pack warns or refuses it, as the stack's policy config says)`,
        description:
            "How callers authenticate: `iam` (SigV4-signed requests, `AWS_IAM` routes), `jwt` (a JWT authorizer) or `none` (anonymous). `GET /health` is public in every mode.",
    }),
    jwtIssuer: setting({
        group: "apiAuth",
        field: "issuer",
        schema: z.string(),
        default: "",
        accepts: `the https:// URL your identity provider puts in the tokens' iss claim, exactly (at most ${JWT_ISSUER_MAX_LENGTH} characters, no query or fragment); set only with apiAuth jwt`,
        description: "With `apiAuth: jwt` only: the issuer, exactly as in the tokens' `iss` (Auth0's ends with `/`).",
    }),
    jwtAudience: setting({
        group: "apiAuth",
        field: "audience",
        schema: z.array(z.string().trim().min(1, "must not hold an empty audience")),
        default: [],
        accepts: `a JSON list of 1 to ${JWT_MAX_AUDIENCES} audiences (e.g. app client ids), one of which a token's aud (or client_id, without aud) must match; set only with apiAuth jwt`,
        description: "With `apiAuth: jwt` only: the audiences a token may carry.",
    }),

    // Alarm notifications
    alarmEmail: setting({
        group: "observability",
        field: "alarmEmail",
        schema: z
            .string()
            .refine((v) => v === "" || (v.length <= EMAIL_MAX_LENGTH && EMAIL.test(v)), "is not an email address SNS can deliver to")
            .transform((v) => (v === "" ? undefined : v)),
        default: "",
        accepts: `an email address (at most ${EMAIL_MAX_LENGTH} characters) that alarm notifications go to once its owner confirms the subscription; empty: no subscription`,
        description:
            "Where alarm notifications go, subscribed to the stack's alarm topic. AWS first mails a confirmation link and delivers nothing until someone follows it. Empty: no subscription (the alarms still change state and show on the dashboard).",
    }),

    // Alarm thresholds
    alarmApi5xxPercent: setting({
        group: "thresholds",
        field: "api5xxPercent",
        schema: z.number().gt(0).max(100),
        default: 5,
        accepts: "a share of API requests answered 5xx, in percent, greater than 0 and at most 100",
        description: "API requests answered 5xx, in percent, for 3 minutes running (AWS's recommended 5XXError alarm).",
    }),
    alarmApiLatencyP90Ms: setting({
        group: "thresholds",
        field: "apiLatencyP90Ms",
        schema: z.number().min(1).max(30_000),
        default: 2500,
        accepts: "milliseconds, 1 to 30000 (API Gateway gives up after 30 s)",
        description: "p90 API latency for 5 minutes running (AWS's recommended value is 2500).",
    }),
    alarmLambdaErrors: setting({
        group: "thresholds",
        field: "lambdaErrors",
        schema: z.int().min(0),
        default: 0,
        accepts: "API and projector function errors a minute tolerated, a whole number from 0 (migrate and the relay tolerate none)",
        description: "Function errors a minute tolerated, for 3 minutes running; `migrate` (one run per deploy) and the relay (one run a minute) alarm on any failure.",
    }),
    alarmLambdaThrottles: setting({
        group: "thresholds",
        field: "lambdaThrottles",
        schema: z.int().min(0),
        default: 0,
        accepts: "API function throttles a minute tolerated, a whole number from 0 (migrate tolerates none)",
        description: "API function throttles a minute tolerated, for 5 minutes running; `migrate` alarms on any throttle.",
    }),
    alarmLambdaDurationPercent: setting({
        group: "thresholds",
        field: "lambdaDurationPercent",
        schema: z.number().min(1).max(99),
        default: 80,
        accepts: "a share of each function's timeout, in percent, 1 to 99",
        description: "Duration alarm, in percent of each function's timeout (API: p90 for 15 minutes; `migrate`: its longest run).",
    }),
    alarmDbCpuPercent: setting({
        group: "thresholds",
        field: "dbCpuPercent",
        schema: z.number().min(1).max(99),
        default: 90,
        accepts: "percent, 1 to 99",
        description: "Database CPU for 5 minutes running.",
    }),
    alarmDbFreeableMemoryMb: setting({
        group: "thresholds",
        field: "dbFreeableMemoryMb",
        schema: z.int().min(1),
        default: 256,
        accepts: "MiB, a whole number from 1 (about a quarter of the instance class's memory)",
        description: "Freeable memory floor for 15 minutes (1 GiB on `db.t4g.micro`, 4 GiB on `db.t4g.medium`).",
    }),
    alarmDbFreeStorageGb: setting({
        group: "thresholds",
        field: "dbFreeStorageGb",
        schema: z.number().gt(0),
        default: 1,
        accepts: "GiB, greater than 0 and below 10% of dbAllocatedStorageGb (where storage autoscaling acts)",
        description: "Free storage floor; below the point where storage autoscaling acts, so it means autoscaling could not.",
    }),
    alarmDbConnections: setting({
        group: "thresholds",
        field: "dbConnections",
        schema: z.int().min(1),
        default: 60,
        accepts: "connections, a whole number from 1 (about 90% of the instance's max_connections)",
        description: "Connections on the instance for 5 minutes running. RDS sets `max_connections` from instance memory: check `SELECT @@max_connections` after the first deploy.",
    }),
    alarmProxyPinnedConnections: setting({
        group: "thresholds",
        field: "proxyPinnedConnections",
        schema: z.int().min(0),
        default: 0,
        accepts: "pinned connections tolerated, a whole number from 0",
        description: "Pinned proxy connections tolerated; the app never pins, so any means a regression.",
    }),
    alarmProxyFailedAuth: setting({
        group: "thresholds",
        field: "proxyFailedAuth",
        schema: z.int().min(0),
        default: 0,
        accepts: "failed client logins in 5 minutes tolerated, a whole number from 0",
        description: "Failed client logins to the proxy tolerated in 5 minutes.",
    }),
    alarmProxyBorrowLatencyMs: setting({
        group: "thresholds",
        field: "proxyBorrowLatencyMs",
        schema: z.number().gt(0).max(300_000),
        default: 100,
        accepts: "milliseconds, greater than 0 and at most 300000 (proxyConnectionBorrowTimeoutSeconds' ceiling)",
        description: "Average time to borrow a pooled connection, for 5 minutes running.",
    }),
    alarmProxyConnectionsPercent: setting({
        group: "thresholds",
        field: "proxyConnectionsPercent",
        schema: z.number().min(1).max(100),
        default: 90,
        accepts: "a share of the connections the proxy may open, in percent, 1 to 100",
        description: "Proxy database connections, in percent of what it may open, for 5 minutes running.",
    }),
} as const;

export type Settings = typeof SETTINGS;
export type SettingName = keyof Settings;
