import { DatabaseUnavailableError } from "../db/errors";
import type { Logger } from "../logger";
import {
    ConcurrencyConflictError,
    IdempotencyKeyReusedError,
    InvalidTransitionError,
    OrderNotFoundError,
    StaleVersionError,
} from "../orders/errors";
import { InvalidCursorError } from "../readModel/cursor";
import { BadRequestError, HttpError } from "./errors";
import { etag, json, type ErrorBody, type HttpResult } from "./responses";

/** Seconds a client should wait before retrying when the database is unreachable. */
export const retryAfterSeconds = 5;

/**
 * Maps any error to an HTTP response. Known errors keep their own message (written for clients);
 * anything else becomes a generic 500, and its details go to the log only, never to the client.
 */
export function errorResponse(error: unknown, requestId: string, logger: Logger, request: Record<string, unknown> = {}): HttpResult {
    const body = (code: string, message: string, extra: Record<string, unknown> = {}): ErrorBody => ({ error: code, message, requestId, ...extra });
    if (error instanceof BadRequestError && error.field !== undefined) {
        // The message already starts with the field; `field` is for programs that highlight it.
        return json(error.status, body(error.code, error.message, { field: error.field }), error.headers);
    }
    if (error instanceof HttpError) {
        return json(error.status, body(error.code, error.message), error.headers);
    }
    if (error instanceof InvalidCursorError) {
        return json(400, body("validation_error", error.message, { field: "cursor" }));
    }
    if (error instanceof OrderNotFoundError) {
        return json(404, body("not_found", "Order not found"));
    }
    if (error instanceof InvalidTransitionError) {
        return json(409, body("invalid_transition", error.message, { status: error.status }));
    }
    if (error instanceof StaleVersionError) {
        return json(412, body("precondition_failed", error.message, { currentVersion: error.currentVersion }), {
            etag: etag(error.currentVersion),
        });
    }
    if (error instanceof ConcurrencyConflictError) {
        return json(409, body("conflict", "The order kept changing while this request ran; retry it"));
    }
    if (error instanceof IdempotencyKeyReusedError) {
        return json(422, body("idempotency_key_reused", error.message));
    }
    if (error instanceof DatabaseUnavailableError) {
        logger.error("Database unavailable", { ...request, error });
        return json(503, body("service_unavailable", "The database is unavailable; retry later"), {
            "retry-after": String(retryAfterSeconds),
        });
    }
    logger.error("Unhandled error", { ...request, error });
    return json(500, body("internal_error", "Something went wrong; quote the requestId when reporting it"));
}
