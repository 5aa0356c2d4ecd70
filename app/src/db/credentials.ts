import type { DatabaseCredentials } from "../secrets/credentialsSecret";
import type { SecretCache } from "../secrets/secretCache";

/** Where the login for the next connection comes from. */
export interface CredentialSource {
    /** `refresh` is set after the server refused the previous login, e.g. after a password rotation. */
    get(options: { readonly refresh: boolean }): Promise<DatabaseCredentials>;
}

/** Login from a Secrets Manager secret, cached for its TTL. */
export class SecretCredentialSource implements CredentialSource {
    constructor(private readonly cache: SecretCache<DatabaseCredentials>) {}

    get(options: { readonly refresh: boolean }): Promise<DatabaseCredentials> {
        return this.cache.get({ forceFetch: options.refresh });
    }
}

/** What signs IAM database tokens: `IamAuthTokenSigner`, or anything shaped like `@aws-sdk/rds-signer`'s Signer. */
export interface AuthTokenSigner {
    getAuthToken(): Promise<string>;
}

/** IAM database authentication: a fresh 15-minute token per connection, signed locally (no network call). */
export class IamCredentialSource implements CredentialSource {
    constructor(
        private readonly signer: AuthTokenSigner,
        private readonly username: string,
    ) {}

    async get(): Promise<DatabaseCredentials> {
        return { username: this.username, password: await this.signer.getAuthToken() };
    }
}
