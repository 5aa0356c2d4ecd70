import type { HttpRequest, HttpResponse } from "./http";

/**
 * Bad usage or a missing prerequisite (argument, environment variable, CLI, credentials): the
 * live test exits 2. The message says what is missing and how to provide it.
 */
export class LiveUsageError extends Error {
    override readonly name = "LiveUsageError";
    constructor(message: string, options?: { cause?: unknown }) {
        super(message, options);
    }
}

/** Bodies longer than this are cut in messages: an HTML error page says enough in its first lines. */
const MAX_BODY_CHARS = 1000;

/**
 * An HTTP check got an answer it did not expect. The message names the request and the problem,
 * then the status, the body and API Gateway's request id (which finds the access log line and,
 * through it, the Lambda's logs).
 */
export class CheckFailedError extends Error {
    override readonly name = "CheckFailedError";
    constructor(
        readonly request: Pick<HttpRequest, "method" | "url">,
        readonly problem: string,
        readonly response: HttpResponse,
    ) {
        super(`${request.method} ${new URL(request.url).pathname}: ${problem}\n${describeResponse(response)}`);
    }
}

function describeResponse(response: HttpResponse): string {
    const body = response.body.length > MAX_BODY_CHARS ? `${response.body.slice(0, MAX_BODY_CHARS)}… (${response.body.length} chars)` : response.body;
    const requestId = response.headers["apigw-requestid"] ?? response.headers["x-amzn-requestid"];
    return [`  status: ${response.status}`, `  body: ${body === "" ? "(empty)" : body}`, ...(requestId ? [`  apigw-requestid: ${requestId}`] : [])].join("\n");
}
