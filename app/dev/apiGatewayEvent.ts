import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

export interface EventSpec {
    readonly headers?: Readonly<Record<string, string>>;
    readonly body?: string;
    readonly rawQueryString?: string;
    readonly sourceIp?: string;
}

/** The API Gateway HTTP API (payload 2.0) event that the `$default` route delivers; header names lowercased. */
export function apiGatewayEvent(method: string, rawPath: string, spec: EventSpec = {}): APIGatewayProxyEventV2 {
    const headers = Object.fromEntries(Object.entries(spec.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
    return {
        version: "2.0",
        routeKey: "$default",
        rawPath,
        rawQueryString: spec.rawQueryString ?? "",
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
        },
    };
}

/** Turns a Node HTTP request into that event, so the dev server runs the handler exactly as Lambda does. */
export function fromNodeRequest(request: IncomingMessage, body: Buffer): APIGatewayProxyEventV2 {
    const url = new URL(request.url ?? "/", "http://localhost");
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
        if (value !== undefined) {
            headers[name] = Array.isArray(value) ? value.join(",") : value;
        }
    }
    return apiGatewayEvent(request.method ?? "GET", url.pathname, {
        headers,
        body: body.length > 0 ? body.toString("utf8") : undefined,
        rawQueryString: url.search.slice(1),
        sourceIp: request.socket.remoteAddress,
    });
}

/** Writes a handler result to a Node HTTP response. */
export function writeResult(response: ServerResponse, result: APIGatewayProxyStructuredResultV2): void {
    response.writeHead(result.statusCode ?? 200, result.headers as Record<string, string>);
    response.end(result.isBase64Encoded && result.body !== undefined ? Buffer.from(result.body, "base64") : result.body);
}
