import type { APIGatewayProxyEventV2 } from "aws-lambda";
import * as z from "zod/mini";
import { describeIssues, firstInvalidField } from "../validation";
import { BadRequestError, PayloadTooLargeError, UnsupportedMediaTypeError } from "./errors";

/** Larger bodies are refused with 413 before parsing. */
export const maxBodyBytes = 64 * 1024;

/** A header by name; API Gateway already lowercases names in payload v2, tests and the dev server may not. */
export function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
    const headers = event.headers ?? {};
    const wanted = name.toLowerCase();
    for (const [key, value] of Object.entries(headers)) {
        if (key.toLowerCase() === wanted) {
            return value;
        }
    }
    return undefined;
}

function isJsonMediaType(contentType: string): boolean {
    const mediaType = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
    return mediaType === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}

/**
 * Parses and validates a JSON body. Size is checked before media type and syntax, so a huge body is
 * never parsed. An absent body counts as `{}` when `optional`, so POST /confirm needs no body.
 */
export function jsonBody<S extends z.ZodMiniType>(event: APIGatewayProxyEventV2, schema: S, options: { optional?: boolean } = {}): z.infer<S> {
    const raw = event.body === undefined || event.body === null ? "" : event.isBase64Encoded ? Buffer.from(event.body, "base64") : event.body;
    const bytes = typeof raw === "string" ? Buffer.byteLength(raw, "utf8") : raw.byteLength;
    if (bytes > maxBodyBytes) {
        throw new PayloadTooLargeError(maxBodyBytes);
    }
    let value: unknown = {};
    if (bytes > 0 || !options.optional) {
        const contentType = header(event, "content-type");
        if (contentType === undefined || !isJsonMediaType(contentType)) {
            throw new UnsupportedMediaTypeError();
        }
        try {
            value = JSON.parse(raw.toString());
        } catch {
            // The parser's message quotes the input; the client already has it, but the log would not need it.
            throw new BadRequestError("malformed_json", "The request body is not valid JSON");
        }
    }
    const result = schema.safeParse(value);
    if (!result.success) {
        throw new BadRequestError("validation_error", describeIssues(result.error), firstInvalidField(result.error));
    }
    return result.data;
}

const versionTag = /^"(\d{1,9})"$/;

/**
 * The version in `If-Match: "<version>"`, or undefined without the header. A weak tag (`W/"3"`) is refused:
 * If-Match compares strongly (RFC 9110), so it could never match, and this API only ever sends strong ones.
 */
export function ifMatchVersion(event: APIGatewayProxyEventV2): number | undefined {
    const value = header(event, "if-match")?.trim();
    if (value === undefined || value === "" || value === "*") {
        return undefined;
    }
    const match = versionTag.exec(value);
    if (match?.[1] === undefined) {
        throw new BadRequestError("validation_error", 'If-Match: expected a strong ETag such as "3", as sent in ETag', "If-Match");
    }
    return Number(match[1]);
}

const idempotencyKey = /^[\x21-\x7e]{1,255}$/;

/** The `Idempotency-Key` header: 1-255 visible ASCII characters (a UUID is typical). */
export function idempotencyKeyOf(event: APIGatewayProxyEventV2): string | undefined {
    const value = header(event, "idempotency-key");
    if (value === undefined) {
        return undefined;
    }
    if (!idempotencyKey.test(value)) {
        throw new BadRequestError("validation_error", "Idempotency-Key: expected 1-255 visible ASCII characters", "Idempotency-Key");
    }
    return value;
}
