/**
 * Private registry credentials for the ECS container agent, written to /etc/ecs/ecs.config by
 * user data: `ECS_ENGINE_AUTH_TYPE=docker|dockercfg` and `ECS_ENGINE_AUTH_DATA=<JSON>`
 * (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/private-auth-container-instances.html).
 * `docker` data holds `{"<registry>": {"username", "password", "email"}}`; `dockercfg` data holds
 * `{"<registry>": {"auth": base64("user:password"), "email"}}` (read by ./registryAuth).
 */
import { registryAuthPasswords } from "./registryAuth";
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
        found.push(...registryAuthPasswords(data));
    }
    return found;
}
