import type { z } from "zod";
import { supportsPerformanceInsights } from "../lib/engine";
import { BORROW_TIMEOUT_MARGIN_SECONDS, maxBorrowTimeoutSeconds } from "../lib/functionTimeouts";
import { AUTOSCALING_FREE_STORAGE_SHARE, JWT_ISSUER_MAX_LENGTH, JWT_MAX_AUDIENCES, MASTER_USERNAME, MAX_USER_TAGS } from "./limits";
import type { SettingName, Settings } from "./settings";

/** Every setting's value once decoded and checked on its own. */
export type SettingValues = { readonly [K in SettingName]: z.output<Settings[K]["schema"]> };

/** Why a JWT issuer is unusable, or undefined when it is a URL API Gateway can fetch the OIDC discovery document from. */
export function jwtIssuerProblem(issuer: string): string | undefined {
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

/** The rules that involve more than one key (or a key's size as a whole), each issue on the key to change. */
export function crossKeyRules(c: SettingValues, ctx: z.RefinementCtx): void {
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
    const borrow = maxBorrowTimeoutSeconds({ apiTimeoutSeconds: c.lambdaTimeoutSeconds, events: c.events });
    if (c.proxyConnectionBorrowTimeoutSeconds > borrow.seconds) {
        ctx.addIssue({
            code: "custom",
            path: ["proxyConnectionBorrowTimeoutSeconds"],
            message:
                `must be at most ${borrow.seconds} s: ${borrow.limitedBy} would be killed while waiting for a connection instead of answering 503 ` +
                `(${BORROW_TIMEOUT_MARGIN_SECONDS} s are kept to give up cleanly); lower it, or raise lambdaTimeoutSeconds`,
        });
    }
    if (c.proxyMaxIdleConnectionsPercent > c.proxyMaxConnectionsPercent) {
        ctx.addIssue({ code: "custom", path: ["proxyMaxIdleConnectionsPercent"], message: "must not exceed proxyMaxConnectionsPercent" });
    }
}
