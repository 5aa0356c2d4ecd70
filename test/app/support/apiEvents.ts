import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { randomUUID } from "node:crypto";
import { apiGatewayEvent } from "../../../app/dev/apiGatewayEvent";

export interface RequestSpec {
    readonly headers?: Record<string, string>;
    /** Objects are sent as JSON with a JSON content type; strings are sent as they are. */
    readonly body?: unknown;
    /** The authenticated caller (an IAM ARN or a token `sub`, see `authorizerFor`); none: anonymous. */
    readonly caller?: string;
}

/** An API Gateway HTTP API (payload 2.0) event, as the `$default` route delivers it. */
export function apiEvent(method: string, target: string, spec: RequestSpec = {}): APIGatewayProxyEventV2 {
    // A query string in the target goes where API Gateway puts it.
    const [rawPath = target, rawQueryString = ""] = target.split(/\?(.*)/s);
    if (spec.body === undefined || typeof spec.body === "string") {
        return apiGatewayEvent(method, rawPath, { headers: spec.headers, body: spec.body as string | undefined, caller: spec.caller, rawQueryString });
    }
    return apiGatewayEvent(method, rawPath, {
        rawQueryString,
        headers: { "content-type": "application/json", ...spec.headers },
        body: JSON.stringify(spec.body),
        caller: spec.caller,
    });
}

/** The part of the Lambda context the API reads. */
export function lambdaContext(): { awsRequestId: string } {
    return { awsRequestId: randomUUID() };
}
