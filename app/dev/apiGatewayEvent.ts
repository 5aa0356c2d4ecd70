import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

export interface EventSpec {
    readonly headers?: Readonly<Record<string, string>>;
    readonly body?: string;
    readonly rawQueryString?: string;
    readonly sourceIp?: string;
    /** The authenticated caller, as API Gateway's authorizer would report it (see {@link authorizerFor}); none: anonymous. */
    readonly caller?: string;
}

/**
 * The request header `npm run dev` takes the caller from, since nothing signs local requests. Only the dev
 * server reads it: deployed, the identity comes from the authorizer, and this header is just a header.
 */
export const devCallerHeader = "x-dev-caller";

/** The JWT issuer the dev server reports for a caller given as a token subject. */
export const devTokenIssuer = "https://dev.localhost";

/**
 * The `requestContext.authorizer` an HTTP API adds for a caller (payload 2.0): an ARN reads as a SigV4 signer
 * (`AWS_IAM` route), anything else as the `sub` of a token from {@link devTokenIssuer} (`JWT` route).
 */
export function authorizerFor(caller: string): Record<string, unknown> {
    if (caller.startsWith("arn:")) {
        const accountId = caller.split(":")[4] ?? "";
        return { iam: { accessKey: "ASIALOCAL", accountId, callerId: "LOCAL", cognitoIdentity: null, principalOrgId: null, userArn: caller, userId: "LOCAL" } };
    }
    return { jwt: { claims: { iss: devTokenIssuer, sub: caller }, scopes: null } };
}

/** The API Gateway HTTP API (payload 2.0) event that the `$default` route delivers; header names lowercased. */
/**
 * `queryStringParameters` as an HTTP API fills it (payload 2.0): decoded values, a repeated name's values joined with
 * commas, and no field at all without a query string.
 */
export function queryParameters(rawQueryString: string): { queryStringParameters?: Record<string, string> } {
    const parameters: Record<string, string> = {};
    for (const [name, value] of new URLSearchParams(rawQueryString)) {
        parameters[name] = name in parameters ? `${parameters[name]},${value}` : value;
    }
    return Object.keys(parameters).length === 0 ? {} : { queryStringParameters: parameters };
}

export function apiGatewayEvent(method: string, rawPath: string, spec: EventSpec = {}): APIGatewayProxyEventV2 {
    const headers = Object.fromEntries(Object.entries(spec.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
    const authorizer = spec.caller === undefined ? {} : { authorizer: authorizerFor(spec.caller) };
    return {
        version: "2.0",
        routeKey: "$default",
        rawPath,
        rawQueryString: spec.rawQueryString ?? "",
        ...queryParameters(spec.rawQueryString ?? ""),
        headers,
        body: spec.body,
        isBase64Encoded: false,
        requestContext: {
            accountId: "000000000000",
            apiId: "local",
            domainName: "localhost",
            domainPrefix: "localhost",
            http: { method, path: rawPath, protocol: "HTTP/1.1", sourceIp: spec.sourceIp ?? "127.0.0.1", userAgent: headers["user-agent"] ?? "" },
            requestId: randomUUID(),
            routeKey: "$default",
            stage: "$default",
            time: new Date().toUTCString(),
            timeEpoch: Date.now(),
            ...authorizer,
        },
    };
}

/**
 * Turns a Node HTTP request into that event, so the dev server runs the handler exactly as Lambda does.
 * `X-Dev-Caller` becomes the authorizer's identity (and is taken out of the headers, as a signature or a
 * token would be consumed by API Gateway); without it the request is anonymous, as with `apiAuth: none`.
 */
export function fromNodeRequest(request: IncomingMessage, body: Buffer): APIGatewayProxyEventV2 {
    const url = new URL(request.url ?? "/", "http://localhost");
    const headers: Record<string, string> = {};
    let caller: string | undefined;
    for (const [name, value] of Object.entries(request.headers)) {
        if (value === undefined) {
            continue;
        }
        const text = Array.isArray(value) ? value.join(",") : value;
        if (name.toLowerCase() === devCallerHeader) {
            caller = text.trim() === "" ? undefined : text.trim();
        } else {
            headers[name] = text;
        }
    }
    return apiGatewayEvent(request.method ?? "GET", url.pathname, {
        headers,
        body: body.length > 0 ? body.toString("utf8") : undefined,
        rawQueryString: url.search.slice(1),
        sourceIp: request.socket.remoteAddress,
        caller,
    });
}

/** Writes a handler result to a Node HTTP response. */
export function writeResult(response: ServerResponse, result: APIGatewayProxyStructuredResultV2): void {
    response.writeHead(result.statusCode ?? 200, result.headers as Record<string, string>);
    response.end(result.isBase64Encoded && result.body !== undefined ? Buffer.from(result.body, "base64") : result.body);
}
