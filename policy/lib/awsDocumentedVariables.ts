/**
 * Environment variables that AWS documents as settings of its own Lambda extensions and layers.
 * Their names contain "secrets" or "token" because of what the extension does, not because they
 * hold one: `PARAMETERS_SECRETS_EXTENSION_LOG_LEVEL=debug` is a log level. The scanner skips the
 * password-like-name check for them (their values are still scanned for credential formats).
 *
 * Sources (read 2026-11):
 * - Parameters and Secrets Lambda Extension:
 *   https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets_lambda_env-var.html
 *   https://docs.aws.amazon.com/systems-manager/latest/userguide/ps-integration-lambda-extensions.html
 * - AppConfig Lambda extension:
 *   https://docs.aws.amazon.com/appconfig/latest/userguide/appconfig-integration-lambda-extensions-config.html
 */
export const AWS_DOCUMENTED_LAMBDA_VARIABLES: ReadonlySet<string> = new Set([
    "PARAMETERS_SECRETS_EXTENSION_CACHE_ENABLED",
    "PARAMETERS_SECRETS_EXTENSION_CACHE_SIZE",
    "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT",
    "PARAMETERS_SECRETS_EXTENSION_LOG_LEVEL",
    "PARAMETERS_SECRETS_EXTENSION_MAX_CONNECTIONS",
    "SECRETS_MANAGER_TIMEOUT_MILLIS",
    "SECRETS_MANAGER_TTL",
    "SSM_PARAMETER_STORE_TIMEOUT_MILLIS",
    "SSM_PARAMETER_STORE_TTL",
    "AWS_APPCONFIG_EXTENSION_POLL_INTERVAL_SECONDS",
    "AWS_APPCONFIG_EXTENSION_POLL_TIMEOUT_MILLIS",
    "AWS_APPCONFIG_EXTENSION_HTTP_PORT",
    "AWS_APPCONFIG_EXTENSION_LOG_LEVEL",
    "AWS_APPCONFIG_EXTENSION_MAX_CONNECTIONS",
    "AWS_APPCONFIG_EXTENSION_PREFETCH_LIST",
    "AWS_APPCONFIG_EXTENSION_PROXY_URL",
    "AWS_APPCONFIG_EXTENSION_PROXY_HEADERS",
    "AWS_APPCONFIG_EXTENSION_ROLE_ARN",
    "AWS_APPCONFIG_EXTENSION_ROLE_EXTERNAL_ID",
    "AWS_APPCONFIG_EXTENSION_ROLE_SESSION_NAME",
    "AWS_APPCONFIG_EXTENSION_SERVICE_REGION",
    "AWS_APPCONFIG_EXTENSION_MANIFEST",
]);

export function isAwsDocumentedLambdaVariable(name: string): boolean {
    return AWS_DOCUMENTED_LAMBDA_VARIABLES.has(name);
}
