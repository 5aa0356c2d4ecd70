import type { APIGatewayProxyEventV2 } from "aws-lambda";
import * as z from "zod/mini";
import { limits } from "../orders/events";
import { describeIssues, firstInvalidField } from "../validation";
import { BadRequestError } from "./errors";

/** Page sizes of GET /orders. */
export const pageSize = { default: 20, max: 100 } as const;

const query = z.lazy(() =>
    z.strictObject({
        customerId: z.optional(z.string().check(z.trim(), z.minLength(1, "must not be empty"), z.maxLength(limits.customerIdLength))),
        status: z.optional(z.enum(["open", "confirmed", "cancelled"])),
        limit: z.optional(
            z.pipe(
                z.string().check(z.regex(/^\d{1,3}$/, `must be a whole number from 1 to ${pageSize.max}`)),
                z.pipe(z.transform(Number), z.number().check(z.gte(1, `must be a whole number from 1 to ${pageSize.max}`), z.lte(pageSize.max, `must be a whole number from 1 to ${pageSize.max}`))),
            ),
        ),
        cursor: z.optional(z.string().check(z.minLength(1, "must not be empty"))),
    }),
);

export type ListParameters = { customerId?: string; status?: "open" | "confirmed" | "cancelled"; limit: number; cursor?: string };

/**
 * The query string of GET /orders. Unknown parameters are refused rather than ignored, so that a misspelt filter
 * (`customer_id=…`) is a 400, not a list of every order. API Gateway joins a repeated parameter with commas.
 */
export function listParameters(event: APIGatewayProxyEventV2): ListParameters {
    const parsed = query.safeParse(event.queryStringParameters ?? {});
    if (!parsed.success) {
        throw new BadRequestError("validation_error", describeIssues(parsed.error, "query"), firstInvalidField(parsed.error, "query"));
    }
    const { limit, ...rest } = parsed.data;
    return { ...rest, limit: limit ?? pageSize.default } as ListParameters;
}
