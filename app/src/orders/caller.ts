/**
 * Who a command runs for, as an opaque id. The HTTP layer derives it from what API Gateway's authorizer
 * vouched for (`app/src/http/caller.ts`); the orders layer only compares it, never parses it.
 * Idempotency keys are scoped by it: the same key from two callers names two different requests.
 */
export type CallerId = string;

/**
 * The one scope every unauthenticated request shares: `apiAuth: none`, the public `GET /health`, and
 * `npm run dev` without `X-Dev-Caller`. Authenticated ids always carry a `kind:` prefix, so none equals it.
 */
export const anonymousCaller: CallerId = "anonymous";
