import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";

export type HttpResult = APIGatewayProxyStructuredResultV2 & { statusCode: number; headers: Record<string, string> };

/** A JSON response. Responses are never cached: they carry live state. */
export function json(statusCode: number, body: unknown, headers: Readonly<Record<string, string>> = {}): HttpResult {
    return {
        statusCode,
        headers: { "content-type": "application/json", "cache-control": "no-store", ...headers },
        body: JSON.stringify(body),
    };
}

/** The body of every error: a stable code for programs, a sentence for people, and the id to find the logs. */
export interface ErrorBody {
    readonly error: string;
    readonly message: string;
    readonly requestId: string;
    readonly [extra: string]: unknown;
}

/** The strong ETag of an order version, e.g. `"3"`. */
export function etag(version: number): string {
    return `"${version}"`;
}
