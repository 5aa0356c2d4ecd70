/**
 * Private registry credentials for the ECS container agent, written to /etc/ecs/ecs.config by
 * user data: `ECS_ENGINE_AUTH_TYPE=docker|dockercfg` and `ECS_ENGINE_AUTH_DATA=<JSON>`
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/private-auth-container-instances.html).
 * `docker` data holds `{"<registry>": {"username", "password", "email"}}`; `dockercfg` data holds
 * `{"<registry>": {"auth": base64("user:password"), "email"}}`.
 */
import type { NamedValue } from "./shell";

const AUTH_DATA = /ECS_ENGINE_AUTH_DATA=(['"]?)(\{.*\})\1/g;

/** The registry passwords in every ECS_ENGINE_AUTH_DATA of a text, named by registry. */
export function ecsEngineAuthPasswords(text: string): NamedValue[] {
    const found: NamedValue[] = [];
    for (const match of text.matchAll(AUTH_DATA)) {
        let data: unknown;
        try {
            data = JSON.parse(match[2]!.replace(/\\"/g, '"'));
        } catch {
            continue;
        }
        for (const [registry, raw] of Object.entries(typeof data === "object" && data !== null ? data : {})) {
            const entry = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
            if (typeof entry.password === "string") {
                found.push({ name: `${registry} password`, value: entry.password });
            }
            if (typeof entry.auth === "string") {
                const pair = Buffer.from(entry.auth, "base64").toString("utf8");
                const colon = pair.indexOf(":");
                if (colon > 0) {
                    found.push({ name: `${registry} password`, value: pair.slice(colon + 1) });
                }
            }
        }
    }
    return found;
}
