/** A request the API refuses before any use case runs; carries its HTTP status and error code. */
export class HttpError extends Error {
    override readonly name: string = "HttpError";
    constructor(
        readonly status: number,
        readonly code: string,
        message: string,
        readonly headers: Readonly<Record<string, string>> = {},
        options?: ErrorOptions,
    ) {
        super(message, options);
    }
}

/** 400: malformed JSON or a field that fails validation; the message names the field. */
export class BadRequestError extends HttpError {
    override readonly name = "BadRequestError";
    constructor(
        code: "malformed_json" | "validation_error",
        message: string,
        readonly field?: string,
    ) {
        super(400, code, message);
    }
}

/**
 * 403: an authorizer let the request through but did not say who sent it (a JWT without `sub`), so its
 * idempotency keys cannot be scoped. API Gateway's own 401/403 for missing credentials never reach the app.
 */
export class CallerNotIdentifiedError extends HttpError {
    override readonly name = "CallerNotIdentifiedError";
    constructor(message: string) {
        super(403, "caller_not_identified", message);
    }
}

export class RouteNotFoundError extends HttpError {
    override readonly name = "RouteNotFoundError";
    constructor(path: string) {
        super(404, "not_found", `No route for ${path}`);
    }
}

export class MethodNotAllowedError extends HttpError {
    override readonly name = "MethodNotAllowedError";
    constructor(method: string, allow: readonly string[]) {
        super(405, "method_not_allowed", `${method} is not allowed here; use ${allow.join(", ")}`, { allow: allow.join(", ") });
    }
}

export class PayloadTooLargeError extends HttpError {
    override readonly name = "PayloadTooLargeError";
    constructor(limitBytes: number) {
        super(413, "payload_too_large", `The request body is larger than ${limitBytes} bytes`);
    }
}

export class UnsupportedMediaTypeError extends HttpError {
    override readonly name = "UnsupportedMediaTypeError";
    constructor() {
        super(415, "unsupported_media_type", "Send the body as application/json");
    }
}
