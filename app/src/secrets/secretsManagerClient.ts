import type { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";

/**
 * The SDK's Secrets Manager client, imported on demand: only a container that reads a secret pays for loading
 * the SDK, and an IAM-mode API never does. Called once per container, when the container is built.
 */
export function loadSecretsManagerClient(): Promise<SecretsManagerClient> {
    const client = import("@aws-sdk/client-secrets-manager").then(({ SecretsManagerClient }) => new SecretsManagerClient({}));
    // A failed import surfaces at the first fetch, which awaits this promise; until then it must not count
    // as an unhandled rejection, which would end the Lambda process.
    client.catch(() => undefined);
    return client;
}
