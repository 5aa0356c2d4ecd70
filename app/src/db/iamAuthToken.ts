import { createHash, createHmac } from "node:crypto";
import type { AuthTokenSigner } from "./credentials";

/** A token could not be signed: no credentials or no region in the environment. Nothing was sent anywhere. */
export class TokenSigningError extends Error {
    override readonly name = "TokenSigningError";
}

/** AWS credentials, as the Lambda runtime puts them into the function's environment. */
export interface AwsCredentials {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly sessionToken?: string;
}

export interface IamAuthTokenOptions {
    /** The endpoint the token is for, exactly as the client connects to it. */
    readonly hostname: string;
    readonly port: number;
    readonly username: string;
    /** `AWS_REGION`; the token cannot be signed without it. */
    readonly region: string | undefined;
    /** Read at every signing; the execution role's credentials from the environment by default. */
    readonly credentials?: () => AwsCredentials;
    /** Injectable for tests, which compare tokens signed at a fixed time. */
    readonly now?: () => Date;
}

/** What `@aws-sdk/rds-signer` passes to SigV4: tokens last 15 minutes, the maximum RDS accepts. */
const expiresInSeconds = 900;
const service = "rds-db";
const algorithm = "AWS4-HMAC-SHA256";
/** SHA-256 of the empty body of the GET that is presigned. */
const emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/**
 * The execution role's credentials. Lambda sets AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and
 * AWS_SESSION_TOKEN in every function's environment ("Defined runtime environment variables",
 * https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime),
 * which is also the first place the SDK's default provider chain looks.
 */
export function environmentCredentials(env: Readonly<Record<string, string | undefined>> = process.env): AwsCredentials {
    const accessKeyId = env.AWS_ACCESS_KEY_ID;
    const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
    if (!accessKeyId || !secretAccessKey) {
        throw new TokenSigningError("No AWS credentials in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) to sign an IAM database token");
    }
    const sessionToken = env.AWS_SESSION_TOKEN;
    return sessionToken ? { accessKeyId, secretAccessKey, sessionToken } : { accessKeyId, secretAccessKey };
}

// RFC 3986 encoding, as SigV4 wants it: encodeURIComponent leaves !'()* alone, SigV4 encodes them.
function escape(value: string): string {
    return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function queryString(query: Readonly<Record<string, string>>): string {
    return Object.keys(query)
        .sort()
        .map((key) => `${escape(key)}=${escape(query[key] as string)}`)
        .join("&");
}

const hmac = (key: string | Buffer, data: string): Buffer => createHmac("sha256", key).update(data, "utf8").digest();

/**
 * Signs RDS IAM authentication tokens: a SigV4 presigned `GET https://<host>:<port>/?Action=connect&DBUser=<user>`
 * for service `rds-db`, valid 15 minutes, without its `https://` (the format RDS and RDS Proxy check; "Connecting
 * to your DB instance using IAM authentication", RDS User Guide).
 *
 * Why not `@aws-sdk/rds-signer`: it is this same computation, but it brings @smithy/core, the SDK's default
 * credential-provider chain and bowser, about 300 KiB that every cold start would load and compile, to sign one
 * string per new connection. `@smithy/signature-v4` alone still brings ~200 KiB of @smithy/core. What is left
 * here is the SigV4 query-string recipe (canonical request, string to sign, derived key), with the hashing
 * and HMAC done by node:crypto: no cryptography of our own. `test/app/db/iamAuthToken.test.ts` checks that
 * the tokens are byte for byte those of `@aws-sdk/rds-signer` for the same credentials, time and endpoint.
 * The signer stays injectable (`ApiOverrides.signer`): a fork that needs another credential source can pass
 * rds-signer's `Signer` itself.
 */
export class IamAuthTokenSigner implements AuthTokenSigner {
    private readonly credentials: () => AwsCredentials;
    private readonly now: () => Date;

    constructor(private readonly options: IamAuthTokenOptions) {
        this.credentials = options.credentials ?? (() => environmentCredentials());
        this.now = options.now ?? (() => new Date());
    }

    async getAuthToken(): Promise<string> {
        const { hostname, port, username, region } = this.options;
        if (!region) {
            throw new TokenSigningError("AWS_REGION is not set: cannot sign an IAM database token");
        }
        const credentials = this.credentials();
        const longDate = this.now().toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
        const shortDate = longDate.slice(0, 8);
        const scope = `${shortDate}/${region}/${service}/aws4_request`;
        const host = `${hostname}:${port}`;
        const query: Record<string, string> = {
            Action: "connect",
            DBUser: username,
            "X-Amz-Algorithm": algorithm,
            "X-Amz-Credential": `${credentials.accessKeyId}/${scope}`,
            "X-Amz-Date": longDate,
            "X-Amz-Expires": String(expiresInSeconds),
            "X-Amz-SignedHeaders": "host",
            ...(credentials.sessionToken ? { "X-Amz-Security-Token": credentials.sessionToken } : {}),
        };
        const canonicalRequest = ["GET", "/", queryString(query), `host:${host}`, "", "host", emptyPayloadHash].join("\n");
        const stringToSign = [algorithm, longDate, scope, createHash("sha256").update(canonicalRequest, "utf8").digest("hex")].join("\n");
        let key: string | Buffer = `AWS4${credentials.secretAccessKey}`;
        for (const part of [shortDate, region, service, "aws4_request"]) {
            key = hmac(key, part);
        }
        const signature = createHmac("sha256", key).update(stringToSign, "utf8").digest("hex");
        return `${host}/?${queryString({ ...query, "X-Amz-Signature": signature })}`;
    }
}
