import { readFileSync } from "node:fs";
import type { SslOptions } from "mysql2";
import type { TlsSetting } from "../config";

/**
 * mysql2 TLS options for a setting. Certificates are always verified, host names too (`verifyIdentity`
 * is off by default in mysql2). `defaultCa` is used when no CA file is configured; leaving it out
 * means Node's built-in roots, which already hold the Amazon roots that RDS Proxy certificates chain to.
 */
export function tlsOptions(setting: TlsSetting, defaultCa?: () => string[]): SslOptions | undefined {
    if (setting.mode === "disabled") {
        return undefined;
    }
    const ca = setting.caFile !== undefined ? readFileSync(setting.caFile, "utf8") : defaultCa?.();
    return {
        ...(ca !== undefined ? { ca } : {}),
        rejectUnauthorized: true,
        verifyIdentity: true,
        minVersion: "TLSv1.2",
    };
}
