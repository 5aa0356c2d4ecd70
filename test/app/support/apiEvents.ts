import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { randomUUID } from "node:crypto";

export interface RequestSpec {
    readonly headers?: Record<string, string>;
    /** Objects are sent as JSON with a JSON content type; strings are sent as they are. */
    readonly body?: unknown;
}

/** An API Gateway HTTP API (payload 2.0) event, as the `$default` route delivers it. */
export function apiEvent(method: string, rawPath: string, spec: RequestSpec = {}): APIGatewayProxyEventV2 {
    const headers: Record<string, string> = {};
    let body: string | undefined;
    if (spec.body !== undefined) {
        body = typeof spec.body === "string" ? spec.body : JSON.stringify(spec.body);
        if (typeof spec.body !== "string") {
            headers["content-type"] = "application/json";
        }
    }
    for (const [name, value] of Object.entries(spec.headers ?? {})) {
        headers[name.toLowerCase()] = value;
    }
    return {
        version: "2.0",
        routeKey: "$default",
        rawPath,
        rawQueryString: "",
        headers,
        body,
        isBase64Encoded: false,
        requestContext: {
            accountId: "123456789012",
            apiId: "local",
            domainName: "localhost",
            domainPrefix: "localhost",
            http: { method, path: rawPath, protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "test" },
            requestId: randomUUID(),
            routeKey: "$default",
            stage: "$default",
            time: new Date().toISOString(),
            timeEpoch: Date.now(),
        },
    };
}

/** The part of the Lambda context the API reads. */
export function lambdaContext(): { awsRequestId: string } {
    return { awsRequestId: randomUUID() };
}
