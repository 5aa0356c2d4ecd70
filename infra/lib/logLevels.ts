/**
 * How a function's logs are filtered: by Powertools alone, at the stack's `logLevel` (`POWERTOOLS_LOG_LEVEL`), with
 * Lambda's own log-level filter off (`logFormat: "Text"`, which has no application level).
 *
 * Lambda's filter (JSON format) cannot be used with a level above INFO: a line without a `level` field counts as
 * INFO ("If the level value field is invalid or missing, Lambda assigns the log output the level INFO",
 * https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-log-level.html), and Powertools Metrics
 * writes its EMF lines without one, so WARN or ERROR would silence every app metric and the alarms on them (relay
 * backlog, parked events). Nor can it stay at INFO while Powertools filters more: whenever Lambda sets
 * AWS_LAMBDA_LOG_LEVEL, Powertools Logger takes that level and ignores its own setting (Logger's
 * `awsLogLevelShortCircuit`, @aws-lambda-powertools/logger 2.x), so a stack asking for ERROR would log at INFO.
 * With Text format Lambda sets no level and passes every line; Powertools writes JSON lines itself.
 */
export const LAMBDA_LOG_FORMAT = "Text";
