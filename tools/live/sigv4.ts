import { createHash, createHmac, type Hash, type Hmac } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";
import type { HttpClient } from "./http";

/** Access key, secret and (for a role session, as in CI through OIDC) a session token. */
export type AwsCredentials = ConstructorParameters<typeof SignatureV4>[0]["credentials"];

type Data = string | ArrayBuffer | ArrayBufferView;

function bytes(data: Data): Buffer {
    if (typeof data === "string") {
        return Buffer.from(data, "utf8");
    }
    return ArrayBuffer.isView(data) ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data);
}

/**
 * SHA-256 (and HMAC-SHA-256 with a secret) from node:crypto, in the shape the Smithy signer asks
 * for. The SDK's own `@aws-crypto/sha256-js` is not installed here and node:crypto is the same hash.
 */
export class NodeSha256 {
    private hash: Hash | Hmac;

    constructor(private readonly secret?: Data) {
        this.hash = this.fresh();
    }

    update(chunk: Data): void {
        this.hash.update(bytes(chunk));
    }

    async digest(): Promise<Uint8Array> {
        return new Uint8Array(this.hash.digest());
    }

    reset(): void {
        this.hash = this.fresh();
    }

    private fresh(): Hash | Hmac {
        return this.secret === undefined ? createHash("sha256") : createHmac("sha256", bytes(this.secret));
    }
}

const EXECUTE_API_HOST = /^[a-z0-9]+\.execute-api\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/;

/** The region in an API Gateway URL (`https://<id>.execute-api.<region>.amazonaws.com/`), if it is one. */
export function executeApiRegion(apiUrl: string): string | undefined {
    return EXECUTE_API_HOST.exec(new URL(apiUrl).hostname)?.[1];
}

export interface SigV4Options {
    readonly region: string;
    readonly credentials: AwsCredentials;
    /** `execute-api` for API Gateway (IAM authorization). */
    readonly service?: string;
    /** The signing time; tests fix it to compare with known signatures. */
    readonly now?: () => Date;
}

/**
 * Signs every request with Signature Version 4 before handing it to `base`: what API Gateway
 * checks on routes with `AWS_IAM` authorization. The signature covers the method, path, query,
 * the headers sent and the body, so the body must be sent byte for byte as signed.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-access-control-iam.html
 */
export function sigV4Client(base: HttpClient, options: SigV4Options): HttpClient {
    const signer = new SignatureV4({
        service: options.service ?? "execute-api",
        region: options.region,
        credentials: options.credentials,
        sha256: NodeSha256,
        // x-amz-content-sha256 is an S3 header; API Gateway hashes the body itself.
        applyChecksum: false,
    });
    return async (request) => {
        const url = new URL(request.url);
        const query: Record<string, string> = {};
        url.searchParams.forEach((value, name) => {
            query[name] = value;
        });
        const signed = await signer.sign(
            {
                method: request.method,
                protocol: url.protocol,
                hostname: url.hostname,
                port: url.port === "" ? undefined : Number(url.port),
                path: url.pathname,
                query,
                headers: { ...request.headers, host: url.host },
                body: request.body,
            },
            { signingDate: options.now?.() ?? new Date() },
        );
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(signed.headers)) {
            headers[name.toLowerCase()] = value;
        }
        return base({ ...request, headers });
    };
}
