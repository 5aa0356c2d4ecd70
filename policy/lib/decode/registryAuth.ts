/**
 * Container registry credentials in Docker's formats: `~/.docker/config.json` (`{"auths": {"<registry>":
 * {"auth": base64("user:password")}}}`, also GitLab CI's DOCKER_AUTH_CONFIG and Kubernetes'
 * `.dockerconfigjson`; https://docs.docker.com/reference/cli/docker/login/#credential-stores) and the
 * older `.dockercfg` map without `auths`, which the ECS agent takes as ECS_ENGINE_AUTH_DATA (./ecsAgent).
 */
import type { NamedValue } from "./shell";

const record = (v: unknown): Record<string, unknown> | undefined => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

/** The password of one registry entry: its `password`, or the part after ":" of its base64 `auth`. */
function entryPasswords(registry: string, raw: unknown): NamedValue[] {
    const entry = record(raw) ?? {};
    const found: NamedValue[] = [];
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
    return found;
}

/** The passwords of a registry map (`{"<registry>": {...}}`), or of its `auths` when it is a config.json. */
export function registryAuthPasswords(document: unknown): NamedValue[] {
    const root = record(document);
    const registries = record(root?.auths) ?? root ?? {};
    return Object.entries(registries).flatMap(([registry, entry]) => entryPasswords(registry, entry));
}

/**
 * The passwords of a Docker config.json, whole or written by a line of a script
 * (`echo '{"auths": ...}' > ~/.docker/config.json`), or undefined when there is none.
 */
export function dockerConfigPasswords(text: string): NamedValue[] | undefined {
    if (!/"auths"\s*:/.test(text)) {
        return undefined;
    }
    const candidates = [text, ...text.split(/\r?\n/).filter((line) => line.includes('"auths"')).map((line) => line.slice(line.indexOf("{"), line.lastIndexOf("}") + 1))];
    for (const candidate of candidates) {
        try {
            const found = registryAuthPasswords(JSON.parse(candidate.trim()) as unknown);
            if (found.length > 0) {
                return found;
            }
        } catch {
            // not this one
        }
    }
    return undefined;
}
