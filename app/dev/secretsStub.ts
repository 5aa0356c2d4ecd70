import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { readBody, reply } from "./awsJsonProtocol";

/** A local stand-in for AWS Secrets Manager: GetSecretValue and PutSecretValue, JSON 1.1 protocol. */
export interface SecretsStub {
    /** For AWS_ENDPOINT_URL_SECRETS_MANAGER. */
    readonly endpoint: string;
    /** Sets a secret's current value (objects are stored as JSON, as the console does). */
    put(secretId: string, value: unknown): void;
    /** The secret's current string, as GetSecretValue would return it. */
    current(secretId: string): string | undefined;
    /** GetSecretValue calls served so far, per secret id. */
    fetches(secretId: string): number;
    close(): Promise<void>;
}

interface StoredSecret {
    value: string;
    versionId: string;
}

/** Starts the stub on a free loopback port. It checks no signature: it only ever listens on 127.0.0.1. */
export async function startSecretsStub(): Promise<SecretsStub> {
    const secrets = new Map<string, StoredSecret>();
    const counts = new Map<string, number>();
    const store = (secretId: string, value: unknown) =>
        secrets.set(secretId, { value: typeof value === "string" ? value : JSON.stringify(value), versionId: randomUUID() });

    const server = createServer((request, response) => {
        void (async () => {
            const target = String(request.headers["x-amz-target"] ?? "");
            const body = await readBody(request);
            const secretId = String(body.SecretId ?? "");
            if (target === "secretsmanager.GetSecretValue") {
                const secret = secrets.get(secretId);
                counts.set(secretId, (counts.get(secretId) ?? 0) + 1);
                if (secret === undefined) {
                    reply(response, 400, { __type: "ResourceNotFoundException", message: "Secrets Manager can't find the specified secret." });
                    return;
                }
                reply(response, 200, {
                    ARN: secretId,
                    Name: secretId,
                    SecretString: secret.value,
                    VersionId: secret.versionId,
                    VersionStages: ["AWSCURRENT"],
                    CreatedDate: Date.now() / 1000,
                });
            } else if (target === "secretsmanager.PutSecretValue") {
                store(secretId, body.SecretString);
                reply(response, 200, { ARN: secretId, Name: secretId, VersionId: secrets.get(secretId)?.versionId, VersionStages: ["AWSCURRENT"] });
            } else {
                reply(response, 400, { __type: "UnknownOperationException", message: `Not implemented by the stub: ${target}` });
            }
        })().catch((error: unknown) => reply(response, 500, { __type: "InternalServiceError", message: String(error) }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    server.unref();
    const { port } = server.address() as AddressInfo;
    return {
        endpoint: `http://127.0.0.1:${port}`,
        put: store,
        current: (secretId) => secrets.get(secretId)?.value,
        fetches: (secretId) => counts.get(secretId) ?? 0,
        close: () => new Promise((resolve) => server.close(() => resolve())),
    };
}
