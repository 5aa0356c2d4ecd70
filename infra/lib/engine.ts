/**
 * MySQL major versions that both RDS and RDS Proxy support. The parameter group family
 * follows the major version, so a minor upgrade never replaces the parameter group.
 */
export const SUPPORTED_MYSQL_MAJORS = ["8.0", "8.4"] as const;
export type MysqlMajor = (typeof SUPPORTED_MYSQL_MAJORS)[number];

const ENGINE_VERSION = /^(\d+\.\d+)(\.\d+)?$/;

export function mysqlMajor(engineVersion: string): MysqlMajor | undefined {
    const match = ENGINE_VERSION.exec(engineVersion);
    const major = match?.[1];
    return (SUPPORTED_MYSQL_MAJORS as readonly string[]).includes(major ?? "") ? (major as MysqlMajor) : undefined;
}

export function parameterGroupFamily(engineVersion: string): string {
    const major = mysqlMajor(engineVersion);
    if (!major) {
        throw new Error(`unsupported MySQL engine version "${engineVersion}"`);
    }
    return `mysql${major}`;
}

/**
 * Whether RDS may apply minor upgrades on its own. Only when the stack names a major version
 * ("8.4"): the provider then keeps the prefix and reports the running minor in
 * `engineVersionActual`. A pinned minor ("8.4.6") that RDS upgraded past would make the next
 * `pulumi up` ask for a downgrade, which RDS refuses (terraform-provider-aws#39579), so a pin
 * means the stack upgrades itself.
 */
export function autoMinorVersionUpgrade(engineVersion: string): boolean {
    return ENGINE_VERSION.exec(engineVersion)?.[2] === undefined;
}

/**
 * Instance classes on which RDS for MySQL does not offer Performance Insights
 * (the burstable micro and small sizes).
 */
export function supportsPerformanceInsights(instanceClass: string): boolean {
    return !/^db\.t\d+g?\.(micro|small)$/.test(instanceClass);
}

/**
 * How clients authenticate to RDS Proxy with a password. MySQL 8.4 turns mysql_native_password off
 * by default, so its proxies use caching_sha2_password (mysql2 supports both); 8.0 keeps the native
 * plugin most drivers default to. Set explicitly so the proxy never drifts to a provider default.
 */
export function proxyClientPasswordAuthType(engineVersion: string): "MYSQL_CACHING_SHA2_PASSWORD" | "MYSQL_NATIVE_PASSWORD" {
    return mysqlMajor(engineVersion) === "8.4" ? "MYSQL_CACHING_SHA2_PASSWORD" : "MYSQL_NATIVE_PASSWORD";
}
