import * as pulumi from "@pulumi/pulumi";
import { parseConfig } from "./parse";
import type { BlueprintConfig } from "./types";

/**
 * Which config keys the user set with `--secret`. The engine hands the program the whole config as one JSON object
 * (PULUMI_CONFIG) and the secret keys' names beside it (PULUMI_CONFIG_SECRET_KEYS), which the SDK reads through
 * `runtime.isConfigSecret` (https://github.com/pulumi/pulumi/pull/6896). `pulumi.Config#get` alone would return a
 * secret in plain text (https://github.com/pulumi/pulumi/issues/8503), hence this check on every key. The function
 * is exported by the SDK but marked internal in its typings.
 */
function secretKeys(keys: readonly string[]): string[] {
    const isConfigSecret = (pulumi.runtime as unknown as { isConfigSecret?: (key: string) => boolean }).isConfigSecret;
    if (typeof isConfigSecret !== "function") {
        throw new Error("@pulumi/pulumi no longer exports runtime.isConfigSecret: infra/config/load.ts cannot tell secret settings apart; update it before deploying");
    }
    return keys.filter((key) => isConfigSecret(key));
}

/** Reads the current stack's configuration from the Pulumi runtime once, then validates it (parse.ts). */
export function loadConfig(): BlueprintConfig {
    // allConfig() is the whole stack config, every namespace included, which is what lets parseConfig refuse keys
    // in a namespace nothing reads.
    const config = pulumi.runtime.allConfig();
    return parseConfig({ project: pulumi.getProject(), stack: pulumi.getStack(), config, secretKeys: secretKeys(Object.keys(config)) });
}
