import type { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";

/**
 * Starts loading the SDK's Secrets Manager client and returns it once loaded. The import is dynamic so that
 * only a container that reads a secret pays for it: an IAM-mode API never loads the SDK. Starting it when the
 * container is built, not at the first fetch, lets it overlap with the rest of the first request's setup.
 */
export function loadSecretsManagerClient(): Promise<SecretsManagerClient> {
    const client = import("@aws-sdk/client-secrets-manager").then(({ SecretsManagerClient }) => new SecretsManagerClient({}));
    // A failed import surfaces at the first fetch, which awaits this promise; until then it must not count
    // as an unhandled rejection, which would end the Lambda process.
    client.catch(() => undefined);
    return client;
}
