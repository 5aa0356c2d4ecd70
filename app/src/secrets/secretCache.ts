import type { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { SecretFetchError } from "./errors";

export interface SecretCacheOptions<T> {
    /** A client, or one being loaded: the API imports the SDK only in secret mode (see `secretsManagerClient.ts`). */
    readonly client: SecretsManagerClient | PromiseLike<SecretsManagerClient>;
    readonly secretId: string;
    /** How long a fetched value is served from memory; 0 fetches on every `get()`. */
    readonly ttlSeconds: number;
    /** Turns the secret string into the value served; runs once per fetch. */
    readonly parse: (secretString: string, secretId: string) => T;
    /** Clock in milliseconds; injectable for tests. */
    readonly now?: () => number;
}

/**
 * One secret, fetched once and then served from memory until the TTL runs out.
 * Concurrent callers during a fetch share it, so a cold container makes one GetSecretValue call.
 */
export class SecretCache<T> {
    private value: { readonly data: T; readonly expiresAt: number } | undefined;
    private inFlight: Promise<T> | undefined;
    private fetches = 0;
    private readonly now: () => number;

    constructor(private readonly options: SecretCacheOptions<T>) {
        this.now = options.now ?? Date.now;
    }

    /** Number of GetSecretValue calls made so far (for the benchmark and tests). */
    get fetchCount(): number {
        return this.fetches;
    }

    /** The cached value, or a fresh one when expired or when `forceFetch` is set (after a login was refused). */
    async get(options: { readonly forceFetch?: boolean } = {}): Promise<T> {
        if (!options.forceFetch && this.value !== undefined && this.now() < this.value.expiresAt) {
            return this.value.data;
        }
        this.inFlight ??= this.fetch().finally(() => {
            this.inFlight = undefined;
        });
        return this.inFlight;
    }

    /** Forgets the cached value. */
    clear(): void {
        this.value = undefined;
    }

    private async fetch(): Promise<T> {
        const { client, secretId, ttlSeconds, parse } = this.options;
        this.fetches += 1;
        let secretString: string | undefined;
        try {
            // A dynamic import, so that this module costs nothing where no secret is read; after the first
            // fetch it is a lookup in the module cache.
            const { GetSecretValueCommand } = await import("@aws-sdk/client-secrets-manager");
            const output = await (await client).send(new GetSecretValueCommand({ SecretId: secretId }));
            secretString = output.SecretString;
        } catch (error) {
            throw new SecretFetchError(`Could not read secret ${secretId}`, { cause: error });
        }
        if (secretString === undefined) {
            throw new SecretFetchError(`Secret ${secretId} has no SecretString (binary secrets are not supported)`);
        }
        const data = parse(secretString, secretId);
        this.value = { data, expiresAt: this.now() + ttlSeconds * 1000 };
        return data;
    }
}
