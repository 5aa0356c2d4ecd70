/**
 * Which physical names AWS accepts, per resource type: length, characters, first character,
 * reserved prefixes, as data with the source each limit comes from. The program checks its own
 * project and stack names against these at config time (./naming.ts), and the preflight checks
 * every planned name (tools/preflight reads this module; nothing here imports the tools).
 *
 * Physical names: this project's autonaming pattern (AUTONAMING_PATTERN in ./physicalNames.ts) names a
 * resource given no explicit name `<project>-<stack>-<logical>-` and 7 random hex characters;
 * pulumi-aws then applies its per-type transform (KMS aliases get `alias/` in front) but not its
 * per-type separator. Without a pattern Pulumi names it after its logical name, a separator ("" for RDS
 * instance identifiers, "-" otherwise) and 7 random characters. `namePrefix`-style inputs are completed
 * by the provider with 26 characters.
 */
import { T } from "./resourceTypes";

/** Where a limit comes from. */
export interface Source {
    readonly title: string;
    readonly url: string;
}

/** The date every source in this module (and in tools/preflight/rules.ts) was last read. */
export const CHECKED = "2026-11-22";

/** How pulumi-aws makes a physical name when the program does not set one. */
export interface Autoname {
    /** Without an autonaming pattern: between the logical name and the random part ("-" for most types, "" for RDS instances). */
    readonly separator: string;
    /** Without an autonaming pattern: how many random characters follow. */
    readonly randomLength: number;
    /** Applied to the finished name, pattern or not (KMS aliases get `alias/` in front). */
    readonly transform?: (name: string) => string;
}

/** A service's naming rules for one kind of name, and which inputs carry it. */
export interface NameSpec {
    /** "IAM role name", as the messages say it. */
    readonly what: string;
    /** The input holding an explicit physical name. */
    readonly property: string;
    /** An input holding a prefix the provider completes with `prefixRandomLength` characters. */
    readonly prefixProperty?: string;
    readonly prefixRandomLength?: number;
    /** Pulumi's naming when neither input is set; without it the rule only checks explicit names. */
    readonly autoname?: Autoname;
    readonly maxLength: number;
    /** One allowed character (a single-character class, no anchors). */
    readonly allowed: RegExp;
    readonly allowedText: string;
    readonly first?: { readonly pattern: RegExp; readonly text: string };
    readonly noDoubleHyphen?: boolean;
    readonly noTrailingHyphen?: boolean;
    readonly requiredPrefix?: string;
    readonly forbiddenPrefixes?: readonly string[];
    /** Refused whole names, compared case-insensitively. */
    readonly forbiddenNames?: readonly string[];
    /** Names always accepted whatever the other constraints say (`$default`). */
    readonly alwaysAllowed?: readonly string[];
}

/** A naming rule as data: the constraints, the types it applies to, and where they come from. */
export interface NameRuleData extends NameSpec {
    /** kebab-case, names the thing checked: `rds-instance-identifier`. */
    readonly id: string;
    readonly types: readonly string[];
    /** What the rule checks, one sentence for the docs table. */
    readonly description: string;
    /** What to change when the rule fails. */
    readonly fix: string;
    readonly sources: readonly Source[];
}

export const NAME_SOURCES = {
    pulumiNames: { title: "Pulumi: resource names and auto-naming", url: "https://www.pulumi.com/docs/iac/concepts/resources/names/" },
    pulumiAwsAutonaming: {
        title: "pulumi-aws: per-type auto-naming (resource_overrides.go, autonaming.go)",
        url: "https://github.com/pulumi/pulumi-aws/blob/master/provider/resource_overrides.go",
    },
    tfRdsValidate: {
        title: "terraform-provider-aws: RDS name validation (validate.go)",
        url: "https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service/rds/validate.go",
    },
    pulumiAwsLowercase: {
        title: "pulumi-aws#3808: auto-named RDS subnet groups refused for upper-case letters",
        url: "https://github.com/pulumi/pulumi-aws/issues/3808",
    },
    iamCreateRole: { title: "IAM API: CreateRole", url: "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html" },
    iamPutRolePolicy: { title: "IAM API: PutRolePolicy", url: "https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutRolePolicy.html" },
    lambdaCreateFunction: { title: "Lambda API: CreateFunction", url: "https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html" },
    lambdaAddPermission: { title: "Lambda API: AddPermission", url: "https://docs.aws.amazon.com/lambda/latest/api/API_AddPermission.html" },
    rdsCreateInstance: { title: "RDS API: CreateDBInstance", url: "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html" },
    rdsCreateProxy: { title: "RDS API: CreateDBProxy", url: "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBProxy.html" },
    ec2CreateSecurityGroup: {
        title: "EC2 API: CreateSecurityGroup",
        url: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html",
    },
    kmsAliases: { title: "KMS: create aliases", url: "https://docs.aws.amazon.com/kms/latest/developerguide/alias-create.html" },
    secretsCreate: {
        title: "Secrets Manager API: CreateSecret",
        url: "https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_CreateSecret.html",
    },
    logsCreateGroup: {
        title: "CloudWatch Logs API: CreateLogGroup",
        url: "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html",
    },
    apiGatewayApi: {
        title: "Pulumi registry: aws.apigatewayv2.Api (name, description)",
        url: "https://www.pulumi.com/registry/packages/aws/api-docs/apigatewayv2/api/",
    },
    apiGatewayNotes: {
        title: "API Gateway important notes (stage names)",
        url: "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-known-issues.html",
    },
    eventsCreateBus: { title: "EventBridge API: CreateEventBus", url: "https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_CreateEventBus.html" },
    eventsPutRule: { title: "EventBridge API: PutRule", url: "https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutRule.html" },
    schedulerCreate: { title: "EventBridge Scheduler API: CreateSchedule", url: "https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html" },
    sqsCreateQueue: { title: "SQS API: CreateQueue", url: "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html" },
    cloudwatchPutDashboard: {
        title: "CloudWatch API: PutDashboard (DashboardName)",
        url: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutDashboard.html",
    },
} satisfies Record<string, Source>;

// ---------------------------------------------------------------------------------------------
// Naming conventions shared by several types
// ---------------------------------------------------------------------------------------------

/** Pulumi's default: logical name, "-", 7 random hex characters. */
const DASH_7 = { separator: "-", randomLength: 7 } as const;
/** What Terraform's `*_prefix` inputs add (a timestamp and a counter). */
const PREFIX_26 = 26;

const LETTER = { pattern: /[A-Za-z]/, text: "a letter" };
const LOWER_LETTER = { pattern: /[a-z]/, text: "a lower-case letter" };

/** RDS identifiers: letters, digits, hyphens; first a letter; no "--"; no trailing "-". The provider wants lower case. */
const RDS_IDENTIFIER = {
    allowed: /[a-z0-9-]/,
    allowedText: "lower-case letters, digits and hyphens",
    first: LOWER_LETTER,
    noDoubleHyphen: true,
    noTrailingHyphen: true,
} as const;

export const NAME_RULES: readonly NameRuleData[] = [
    {
        id: "iam-role-name",
        types: [T.iamRole],
        what: "IAM role name",
        description: "IAM role names: at most 64 characters of letters, digits and _+=,.@- (autonamed: logical name + 8).",
        fix: "Shorten the logical name (or the project and stack names), or set a shorter explicit name.",
        sources: [NAME_SOURCES.iamCreateRole, NAME_SOURCES.pulumiAwsAutonaming, NAME_SOURCES.pulumiNames],
        property: "name",
        prefixProperty: "namePrefix",
        prefixRandomLength: PREFIX_26,
        autoname: DASH_7,
        maxLength: 64,
        allowed: /[A-Za-z0-9_+=,.@-]/,
        allowedText: "letters, digits and _+=,.@-",
    },
    {
        id: "iam-role-policy-name",
        types: [T.iamRolePolicy],
        what: "IAM inline policy name",
        description: "IAM inline policy names: at most 128 characters of letters, digits and _+=,.@-.",
        fix: "Shorten the logical name (or the project and stack names), or set a shorter explicit name.",
        sources: [NAME_SOURCES.iamPutRolePolicy, NAME_SOURCES.pulumiAwsAutonaming],
        property: "name",
        prefixProperty: "namePrefix",
        prefixRandomLength: PREFIX_26,
        autoname: DASH_7,
        maxLength: 128,
        allowed: /[A-Za-z0-9_+=,.@-]/,
        allowedText: "letters, digits and _+=,.@-",
    },
    {
        id: "lambda-function-name",
        types: [T.lambdaFunction],
        what: "Lambda function name",
        description: "Lambda function names: at most 64 characters of letters, digits, hyphens and underscores (no periods).",
        fix: "Shorten the logical name (or the project and stack names), and use only letters, digits, - and _.",
        sources: [NAME_SOURCES.lambdaCreateFunction, NAME_SOURCES.pulumiAwsAutonaming],
        property: "name",
        autoname: DASH_7,
        maxLength: 64,
        allowed: /[A-Za-z0-9_-]/,
        allowedText: "letters, digits, hyphens and underscores",
    },
    {
        id: "lambda-permission-statement-id",
        types: [T.lambdaPermission],
        what: "Lambda permission statement id",
        description: "Lambda permission statement ids: at most 100 characters of letters, digits, hyphens and underscores.",
        fix: "Shorten the logical name (or the project and stack names), and use only letters, digits, - and _.",
        sources: [NAME_SOURCES.lambdaAddPermission, NAME_SOURCES.pulumiAwsAutonaming],
        property: "statementId",
        prefixProperty: "statementIdPrefix",
        prefixRandomLength: PREFIX_26,
        autoname: DASH_7,
        maxLength: 100,
        allowed: /[A-Za-z0-9_-]/,
        allowedText: "letters, digits, hyphens and underscores",
    },
    {
        id: "rds-instance-identifier",
        types: [T.rdsInstance],
        what: "RDS instance identifier",
        description:
            "RDS instance identifiers: at most 63 lower-case letters, digits and hyphens, starting with a letter, no \"--\", no trailing \"-\" (autonamed: logical name + 7, no separator).",
        fix: "Shorten the logical name (or the project and stack names) and use only lower-case letters, digits and single hyphens.",
        sources: [NAME_SOURCES.rdsCreateInstance, NAME_SOURCES.tfRdsValidate, NAME_SOURCES.pulumiAwsAutonaming],
        property: "identifier",
        prefixProperty: "identifierPrefix",
        prefixRandomLength: PREFIX_26,
        // pulumi-aws computes the identifier with no separator between the logical name and the random part.
        autoname: { separator: "", randomLength: 7 },
        maxLength: 63,
        ...RDS_IDENTIFIER,
    },
    {
        id: "rds-final-snapshot-identifier",
        types: [T.rdsInstance],
        what: "RDS final snapshot identifier",
        description: "RDS final snapshot identifiers: at most 255 letters, digits and hyphens, starting with a letter, no \"--\", no trailing \"-\".",
        fix: "Build the final snapshot identifier from letters, digits and single hyphens, starting with a letter.",
        sources: [NAME_SOURCES.rdsCreateInstance],
        property: "finalSnapshotIdentifier",
        maxLength: 255,
        allowed: /[A-Za-z0-9-]/,
        allowedText: "letters, digits and hyphens",
        first: LETTER,
        noDoubleHyphen: true,
        noTrailingHyphen: true,
    },
    {
        id: "rds-proxy-name",
        types: [T.rdsProxy],
        what: "RDS Proxy name",
        description: "RDS Proxy names: at most 63 lower-case letters, digits and hyphens, starting with a letter, no \"--\", no trailing \"-\".",
        fix: "Shorten the logical name (or the project and stack names) and use only lower-case letters, digits and single hyphens.",
        sources: [NAME_SOURCES.rdsCreateProxy, NAME_SOURCES.tfRdsValidate, NAME_SOURCES.pulumiAwsAutonaming],
        property: "name",
        autoname: DASH_7,
        maxLength: 63,
        ...RDS_IDENTIFIER,
    },
    {
        id: "rds-parameter-group-name",
        types: [T.rdsParameterGroup],
        what: "DB parameter group name",
        description:
            "DB parameter group names: at most 255 lower-case letters, digits and hyphens, starting with a letter, no \"--\", no trailing \"-\".",
        fix: "Use only lower-case letters, digits and single hyphens in the logical name (or the project and stack names).",
        sources: [NAME_SOURCES.tfRdsValidate, NAME_SOURCES.pulumiAwsAutonaming],
        property: "name",
        prefixProperty: "namePrefix",
        prefixRandomLength: PREFIX_26,
        autoname: DASH_7,
        maxLength: 255,
        ...RDS_IDENTIFIER,
    },
    {
        id: "rds-subnet-group-name",
        types: [T.rdsSubnetGroup],
        what: "DB subnet group name",
        description: "DB subnet group names: at most 255 lower-case letters, digits, spaces and . _ -; not \"default\".",
        fix: "Use only lower-case letters, digits, spaces and . _ - in the logical name (or the project and stack names).",
        sources: [NAME_SOURCES.tfRdsValidate, NAME_SOURCES.pulumiAwsLowercase],
        property: "name",
        prefixProperty: "namePrefix",
        prefixRandomLength: PREFIX_26,
        autoname: DASH_7,
        maxLength: 255,
        allowed: /[a-z0-9_ .-]/,
        allowedText: "lower-case letters, digits, spaces and . _ -",
        forbiddenNames: ["default"],
    },
    {
        id: "ec2-security-group-name",
        types: [T.securityGroup],
        what: "security group name",
        description: "Security group names: at most 255 characters of a-z A-Z 0-9, spaces and ._-:/()#,@[]+=&;{}!$*; not starting with sg-.",
        fix: "Shorten the logical name or set an explicit name within the allowed characters.",
        sources: [NAME_SOURCES.ec2CreateSecurityGroup, NAME_SOURCES.pulumiAwsAutonaming],
        property: "name",
        prefixProperty: "namePrefix",
        prefixRandomLength: PREFIX_26,
        autoname: DASH_7,
        maxLength: 255,
        allowed: /[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]/,
        allowedText: "a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$*",
        forbiddenPrefixes: ["sg-"],
    },
    {
        id: "kms-alias-name",
        types: [T.kmsAlias],
        what: "KMS alias name",
        description: "KMS alias names: \"alias/\" followed by letters, digits and / _ -, at most 256 characters, not under alias/aws/.",
        fix: "Build the alias as alias/<letters, digits, / _ ->, outside alias/aws/.",
        sources: [NAME_SOURCES.kmsAliases, NAME_SOURCES.pulumiAwsAutonaming],
        property: "name",
        prefixProperty: "namePrefix",
        prefixRandomLength: PREFIX_26,
        autoname: { ...DASH_7, transform: (n) => (n.startsWith("alias/") ? n : `alias/${n}`) },
        maxLength: 256,
        allowed: /[A-Za-z0-9/_-]/,
        allowedText: "letters, digits and / _ -",
        requiredPrefix: "alias/",
        forbiddenPrefixes: ["alias/aws/"],
    },
    {
        id: "secretsmanager-secret-name",
        types: [T.secret],
        what: "Secrets Manager secret name",
        description: "Secrets Manager secret names: at most 512 characters of letters, digits and /_+=.@-.",
        fix: "Shorten the logical name or set an explicit name within the allowed characters.",
        sources: [NAME_SOURCES.secretsCreate, NAME_SOURCES.pulumiAwsAutonaming],
        property: "name",
        prefixProperty: "namePrefix",
        prefixRandomLength: PREFIX_26,
        autoname: DASH_7,
        maxLength: 512,
        allowed: /[A-Za-z0-9/_+=.@-]/,
        allowedText: "letters, digits and /_+=.@-",
    },
    {
        id: "cloudwatch-log-group-name",
        types: [T.logGroup],
        what: "log group name",
        description: "CloudWatch Logs group names: at most 512 characters of letters, digits and _ - / . #.",
        fix: "Shorten the name or keep to letters, digits and _ - / . #.",
        sources: [NAME_SOURCES.logsCreateGroup, NAME_SOURCES.pulumiAwsAutonaming],
        property: "name",
        prefixProperty: "namePrefix",
        prefixRandomLength: PREFIX_26,
        autoname: DASH_7,
        maxLength: 512,
        allowed: /[A-Za-z0-9_\-/.#]/,
        allowedText: "letters, digits and _ - / . #",
    },
    {
        id: "cloudwatch-dashboard-name",
        types: [T.dashboard],
        what: "CloudWatch dashboard name",
        description: "CloudWatch dashboard names: at most 255 letters, digits, hyphens and underscores (not autonamed: the program names it).",
        fix: "Name the dashboard with letters, digits, - and _ only (the project and stack names included).",
        sources: [NAME_SOURCES.cloudwatchPutDashboard],
        property: "dashboardName",
        maxLength: 255,
        allowed: /[A-Za-z0-9_-]/,
        allowedText: "letters, digits, hyphens and underscores",
    },
    {
        id: "apigatewayv2-api-name",
        types: [T.httpApi],
        what: "API Gateway API name",
        description: "API Gateway (v2) API names: at most 128 characters.",
        fix: "Shorten the logical name (or the project and stack names), or set a shorter explicit name.",
        sources: [NAME_SOURCES.apiGatewayApi, NAME_SOURCES.pulumiAwsAutonaming],
        property: "name",
        autoname: DASH_7,
        maxLength: 128,
        allowed: /./u,
        allowedText: "any characters",
    },
    {
        id: "apigatewayv2-stage-name",
        types: [T.stage],
        what: "API Gateway stage name",
        description: "API Gateway stage names: $default, or at most 128 letters, digits, hyphens and underscores.",
        fix: "Name the stage $default or use only letters, digits, - and _.",
        sources: [NAME_SOURCES.apiGatewayNotes, NAME_SOURCES.pulumiAwsAutonaming],
        property: "name",
        autoname: DASH_7,
        maxLength: 128,
        allowed: /[A-Za-z0-9_-]/,
        allowedText: "letters, digits, hyphens and underscores",
        alwaysAllowed: ["$default"],
    },
    {
        id: "eventbridge-bus-name",
        types: [T.eventBus],
        what: "EventBridge event bus name",
        description: "Custom event bus names: at most 256 characters of letters, digits and . - _ / (no partner-bus prefix aws.).",
        fix: "Shorten the logical name (or the project and stack names), and use only letters, digits and . - _ /.",
        sources: [NAME_SOURCES.eventsCreateBus, NAME_SOURCES.pulumiAwsAutonaming],
        property: "name",
        autoname: DASH_7,
        maxLength: 256,
        allowed: /[A-Za-z0-9._/-]/,
        allowedText: "letters, digits and . - _ /",
        forbiddenPrefixes: ["aws."],
    },
    {
        id: "eventbridge-rule-name",
        types: [T.eventRule],
        what: "EventBridge rule name",
        description: "EventBridge rule names: at most 64 characters of letters, digits and . - _.",
        fix: "Shorten the logical name (or the project and stack names), and use only letters, digits and . - _.",
        sources: [NAME_SOURCES.eventsPutRule, NAME_SOURCES.pulumiAwsAutonaming],
        property: "name",
        prefixProperty: "namePrefix",
        prefixRandomLength: PREFIX_26,
        autoname: DASH_7,
        maxLength: 64,
        allowed: /[A-Za-z0-9._-]/,
        allowedText: "letters, digits and . - _",
    },
    {
        id: "scheduler-schedule-name",
        types: [T.schedule],
        what: "EventBridge Scheduler schedule name",
        description: "Schedule names: at most 64 characters of letters, digits and . - _.",
        fix: "Shorten the logical name (or the project and stack names), and use only letters, digits and . - _.",
        sources: [NAME_SOURCES.schedulerCreate, NAME_SOURCES.pulumiAwsAutonaming],
        property: "name",
        prefixProperty: "namePrefix",
        prefixRandomLength: PREFIX_26,
        autoname: DASH_7,
        maxLength: 64,
        allowed: /[A-Za-z0-9._-]/,
        allowedText: "letters, digits and . - _",
    },
    {
        id: "sqs-queue-name",
        types: [T.sqsQueue],
        what: "SQS queue name",
        description: "SQS queue names: at most 80 characters of letters, digits, hyphens and underscores (a FIFO queue's .fifo suffix included).",
        fix: "Shorten the logical name (or the project and stack names), and use only letters, digits, - and _.",
        sources: [NAME_SOURCES.sqsCreateQueue, NAME_SOURCES.pulumiAwsAutonaming],
        property: "name",
        prefixProperty: "namePrefix",
        prefixRandomLength: PREFIX_26,
        autoname: DASH_7,
        maxLength: 80,
        allowed: /[A-Za-z0-9_-]/,
        allowedText: "letters, digits, hyphens and underscores",
    },
];
