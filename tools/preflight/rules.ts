/**
 * Every preflight rule: what AWS (or the provider, on AWS's behalf) refuses at deploy time, as data
 * with its source. This module is the one place these limits live; docs/preflight.md is generated
 * from it (`npx tsx tools/preflight/doc.ts`) and a test keeps the two in step.
 *
 * The naming rules are the program's data (infra/lib/nameRules.ts, which the program checks its own
 * project and stack names against); this module turns them into preflight rules.
 */
import { BORROW_TIMEOUT_MARGIN_SECONDS } from "../../infra/lib/functionTimeouts";
import { LOG_RETENTION_DAYS } from "../../infra/lib/retention";
import { NAME_RULES, NAME_SOURCES } from "../../infra/lib/nameRules";
import { T } from "../../infra/lib/resourceTypes";
import { customRule, nameRule, rangeRule, readPath } from "./kinds";
import type { Finding, PreflightContext, PreflightResource, PreflightRule, Source } from "./types";
import { isUnknown, knownArray, knownBoolean, knownNumber, knownRecord, knownString } from "./values";


export { T };

// ---------------------------------------------------------------------------------------------
// Sources (those of the naming rules live with them in infra/lib/nameRules.ts)
// ---------------------------------------------------------------------------------------------

const S = {
    ...NAME_SOURCES,
    lambdaTimeoutConfig: { title: "Lambda: configuring function timeout", url: "https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html" },
    lambdaQuotas: { title: "Lambda quotas", url: "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html" },
    lambdaEnvironment: { title: "Lambda API: Environment", url: "https://docs.aws.amazon.com/lambda/latest/api/API_Environment.html" },
    lambdaEnvVars: { title: "Lambda: working with environment variables", url: "https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html" },
    rdsUserAuthConfig: { title: "RDS API: UserAuthConfig", url: "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_UserAuthConfig.html" },
    rdsPoolConfig: {
        title: "RDS API: ConnectionPoolConfiguration",
        url: "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ConnectionPoolConfiguration.html",
    },
    rdsBorrowTimeoutSdk: {
        title: "AWS SDK for Kotlin (current RDS model): ConnectionPoolConfiguration.connectionBorrowTimeout",
        url: "https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/rds/aws.sdk.kotlin.services.rds.model/-connection-pool-configuration/connection-borrow-timeout.html",
    },
    rdsIdleTimeoutSdk: {
        title: "AWS SDK for Kotlin (current RDS model): DBProxy.idleClientTimeout",
        url: "https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/rds/aws.sdk.kotlin.services.rds.model/-db-proxy/idle-client-timeout.html",
    },
    rdsProxyEngines: {
        title: "Supported Regions and DB engines for Amazon RDS Proxy",
        url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.RDS_Fea_Regions_DB-eng.Feature.RDSProxy.html",
    },
    rdsProxyNetwork: {
        title: "Setting up network prerequisites for RDS Proxy",
        url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-proxy-network-prereqs.html",
    },
    rdsSubnetGroupAzs: {
        title: "RDS: working with a DB instance in a VPC (subnet groups span two AZs)",
        url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html",
    },
    rdsAutoscaling: {
        title: "RDS storage autoscaling",
        url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PIOPS.Autoscaling.html",
    },
    rdsAutoscalingGap: {
        title: "RDS error: \"The maximum allocated storage must be increased by at least 10 percent\"",
        url: "https://github.com/ministryofjustice/cloud-platform-environments/pull/24422",
    },
    rdsFamilyMismatch: {
        title: "aws-cdk#32933: RDS refuses a mysql8.0 parameter group for a MySQL 8.4 instance",
        url: "https://github.com/aws/aws-cdk/issues/32933",
    },
    rdsInsightsClasses: {
        title: "RDS: engine and instance class support for Database Insights (Performance Insights)",
        url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DatabaseInsights.Engines.html",
    },
    rdsProxyIamSetup: {
        title: "Configuring IAM authentication for RDS Proxy (end-to-end IAM)",
        url: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-proxy-iam-setup.html",
    },
    cdkDefaultAuthScheme: {
        title: "aws-cdk-lib: DefaultAuthScheme.IAM_AUTH with an IAM-enabled instance",
        url: "https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_rds.DefaultAuthScheme.html",
    },
    mysqlNativePassword: {
        title: "MySQL 8.4: mysql_native_password is disabled by default",
        url: "https://dev.mysql.com/doc/refman/8.4/en/native-pluggable-authentication.html",
    },
    kmsScheduleDeletion: {
        title: "KMS API: ScheduleKeyDeletion",
        url: "https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html",
    },
    kmsCreateKey: { title: "KMS API: CreateKey", url: "https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html" },
    secretsDelete: {
        title: "Secrets Manager API: DeleteSecret",
        url: "https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_DeleteSecret.html",
    },
    tfSecretRecovery: {
        title: "Pulumi registry: aws.secretsmanager.Secret recoveryWindowInDays",
        url: "https://www.pulumi.com/registry/packages/aws/api-docs/secretsmanager/secret/",
    },
    logsRetention: {
        title: "CloudWatch Logs API: PutRetentionPolicy",
        url: "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html",
    },
    apiGatewayTimeout: {
        title: "API Gateway V2 integration timeout (TimeoutInMillis)",
        url: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-apigatewayv2-apigatewaymanagedoverrides-integrationoverrides.html",
    },
    eventsPutTargets: { title: "EventBridge API: PutTargets (EventBusName)", url: "https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutTargets.html" },
    pulumiAwsTargetBus: { title: "pulumi-aws#1323: target on a custom bus looked up on the default bus", url: "https://github.com/pulumi/pulumi-aws/issues/1323" },
    eventsRetryPolicy: { title: "EventBridge API: RetryPolicy (rule targets)", url: "https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_RetryPolicy.html" },
    schedulerRetryPolicy: { title: "EventBridge Scheduler API: RetryPolicy", url: "https://docs.aws.amazon.com/scheduler/latest/APIReference/API_RetryPolicy.html" },
    lambdaEventInvokeConfig: {
        title: "Lambda API: PutFunctionEventInvokeConfig",
        url: "https://docs.aws.amazon.com/lambda/latest/api/API_PutFunctionEventInvokeConfig.html",
    },
    tagLimits: { title: "AWS tag restrictions", url: "https://docs.aws.amazon.com/batch/latest/userguide/tag-restrictions.html" },
    rdsTag: { title: "RDS API: Tag (no aws: or rds: prefix on keys or values)", url: "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_Tag.html" },
} satisfies Record<string, Source>;

// ---------------------------------------------------------------------------------------------
// Limits on values
// ---------------------------------------------------------------------------------------------

/** Allocated storage (GiB) RDS for MySQL accepts per storage type. */
export const RDS_MYSQL_STORAGE_GIB: Readonly<Record<string, { readonly min: number; readonly max: number }>> = {
    gp2: { min: 20, max: 65536 },
    gp3: { min: 20, max: 65536 },
    io1: { min: 100, max: 65536 },
    io2: { min: 100, max: 65536 },
};
/** The storage type RDS uses when none is given (gp2, or io1 with provisioned IOPS). */
const RDS_DEFAULT_STORAGE_TYPE = "gp2";
/** The autoscaling ceiling must exceed the allocated storage by at least this factor. */
export const RDS_MAX_STORAGE_FACTOR = 1.1;

/** Classes on which RDS for MySQL offers no Performance Insights. */
export const RDS_MYSQL_NO_PERFORMANCE_INSIGHTS = ["db.t2.micro", "db.t2.small", "db.t3.micro", "db.t3.small", "db.t4g.micro", "db.t4g.small"];

/** RDS Proxy engine family of each RDS engine it fronts. */
const PROXY_ENGINE_FAMILY: Readonly<Record<string, string>> = {
    mysql: "MYSQL",
    mariadb: "MYSQL",
    "aurora-mysql": "MYSQL",
    postgres: "POSTGRESQL",
    "aurora-postgresql": "POSTGRESQL",
};
/** RDS for MySQL major versions RDS Proxy registers as targets. */
export const PROXY_MYSQL_MAJORS = ["8.0", "8.4"];

/** Client password authentication types per proxy engine family (UserAuthConfig). */
const PROXY_CLIENT_AUTH: Readonly<Record<string, readonly string[]>> = {
    MYSQL: ["MYSQL_NATIVE_PASSWORD", "MYSQL_CACHING_SHA2_PASSWORD"],
    POSTGRESQL: ["POSTGRES_SCRAM_SHA_256", "POSTGRES_MD5"],
    SQLSERVER: ["SQL_SERVER_AUTHENTICATION"],
};
/** MySQL majors whose servers no longer enable mysql_native_password by default. */
const MYSQL_NATIVE_PASSWORD_OFF = ["8.4"];

/** Lambda environment variables: total size (bytes), key pattern, keys Lambda reserves. */
export const LAMBDA_ENV_MAX_BYTES = 4096;
const LAMBDA_ENV_KEY = /^[a-zA-Z][a-zA-Z0-9_]+$/;
const LAMBDA_RESERVED_ENV = [
    "_HANDLER",
    "_X_AMZN_TRACE_ID",
    "AWS_DEFAULT_REGION",
    "AWS_REGION",
    "AWS_EXECUTION_ENV",
    "AWS_LAMBDA_FUNCTION_NAME",
    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
    "AWS_LAMBDA_FUNCTION_VERSION",
    "AWS_LAMBDA_INITIALIZATION_TYPE",
    "AWS_LAMBDA_LOG_GROUP_NAME",
    "AWS_LAMBDA_LOG_STREAM_NAME",
    "AWS_ACCESS_KEY",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_LAMBDA_RUNTIME_API",
    "LAMBDA_TASK_ROOT",
    "LAMBDA_RUNTIME_DIR",
    "TZ",
];
/** Lambda's default timeout (seconds) when none is set. */
const LAMBDA_DEFAULT_TIMEOUT = 3;

/** A planned function's timeout in seconds (Lambda's default when unset), or undefined while unknown. */
function functionTimeoutSeconds(fn: PreflightResource): number | undefined {
    return fn.inputs.timeout === undefined ? LAMBDA_DEFAULT_TIMEOUT : knownNumber(fn.inputs.timeout);
}
/** RDS Proxy's connection borrow timeout (seconds) when none is set (ConnectionPoolConfiguration: "Default: 120"). */
const RDS_PROXY_DEFAULT_BORROW_TIMEOUT = 120;

/** HTTP API integration timeout (ms): range and default; WebSocket APIs stop at 29 s. */
export const HTTP_API_INTEGRATION_TIMEOUT_MS = { min: 50, max: 30_000, default: 30_000 };
const WEBSOCKET_API_INTEGRATION_TIMEOUT_MS = { min: 50, max: 29_000, default: 29_000 };

/** Tags: per resource, key and value lengths, the characters every service accepts, the reserved prefix. */
export const TAGS = { maxPerResource: 50, maxKeyLength: 128, maxValueLength: 256, reservedPrefix: "aws:" };
/** RDS refuses these prefixes on tag keys and values alike, provider default tags included. */
const RDS_RESERVED_TAG_PREFIXES = ["aws:", "rds:"];
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** Description limits per type: the input, its maximum length and, where restricted, its characters. */
const DESCRIPTIONS: Readonly<Record<string, { readonly what: string; readonly max: number; readonly allowed?: RegExp; readonly allowedText?: string }>> = {
    [T.iamRole]: {
        what: "IAM role description",
        max: 1000,
        allowed: /^[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*$/,
        allowedText: "printable Latin-1 characters, tab and newlines",
    },
    [T.lambdaFunction]: { what: "Lambda function description", max: 256 },
    [T.securityGroup]: {
        what: "security group description",
        max: 255,
        allowed: /^[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]*$/,
        allowedText: "a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$*",
    },
    [T.ingressRule]: {
        what: "security group rule description",
        max: 255,
        allowed: /^[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]*$/,
        allowedText: "a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$*",
    },
    [T.egressRule]: {
        what: "security group rule description",
        max: 255,
        allowed: /^[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]*$/,
        allowedText: "a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$*",
    },
    [T.kmsKey]: { what: "KMS key description", max: 8192 },
    [T.secret]: { what: "secret description", max: 2048 },
    [T.httpApi]: { what: "API description", max: 1024 },
};

// ---------------------------------------------------------------------------------------------
// Helpers for cross-resource rules
// ---------------------------------------------------------------------------------------------

function ofType(resources: readonly PreflightResource[], type: string): PreflightResource[] {
    return resources.filter((r) => r.type === type);
}

/** "8.4" from "8.4", "8.4.6" or "8.0.mysql_aurora.3.07.0". */
function engineMajor(version: string | undefined): string | undefined {
    return version ? /^(\d+\.\d+)/.exec(version)?.[1] : undefined;
}

/** The RDS instances registered behind a proxy (through its proxy targets). */
function proxyInstances(proxy: PreflightResource, context: PreflightContext): PreflightResource[] {
    return context
        .dependents(proxy)
        .filter((r) => r.type === T.rdsProxyTarget)
        .flatMap((target) => ofType(context.dependencies(target), T.rdsInstance));
}

function proxies(target: PreflightResource, context: PreflightContext): PreflightResource[] {
    return ofType(context.dependencies(target), T.rdsProxy);
}

/** The known availability zones of the planned subnets a resource uses. */
function subnetZones(resource: PreflightResource, context: PreflightContext): { zones: Set<string>; unknown: boolean } {
    const subnets = ofType(context.dependencies(resource), T.subnet);
    const zones = new Set<string>();
    let unknown = false;
    for (const subnet of subnets) {
        const zone = knownString(subnet.inputs.availabilityZone) ?? knownString(subnet.inputs.availabilityZoneId);
        if (zone) {
            zones.add(zone);
        } else {
            unknown = true;
        }
    }
    return { zones, unknown: unknown || subnets.length === 0 };
}

function twoAzRule(resource: PreflightResource, context: PreflightContext, property: string, what: string): Finding[] {
    const findings: Finding[] = [];
    const ids = knownArray(resource.inputs[property]);
    if (ids && !ids.some(isUnknown)) {
        const distinct = new Set(ids.map(String));
        if (distinct.size < 2) {
            findings.push({ message: `${what} lists ${distinct.size} subnet(s); it needs subnets in at least two Availability Zones.` });
        }
    }
    const { zones, unknown } = subnetZones(resource, context);
    if (!unknown && zones.size < 2) {
        findings.push({ message: `${what}'s subnets are all in ${[...zones].join(", ") || "no zone"}; it needs at least two Availability Zones.` });
    }
    for (const vpc of ofType(context.dependencies(resource), T.awsxVpc)) {
        const azs = knownNumber(vpc.inputs.numberOfAvailabilityZones);
        if (azs !== undefined && azs < 2) {
            findings.push({ message: `${what} takes its subnets from VPC ${vpc.name}, which spans ${azs} Availability Zone(s); at least two are needed.` });
        }
    }
    return findings;
}

/** The explicit tags of a resource and the provider's default tags, merged the way the provider merges them. */
function effectiveTags(resource: PreflightResource, context: PreflightContext): Record<string, unknown> | undefined {
    const own = knownRecord(resource.inputs.tags);
    const provider = context.provider(resource);
    const defaults = provider ? knownRecord(knownRecord(provider.inputs.defaultTags)?.tags) : undefined;
    if (!own && !defaults) {
        return undefined;
    }
    return { ...(defaults ?? {}), ...(own ?? {}) };
}

/** Tag keys or values RDS refuses for their prefix. */
function rdsTagFindings(tags: Readonly<Record<string, unknown>>): Finding[] {
    const reserved = (text: string) => RDS_RESERVED_TAG_PREFIXES.some((p) => text.toLowerCase().startsWith(p));
    return Object.entries(tags)
        .filter(([key, value]) => reserved(key) || reserved(knownString(value) ?? ""))
        .map(([key]) => ({ message: `tag "${key}" has a key or value starting with ${RDS_RESERVED_TAG_PREFIXES.join(" or ")}, which RDS refuses.` }));
}

function tagFindings(tags: Readonly<Record<string, unknown>>): Finding[] {
    const findings: Finding[] = [];
    const keys = Object.keys(tags);
    const reserved = keys.filter((k) => k.toLowerCase().startsWith(TAGS.reservedPrefix));
    const counted = keys.length - reserved.length;
    if (counted > TAGS.maxPerResource) {
        findings.push({ message: `${counted} tags, provider default tags included; AWS allows at most ${TAGS.maxPerResource} per resource.` });
    }
    for (const key of keys) {
        if (key.length > TAGS.maxKeyLength) {
            findings.push({ message: `tag key "${key.slice(0, 40)}…" is ${key.length} characters; at most ${TAGS.maxKeyLength} are allowed.` });
        }
        if (!TAG_CHARACTERS.test(key)) {
            findings.push({ message: `tag key "${key}" has characters outside letters, digits, spaces and _ . : / = + - @, which several services refuse.` });
        }
        const value = knownString(tags[key]);
        if (value !== undefined && value.length > TAGS.maxValueLength) {
            findings.push({ message: `tag "${key}" has a ${value.length}-character value; at most ${TAGS.maxValueLength} are allowed.` });
        }
        if (value !== undefined && !TAG_CHARACTERS.test(value)) {
            findings.push({ message: `tag "${key}" has a value with characters outside letters, digits, spaces and _ . : / = + - @, which several services refuse.` });
        }
    }
    if (reserved.length > 0) {
        findings.push({ message: `tag key(s) ${reserved.map((k) => `"${k}"`).join(", ")} use the prefix "${TAGS.reservedPrefix}", which AWS reserves.` });
    }
    return findings;
}

// ---------------------------------------------------------------------------------------------
// The rules
// ---------------------------------------------------------------------------------------------

/** A MySQL identifier the instance is created with (master user, initial database): a letter, then letters, digits or `_`. */
function mysqlIdentifierRule(spec: { id: string; input: string; what: string; maxLength: number; fix: string }): PreflightRule {
    const pattern = new RegExp(`^[A-Za-z][A-Za-z0-9_]{0,${spec.maxLength - 1}}$`);
    const shape = `1 to ${spec.maxLength} letters, digits or underscores, starting with a letter`;
    return customRule({
        id: spec.id,
        types: [T.rdsInstance],
        description: `MySQL ${spec.what}: ${shape}.`,
        fix: spec.fix,
        sources: [S.rdsCreateInstance],
        check: (resource) => {
            const value = knownString(resource.inputs[spec.input]);
            if (knownString(resource.inputs.engine) !== "mysql" || value === undefined || pattern.test(value)) {
                return [];
            }
            return [{ message: `${spec.what} "${value}" is not ${shape}.` }];
        },
    });
}

const VALUE_RULES: readonly PreflightRule[] = [
    customRule({
        id: "rds-allocated-storage",
        types: [T.rdsInstance],
        description: "Allocated storage within what RDS for MySQL accepts for the storage type (gp2/gp3: 20–65,536 GiB; io1/io2: 100–65,536 GiB).",
        fix: "Set the allocated storage within the range of the storage type (config: dbAllocatedStorageGb).",
        sources: [S.rdsCreateInstance],
        check: (resource) => {
            const allocated = knownNumber(resource.inputs.allocatedStorage);
            const type = knownString(resource.inputs.storageType) ?? (resource.inputs.storageType === undefined ? RDS_DEFAULT_STORAGE_TYPE : undefined);
            const range = type ? RDS_MYSQL_STORAGE_GIB[type] : undefined;
            if (allocated === undefined || !range || (allocated >= range.min && allocated <= range.max && Number.isInteger(allocated))) {
                return [];
            }
            return [{ message: `allocated storage is ${allocated} GiB; ${type} storage takes a whole number from ${range.min} to ${range.max} GiB.` }];
        },
    }),
    customRule({
        id: "rds-max-allocated-storage",
        types: [T.rdsInstance],
        description: `Storage autoscaling ceiling at least ${Math.round((RDS_MAX_STORAGE_FACTOR - 1) * 100)}% above the allocated storage, and within the storage type's maximum.`,
        fix: "Raise the ceiling to at least 1.1 × the allocated storage, or set it to 0 to turn autoscaling off (config: dbMaxAllocatedStorageGb).",
        sources: [S.rdsAutoscaling, S.rdsAutoscalingGap, S.rdsCreateInstance],
        check: (resource) => {
            const max = knownNumber(resource.inputs.maxAllocatedStorage);
            const allocated = knownNumber(resource.inputs.allocatedStorage);
            if (max === undefined || max === 0 || allocated === undefined) {
                return [];
            }
            const findings: Finding[] = [];
            if (max < allocated * RDS_MAX_STORAGE_FACTOR) {
                findings.push({
                    message: `max allocated storage ${max} GiB is less than ${Math.round((RDS_MAX_STORAGE_FACTOR - 1) * 100)}% above the allocated ${allocated} GiB; RDS refuses it ("The maximum allocated storage must be increased by at least 10 percent").`,
                    fix: `Set maxAllocatedStorage to at least ${Math.ceil(allocated * RDS_MAX_STORAGE_FACTOR)} GiB, or 0 to turn storage autoscaling off.`,
                });
            }
            const type = knownString(resource.inputs.storageType) ?? RDS_DEFAULT_STORAGE_TYPE;
            const range = RDS_MYSQL_STORAGE_GIB[type];
            if (range && max > range.max) {
                findings.push({ message: `max allocated storage ${max} GiB is above the ${range.max} GiB ${type} maximum.` });
            }
            return findings;
        },
    }),
    rangeRule({
        id: "rds-backup-retention",
        types: [T.rdsInstance],
        path: ["backupRetentionPeriod"],
        what: "RDS backup retention (days)",
        min: 0,
        max: 35,
        integer: true,
        description: "Backup retention period from 0 to 35 days.",
        fix: "Set the backup retention between 0 and 35 days (config: dbBackupRetentionDays).",
        sources: [S.rdsCreateInstance],
    }),
    mysqlIdentifierRule({
        id: "rds-master-username",
        input: "username",
        what: "master user name",
        maxLength: 16,
        fix: "Choose a master user name of at most 16 letters, digits or underscores that starts with a letter.",
    }),
    mysqlIdentifierRule({
        id: "rds-db-name",
        input: "dbName",
        what: "initial database name",
        maxLength: 64,
        fix: "Choose a database name of at most 64 letters, digits or underscores that starts with a letter (config: dbName).",
    }),
    rangeRule({
        id: "rds-proxy-idle-client-timeout",
        types: [T.rdsProxy],
        path: ["idleClientTimeout"],
        what: "RDS Proxy idle client timeout (seconds)",
        min: 1,
        max: 28_800,
        integer: true,
        description: "Proxy idle client timeout from 1 to 28,800 seconds.",
        fix: "Set the idle client timeout between 1 and 28800 seconds (config: proxyIdleClientTimeoutSeconds).",
        sources: [S.rdsIdleTimeoutSdk, S.rdsCreateProxy],
    }),
    rangeRule({
        id: "rds-proxy-max-connections-percent",
        types: [T.rdsProxyTargetGroup],
        path: ["connectionPoolConfig", "maxConnectionsPercent"],
        what: "RDS Proxy max connections percent",
        min: 1,
        max: 100,
        integer: true,
        description: "Proxy pool maximum connections from 1 to 100 percent of the database's max_connections.",
        fix: "Set it between 1 and 100 (config: proxyMaxConnectionsPercent).",
        sources: [S.rdsPoolConfig],
    }),
    customRule({
        id: "rds-proxy-max-idle-connections-percent",
        types: [T.rdsProxyTargetGroup],
        description: "Proxy pool maximum idle connections from 0 to the maximum connections percent.",
        fix: "Set it between 0 and the max connections percent (config: proxyMaxIdleConnectionsPercent).",
        sources: [S.rdsPoolConfig],
        check: (resource) => {
            const idle = knownNumber(readPath(resource.inputs, ["connectionPoolConfig", "maxIdleConnectionsPercent"]));
            const max = knownNumber(readPath(resource.inputs, ["connectionPoolConfig", "maxConnectionsPercent"])) ?? 100;
            if (idle === undefined || (idle >= 0 && idle <= max && Number.isInteger(idle))) {
                return [];
            }
            return [{ message: `max idle connections percent is ${idle}; AWS accepts a whole number from 0 to the max connections percent (${max}).` }];
        },
    }),
    rangeRule({
        id: "rds-proxy-connection-borrow-timeout",
        types: [T.rdsProxyTargetGroup],
        path: ["connectionPoolConfig", "connectionBorrowTimeout"],
        what: "RDS Proxy connection borrow timeout (seconds)",
        min: 0,
        max: 300,
        integer: true,
        description: "Proxy connection borrow timeout from 0 to 300 seconds (the current RDS API model; older pages say 3,600).",
        fix: "Set the borrow timeout between 0 and 300 seconds (config: proxyConnectionBorrowTimeoutSeconds).",
        sources: [S.rdsBorrowTimeoutSdk, S.rdsPoolConfig],
    }),
    rangeRule({
        id: "lambda-memory-size",
        types: [T.lambdaFunction],
        path: ["memorySize"],
        what: "Lambda memory (MB)",
        min: 128,
        max: 10_240,
        integer: true,
        description: "Lambda memory from 128 to 10,240 MB.",
        fix: "Set the memory between 128 and 10240 MB (config: lambdaMemoryMb).",
        sources: [S.lambdaQuotas, S.lambdaCreateFunction],
    }),
    rangeRule({
        id: "lambda-timeout",
        types: [T.lambdaFunction],
        path: ["timeout"],
        what: "Lambda timeout (seconds)",
        min: 1,
        max: 900,
        integer: true,
        description: "Lambda timeout from 1 to 900 seconds.",
        fix: "Set the timeout between 1 and 900 seconds (config: lambdaTimeoutSeconds).",
        sources: [S.lambdaQuotas, S.lambdaCreateFunction],
    }),
    rangeRule({
        id: "lambda-async-retry-attempts",
        types: [T.lambdaEventInvokeConfig],
        path: ["maximumRetryAttempts"],
        what: "Lambda asynchronous retry attempts",
        min: 0,
        max: 2,
        integer: true,
        description: "Lambda retries a failed asynchronous invocation 0 to 2 times.",
        fix: "Set maximumRetryAttempts between 0 and 2 (infra/components/events.ts: RELAY_RETRY).",
        sources: [S.lambdaEventInvokeConfig],
    }),
    rangeRule({
        id: "lambda-async-event-age",
        types: [T.lambdaEventInvokeConfig],
        path: ["maximumEventAgeInSeconds"],
        what: "Lambda asynchronous maximum event age (seconds)",
        min: 60,
        max: 21_600,
        integer: true,
        description: "Lambda keeps an asynchronous event for 60 to 21,600 seconds.",
        fix: "Set maximumEventAgeInSeconds between 60 and 21600 (infra/components/events.ts: RELAY_RETRY).",
        sources: [S.lambdaEventInvokeConfig],
    }),
    rangeRule({
        id: "eventbridge-target-retry-attempts",
        types: [T.eventTarget],
        path: ["retryPolicy", "maximumRetryAttempts"],
        what: "EventBridge target retry attempts",
        min: 0,
        max: 185,
        integer: true,
        description: "An EventBridge rule target retries a delivery 0 to 185 times.",
        fix: "Set retryPolicy.maximumRetryAttempts between 0 and 185 (infra/components/events.ts: DELIVERY_RETRY).",
        sources: [S.eventsRetryPolicy],
    }),
    rangeRule({
        id: "eventbridge-target-event-age",
        types: [T.eventTarget],
        path: ["retryPolicy", "maximumEventAgeInSeconds"],
        what: "EventBridge target maximum event age (seconds)",
        min: 60,
        max: 86_400,
        integer: true,
        description: "An EventBridge rule target keeps retrying an event for 60 to 86,400 seconds.",
        fix: "Set retryPolicy.maximumEventAgeInSeconds between 60 and 86400 (infra/components/events.ts: DELIVERY_RETRY).",
        sources: [S.eventsRetryPolicy],
    }),
    rangeRule({
        id: "scheduler-retry-attempts",
        types: [T.schedule],
        path: ["target", "retryPolicy", "maximumRetryAttempts"],
        what: "EventBridge Scheduler retry attempts",
        min: 0,
        max: 185,
        integer: true,
        description: "An EventBridge Scheduler target is retried 0 to 185 times.",
        fix: "Set target.retryPolicy.maximumRetryAttempts between 0 and 185 (infra/components/events.ts: the relay schedule).",
        sources: [S.schedulerRetryPolicy],
    }),
    rangeRule({
        id: "scheduler-event-age",
        types: [T.schedule],
        path: ["target", "retryPolicy", "maximumEventAgeInSeconds"],
        what: "EventBridge Scheduler maximum event age (seconds)",
        min: 60,
        max: 86_400,
        integer: true,
        description: "EventBridge Scheduler keeps an unprocessed invocation for 60 to 86,400 seconds.",
        fix: "Set target.retryPolicy.maximumEventAgeInSeconds between 60 and 86400 (infra/components/events.ts: the relay schedule).",
        sources: [S.schedulerRetryPolicy],
    }),
    rangeRule({
        id: "sqs-message-retention",
        types: [T.sqsQueue],
        path: ["messageRetentionSeconds"],
        what: "SQS message retention (seconds)",
        min: 60,
        max: 1_209_600,
        integer: true,
        description: "SQS keeps a message for 60 seconds to 14 days (1,209,600 seconds).",
        fix: "Set messageRetentionSeconds between 60 and 1209600 (infra/components/events.ts: DEAD_LETTER_RETENTION_SECONDS).",
        sources: [S.sqsCreateQueue],
    }),
    customRule({
        id: "lambda-environment-size",
        types: [T.lambdaFunction],
        description: `Lambda environment variables at most ${LAMBDA_ENV_MAX_BYTES} bytes in total (counted here as their JSON encoding, which is never less than Lambda's count).`,
        fix: "Move large values out of the environment (Secrets Manager, SSM Parameter Store, or the bundle).",
        sources: [S.lambdaQuotas, S.lambdaEnvVars],
        check: (resource) => {
            const variables = knownRecord(knownRecord(resource.inputs.environment)?.variables);
            if (!variables || Object.values(variables).some((v) => knownString(v) === undefined)) {
                return [];
            }
            const bytes = Buffer.byteLength(JSON.stringify(Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, knownString(v)]))));
            return bytes > LAMBDA_ENV_MAX_BYTES
                ? [{ message: `environment variables take ${bytes} bytes; Lambda allows ${LAMBDA_ENV_MAX_BYTES} in total.` }]
                : [];
        },
    }),
    customRule({
        id: "lambda-environment-keys",
        types: [T.lambdaFunction],
        description: "Lambda environment variable keys: a letter then letters, digits or underscores (2+ characters), none of the keys Lambda reserves (AWS_REGION, TZ, …).",
        fix: "Rename the variable: start with a letter, use letters, digits and _, and avoid Lambda's reserved names.",
        sources: [S.lambdaEnvironment, S.lambdaEnvVars],
        check: (resource) => {
            const variables = knownRecord(knownRecord(resource.inputs.environment)?.variables);
            if (!variables) {
                return [];
            }
            const findings: Finding[] = [];
            for (const key of Object.keys(variables)) {
                if (!LAMBDA_ENV_KEY.test(key)) {
                    findings.push({ message: `environment variable "${key}" does not match [a-zA-Z]([a-zA-Z0-9_])+.` });
                } else if (LAMBDA_RESERVED_ENV.includes(key)) {
                    findings.push({ message: `environment variable "${key}" is reserved by Lambda.` });
                }
            }
            return findings;
        },
    }),
    customRule({
        id: "apigatewayv2-integration-timeout",
        types: [T.integration],
        description: "Integration timeout from 50 to 30,000 ms for HTTP APIs (29,000 ms for WebSocket APIs).",
        fix: "Set timeoutMilliseconds within the API type's range.",
        sources: [S.apiGatewayTimeout],
        check: (resource, context) => {
            const timeout = knownNumber(resource.inputs.timeoutMilliseconds);
            if (timeout === undefined) {
                return [];
            }
            const api = ofType(context.dependencies(resource), T.httpApi)[0];
            const websocket = api && knownString(api.inputs.protocolType) === "WEBSOCKET";
            const range = websocket ? WEBSOCKET_API_INTEGRATION_TIMEOUT_MS : HTTP_API_INTEGRATION_TIMEOUT_MS;
            return timeout >= range.min && timeout <= range.max
                ? []
                : [{ message: `integration timeout is ${timeout} ms; ${websocket ? "WebSocket" : "HTTP"} APIs accept ${range.min} to ${range.max} ms.` }];
        },
    }),
    rangeRule({
        id: "cloudwatch-log-retention",
        types: [T.logGroup],
        path: ["retentionInDays"],
        what: "log retention (days)",
        allowed: [0, ...LOG_RETENTION_DAYS],
        description: `Log group retention one of ${LOG_RETENTION_DAYS.join(", ")} days (0: never expire).`,
        fix: "Pick one of the retention periods CloudWatch Logs accepts (config: logRetentionDays).",
        sources: [S.logsRetention],
    }),
    rangeRule({
        id: "kms-key-deletion-window",
        types: [T.kmsKey],
        path: ["deletionWindowInDays"],
        what: "KMS key deletion window (days)",
        min: 7,
        max: 30,
        integer: true,
        description: "KMS key deletion window from 7 to 30 days.",
        fix: "Set the deletion window between 7 and 30 days.",
        sources: [S.kmsScheduleDeletion],
    }),
    customRule({
        id: "secretsmanager-recovery-window",
        types: [T.secret],
        description: "Secret recovery window 0 (delete at once) or 7 to 30 days.",
        fix: "Set the recovery window to 0 or to 7–30 days.",
        sources: [S.secretsDelete, S.tfSecretRecovery],
        check: (resource) => {
            const days = knownNumber(resource.inputs.recoveryWindowInDays);
            return days === undefined || days === 0 || (days >= 7 && days <= 30 && Number.isInteger(days))
                ? []
                : [{ message: `recovery window is ${days} days; Secrets Manager accepts 0 or 7 to 30.` }];
        },
    }),
    customRule({
        id: "description-limits",
        types: Object.keys(DESCRIPTIONS),
        description:
            "Descriptions within each service's length and characters: IAM role 1,000 (Latin-1), Lambda 256, security group and rule 255 (restricted set), KMS key 8,192, secret 2,048, API 1,024.",
        fix: "Shorten the description or keep to the characters the service accepts.",
        sources: [S.iamCreateRole, S.lambdaCreateFunction, S.ec2CreateSecurityGroup, S.kmsCreateKey, S.secretsCreate, S.apiGatewayApi],
        check: (resource) => {
            const spec = DESCRIPTIONS[resource.type];
            const description = knownString(resource.inputs.description);
            if (!spec || description === undefined) {
                return [];
            }
            const findings: Finding[] = [];
            if (description.length > spec.max) {
                findings.push({ message: `${spec.what} is ${description.length} characters; at most ${spec.max} are allowed.` });
            }
            if (spec.allowed && !spec.allowed.test(description)) {
                findings.push({ message: `${spec.what} "${description}" has characters outside ${spec.allowedText}.` });
            }
            return findings;
        },
    }),
    customRule({
        id: "tags-limits",
        types: [T.provider, T.awsAny],
        description: `At most ${TAGS.maxPerResource} tags per resource (provider default tags included), keys up to ${TAGS.maxKeyLength} and values up to ${TAGS.maxValueLength} characters, in the common character set, no "aws:" key prefix; on RDS resources no "aws:" or "rds:" prefix on keys or values.`,
        fix: "Drop or shorten tags (config: tags) and keep to letters, digits, spaces and _ . : / = + - @, with no aws: or rds: prefix.",
        sources: [S.tagLimits, S.rdsTag],
        check: (resource, context) => {
            if (resource.type === T.provider) {
                const defaults = knownRecord(knownRecord(resource.inputs.defaultTags)?.tags);
                return defaults ? tagFindings(defaults) : [];
            }
            const tags = effectiveTags(resource, context);
            const rds = resource.type.startsWith("aws:rds/") && tags ? rdsTagFindings(tags) : [];
            // Resources without tags of their own carry only the provider's defaults, checked on the provider.
            return resource.inputs.tags === undefined || !tags ? rds : [...tagFindings(tags), ...rds];
        },
    }),
];

const CROSS_RULES: readonly PreflightRule[] = [
    customRule({
        id: "rds-proxy-engine-version",
        types: [T.rdsProxyTarget],
        description: `An instance registered behind a proxy runs an engine of the proxy's family, and for MySQL a major RDS Proxy supports (${PROXY_MYSQL_MAJORS.join(", ")}).`,
        fix: `Run the instance on a MySQL major RDS Proxy supports (config: dbEngineVersion, ${PROXY_MYSQL_MAJORS.join(" or ")}).`,
        sources: [S.rdsProxyEngines, S.rdsCreateProxy],
        check: (target, context) => {
            const findings: Finding[] = [];
            for (const proxy of proxies(target, context)) {
                const family = knownString(proxy.inputs.engineFamily);
                for (const instance of ofType(context.dependencies(target), T.rdsInstance)) {
                    const engine = knownString(instance.inputs.engine);
                    if (!family || !engine) {
                        continue;
                    }
                    if (PROXY_ENGINE_FAMILY[engine] !== family) {
                        findings.push({ message: `proxy ${proxy.name} (engine family ${family}) cannot register ${instance.name} (engine ${engine}).` });
                        continue;
                    }
                    const major = engineMajor(knownString(instance.inputs.engineVersion));
                    if (engine === "mysql" && major && !PROXY_MYSQL_MAJORS.includes(major)) {
                        findings.push({
                            message: `${instance.name} runs MySQL ${major}; RDS Proxy registers RDS for MySQL ${PROXY_MYSQL_MAJORS.join(" and ")} only.`,
                        });
                    }
                }
            }
            return findings;
        },
    }),
    customRule({
        id: "rds-proxy-client-password-auth",
        types: [T.rdsProxy],
        description:
            "Each proxy auth's client password type belongs to the proxy's engine family, and is MYSQL_CACHING_SHA2_PASSWORD in front of MySQL 8.4 (mysql_native_password is off by default there).",
        fix: "Set clientPasswordAuthType to MYSQL_CACHING_SHA2_PASSWORD for MySQL 8.4 (MYSQL_NATIVE_PASSWORD or MYSQL_CACHING_SHA2_PASSWORD for 8.0).",
        sources: [S.rdsUserAuthConfig, S.mysqlNativePassword],
        check: (proxy, context) => {
            const family = knownString(proxy.inputs.engineFamily);
            const auths = knownArray(proxy.inputs.auths) ?? [];
            const majors = new Set(
                proxyInstances(proxy, context)
                    .map((i) => engineMajor(knownString(i.inputs.engineVersion)))
                    .filter((m): m is string => m !== undefined),
            );
            const findings: Finding[] = [];
            for (const auth of auths) {
                const type = knownString(knownRecord(auth)?.clientPasswordAuthType);
                if (!type || !family) {
                    continue;
                }
                const allowed = PROXY_CLIENT_AUTH[family] ?? [];
                if (!allowed.includes(type)) {
                    findings.push({ message: `client password auth type ${type} is not one of ${allowed.join(", ")} for engine family ${family}.` });
                } else if (type === "MYSQL_NATIVE_PASSWORD" && [...majors].some((m) => MYSQL_NATIVE_PASSWORD_OFF.includes(m))) {
                    findings.push({
                        message: `client password auth type ${type} in front of MySQL ${[...majors].join(", ")}, where mysql_native_password is disabled by default.`,
                    });
                }
            }
            return findings;
        },
    }),
    customRule({
        id: "rds-proxy-iam-auth-target",
        types: [T.rdsProxyTarget],
        description:
            "A proxy with end-to-end IAM (defaultAuthScheme IAM_AUTH) connects to the database with IAM tokens, so the instance behind it has IAM database authentication on.",
        fix: "Set iamDatabaseAuthenticationEnabled: true on the instance, or give the proxy secret-based auths.",
        sources: [S.rdsProxyIamSetup, S.cdkDefaultAuthScheme],
        check: (target, context) =>
            proxies(target, context)
                .filter((proxy) => knownString(proxy.inputs.defaultAuthScheme) === "IAM_AUTH")
                .flatMap((proxy) =>
                    ofType(context.dependencies(target), T.rdsInstance)
                        // Absent means off; unknown is skipped.
                        .filter((instance) => {
                            const enabled = instance.inputs.iamDatabaseAuthenticationEnabled;
                            return enabled === undefined || knownBoolean(enabled) === false;
                        })
                        .map((instance) => ({
                            message: `proxy ${proxy.name} authenticates to ${instance.name} with IAM (IAM_AUTH), but the instance does not enable IAM database authentication.`,
                        })),
                ),
    }),
    customRule({
        id: "eventbridge-target-on-rule-bus",
        types: [T.eventTarget],
        description:
            "A target of a rule on a custom event bus names that bus (eventBusName): without it the target is put on the default bus, where the rule does not exist.",
        fix: "Set eventBusName on the target to the rule's bus (infra/components/events.ts passes bus.name to both).",
        sources: [S.eventsPutTargets, S.pulumiAwsTargetBus],
        check: (target, context) =>
            ofType(context.dependencies(target), T.eventRule)
                // A rule without eventBusName is on the default bus, where a target without one is looked for too.
                .filter((rule) => rule.inputs.eventBusName !== undefined && rule.inputs.eventBusName !== "default")
                .flatMap((rule) => {
                    const ruleBus = knownString(rule.inputs.eventBusName);
                    const targetBus = target.inputs.eventBusName;
                    if (targetBus === undefined) {
                        return [{ message: `target ${target.name} of rule ${rule.name} names no event bus, so it would be put on the default bus ("Rule … does not exist on EventBus default").` }];
                    }
                    const known = knownString(targetBus);
                    return ruleBus !== undefined && known !== undefined && known !== ruleBus
                        ? [{ message: `target ${target.name} names the bus "${known}", but rule ${rule.name} is on "${ruleBus}".` }]
                        : [];
                }),
    }),
    customRule({
        id: "rds-parameter-group-family",
        types: [T.rdsInstance],
        description: "The instance's DB parameter group family matches its engine and major version (mysql8.4 for MySQL 8.4).",
        fix: "Create the parameter group with family mysql<major of dbEngineVersion>.",
        sources: [S.rdsFamilyMismatch, S.rdsCreateInstance],
        check: (instance, context) => {
            const engine = knownString(instance.inputs.engine);
            const major = engineMajor(knownString(instance.inputs.engineVersion));
            if (!engine || !major) {
                return [];
            }
            const expected = `${engine}${major}`;
            return ofType(context.dependencies(instance), T.rdsParameterGroup)
                .map((group) => ({ group, family: knownString(group.inputs.family) }))
                .filter(({ family }) => family !== undefined && family !== expected)
                .map(({ group, family }) => ({
                    message: `parameter group ${group.name} has family ${family}; an ${engine} ${major} instance takes family ${expected}.`,
                }));
        },
    }),
    customRule({
        id: "rds-performance-insights-class",
        types: [T.rdsInstance],
        description: `Performance Insights only on classes that offer it (not ${RDS_MYSQL_NO_PERFORMANCE_INSIGHTS.join(", ")}).`,
        fix: "Turn Performance Insights off or choose a larger class (config: dbPerformanceInsights, dbInstanceClass).",
        sources: [S.rdsInsightsClasses],
        check: (instance) => {
            const enabled = knownBoolean(instance.inputs.performanceInsightsEnabled);
            const instanceClass = knownString(instance.inputs.instanceClass);
            return enabled && instanceClass && RDS_MYSQL_NO_PERFORMANCE_INSIGHTS.includes(instanceClass)
                ? [{ message: `Performance Insights is enabled on ${instanceClass}, which does not offer it.` }]
                : [];
        },
    }),
    customRule({
        id: "rds-subnets-span-two-azs",
        types: [T.rdsSubnetGroup, T.rdsProxy],
        description: "DB subnet groups and RDS Proxy get subnets in at least two Availability Zones.",
        fix: "Give the subnet group and the proxy subnets in two or more Availability Zones (config: availabilityZones ≥ 2).",
        sources: [S.rdsSubnetGroupAzs, S.rdsProxyNetwork],
        check: (resource, context) =>
            resource.type === T.rdsProxy
                ? twoAzRule(resource, context, "vpcSubnetIds", "RDS Proxy")
                : twoAzRule(resource, context, "subnetIds", "DB subnet group"),
    }),
    customRule({
        id: "rds-proxy-borrow-within-function-timeout",
        types: [T.rdsProxyTargetGroup],
        description: `The proxy's connection borrow timeout ends ${BORROW_TIMEOUT_MARGIN_SECONDS} s before the timeout of every function that connects through the proxy, so a function refused a connection can still answer.`,
        fix: "Lower the borrow timeout below the shortest function timeout less the margin (config: proxyConnectionBorrowTimeoutSeconds, lambdaTimeoutSeconds).",
        sources: [S.rdsPoolConfig, S.lambdaTimeoutConfig],
        check: (targetGroup, context) => {
            const raw = readPath(targetGroup.inputs, ["connectionPoolConfig", "connectionBorrowTimeout"]);
            const borrow = raw === undefined ? RDS_PROXY_DEFAULT_BORROW_TIMEOUT : knownNumber(raw);
            if (borrow === undefined) {
                return [];
            }
            const proxies = ofType(context.dependencies(targetGroup), T.rdsProxy);
            return proxies
                .flatMap((proxy) => ofType(context.dependents(proxy), T.lambdaFunction))
                .flatMap((fn) => {
                    const timeout = functionTimeoutSeconds(fn);
                    return timeout !== undefined && borrow > timeout - BORROW_TIMEOUT_MARGIN_SECONDS
                        ? [
                              {
                                  message:
                                      `the proxy may hold a client ${borrow} s for a connection, but function ${fn.name} times out after ${timeout} s: ` +
                                      `with the pool exhausted it is killed waiting instead of answering (${BORROW_TIMEOUT_MARGIN_SECONDS} s margin).`,
                              },
                          ]
                        : [];
                });
        },
    }),
    customRule({
        id: "lambda-timeout-within-integration",
        types: [T.integration],
        description: "A Lambda function behind an API integration times out before the integration does, so callers get the function's own error.",
        fix: "Keep the function's timeout below the integration timeout (config: lambdaTimeoutSeconds, at most 29 for HTTP APIs).",
        sources: [S.apiGatewayTimeout, S.lambdaCreateFunction],
        check: (integration, context) => {
            const api = ofType(context.dependencies(integration), T.httpApi)[0];
            const websocket = api && knownString(api.inputs.protocolType) === "WEBSOCKET";
            const raw = integration.inputs.timeoutMilliseconds;
            const timeoutMs =
                raw === undefined ? (websocket ? WEBSOCKET_API_INTEGRATION_TIMEOUT_MS : HTTP_API_INTEGRATION_TIMEOUT_MS).default : knownNumber(raw);
            if (timeoutMs === undefined) {
                return [];
            }
            return ofType(context.dependencies(integration), T.lambdaFunction).flatMap((fn) => {
                const seconds = functionTimeoutSeconds(fn);
                return seconds !== undefined && seconds * 1000 >= timeoutMs
                    ? [{ message: `function ${fn.name} may run ${seconds} s, but the integration gives up after ${timeoutMs / 1000} s.` }]
                    : [];
            });
        },
    }),
];

/** Rules that check physical names, with their naming constraints (for infra/lib/naming.ts). */
export const NAME_PREFLIGHT_RULES = NAME_RULES.map(nameRule);

/** Every preflight rule, in the order the docs list them. */
export const PREFLIGHT_RULES: readonly PreflightRule[] = [...NAME_PREFLIGHT_RULES, ...VALUE_RULES, ...CROSS_RULES];
