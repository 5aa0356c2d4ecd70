/**
 * Every way a text can wrap a credential, tried in turn: what each decoder of this folder finds,
 * as named values (scanned under their name), inner texts (scanned again, decoders included) and
 * findings a decoder makes itself (a cloud-init password hash). `where` prefixes the finding's
 * message, so the report says which layer held it.
 */
import { isStorageEmulatorAccount } from "../examples";
import type { Finding } from "../findings";
import { decodeBase64Text } from "./base64";
import { cloudConfigPart, cloudInitPasswords } from "./cloudInit";
import { connectionStringPairs } from "./connectionString";
import { ecsEngineAuthPasswords } from "./ecsAgent";
import { jsonLeaves } from "./json";
import { dockerConfigPasswords } from "./registryAuth";
import { shellCredentials } from "./shell";
import { yamlLeaves } from "./yamlDocument";

export interface Layer {
    named: { name: string; value: unknown; where: string }[];
    texts: { text: string; where: string }[];
    findings: Finding[];
}

const layer = (part: Partial<Layer>): Layer => ({ named: [], texts: [], findings: [], ...part });

/** The layers `text` decodes to, most specific first; empty when no decoder recognises it. */
export function decodeLayers(text: string): Layer[] {
    const layers: Layer[] = [];
    const docker = dockerConfigPasswords(text);
    if (docker) {
        return [layer({ named: docker.map((p) => ({ name: "password", value: p.value, where: `holds a Docker config whose "${p.name}"` })) })];
    }
    const json = jsonLeaves(text);
    if (json) {
        layers.push(
            layer({
                named: json.filter((l) => l.key !== undefined).map((l) => ({ name: l.key!, value: l.value, where: `holds a JSON document whose "${l.path}"` })),
                texts: json.filter((l) => l.key === undefined && typeof l.value === "string").map((l) => ({ text: l.value as string, where: `holds a JSON document whose "${l.path}"` })),
            }),
        );
        return layers;
    }
    const pairs = connectionStringPairs(text);
    if (pairs) {
        // A connection string is nothing else (not a shell line, not YAML).
        return isStorageEmulatorAccount(pairs) ? [] : [layer({ named: pairs.map((p) => ({ ...p, where: `holds a connection string whose "${p.name}"` })) })];
    }
    const decoded = decodeBase64Text(text);
    if (decoded !== undefined) {
        layers.push(layer({ texts: [{ text: decoded, where: "holds base64 that decodes to text which" }] }));
    }
    const cloudConfig = cloudConfigPart(text);
    const passwords = cloudConfig === undefined ? undefined : cloudInitPasswords(cloudConfig);
    if (passwords) {
        layers.push(
            layer({
                named: passwords.plain.map((p) => ({ ...p, where: `holds a cloud-init document whose "${p.name}"` })),
                findings: passwords.hashes.map((at) => ({
                    kind: "password-hash",
                    message: `holds a cloud-init document whose "${at}" is a password hash (readable with the user data, crackable offline)`,
                    anchor: "cloud-init users/chpasswd",
                })),
            }),
        );
    }
    const registry = ecsEngineAuthPasswords(text);
    if (registry.length > 0) {
        layers.push(layer({ named: registry.map((p) => ({ name: "password", value: p.value, where: `sets ECS_ENGINE_AUTH_DATA whose "${p.name}"` })) }));
    }
    const shell = shellCredentials(text);
    if (shell.length > 0) {
        layers.push(layer({ named: shell.map((p) => ({ ...p, where: `runs a command whose "${p.name}"` })) }));
    }
    const yaml = cloudConfig === undefined ? yamlLeaves(text) : undefined;
    if (yaml) {
        layers.push(layer({ named: yaml.filter((l) => l.key !== undefined).map((l) => ({ name: l.key!, value: l.value, where: `holds a YAML document whose "${l.path}"` })) }));
    }
    return layers;
}
