import { strict as assert } from "node:assert";
import { DatabaseQueryError, DatabaseUnavailableError } from "../../../app/src/db/errors";
import { errorResponse, retryAfterSeconds } from "../../../app/src/http/errorResponse";
import { BadRequestError, MethodNotAllowedError } from "../../../app/src/http/errors";
import {
    ConcurrencyConflictError,
    IdempotencyKeyReusedError,
    InvalidTransitionError,
    OrderNotFoundError,
    StaleVersionError,
} from "../../../app/src/orders/errors";
import { silentLogger } from "../support/silentLogger";

const requestId = "req-1";

function map(error: unknown) {
    const result = errorResponse(error, requestId, silentLogger());
    return { status: result.statusCode, headers: result.headers, body: JSON.parse(String(result.body)) as Record<string, unknown> };
}

describe("http: errorResponse", () => {
    const cases: Array<[string, unknown, number, string]> = [
        ["a validation error", new BadRequestError("validation_error", "sku: too short", "sku"), 400, "validation_error"],
        ["an unknown order", new OrderNotFoundError("x"), 404, "not_found"],
        ["a forbidden transition", new InvalidTransitionError("cancelled", "confirm", "final"), 409, "invalid_transition"],
        ["a lost race", new ConcurrencyConflictError("x", 2), 409, "conflict"],
        ["a stale If-Match", new StaleVersionError(2, 5), 412, "precondition_failed"],
        ["a reused idempotency key", new IdempotencyKeyReusedError(), 422, "idempotency_key_reused"],
        ["an unreachable database", new DatabaseUnavailableError("down"), 503, "service_unavailable"],
        ["anything else", new TypeError("x is undefined"), 500, "internal_error"],
    ];
    for (const [what, error, status, code] of cases) {
        it(`maps ${what} to ${status} ${code}`, () => {
            const { status: actual, body } = map(error);
            assert.equal(actual, status);
            assert.equal(body.error, code);
            assert.equal(body.requestId, requestId);
            assert.equal(typeof body.message, "string");
        });
    }

    it("names the invalid field of a 400 in `field`", () => {
        assert.equal(map(new BadRequestError("validation_error", "sku: too short", "sku")).body.field, "sku");
        assert.equal(map(new BadRequestError("malformed_json", "The request body is not valid JSON")).body.field, undefined);
    });

    it("tells a 503 client when to retry", () => {
        assert.equal(map(new DatabaseUnavailableError("down")).headers["retry-after"], String(retryAfterSeconds));
    });

    it("gives the current version and its ETag with a 412", () => {
        const { headers, body } = map(new StaleVersionError(2, 5));
        assert.equal(body.currentVersion, 5);
        assert.equal(headers.etag, '"5"');
    });

    it("lists the allowed methods with a 405", () => {
        assert.equal(map(new MethodNotAllowedError("DELETE", ["GET"])).headers.allow, "GET");
    });

    it("never shows a driver message, SQL or a stack trace", () => {
        const driverError = Object.assign(new Error("Table 'orders.events' doesn't exist"), { sql: "SELECT secret FROM events", errno: 1146 });
        for (const error of [new DatabaseQueryError("Statement failed", { cause: driverError }), new DatabaseUnavailableError("connect ECONNREFUSED 10.0.0.1:3306", { cause: driverError })]) {
            const text = JSON.stringify(map(error).body);
            assert.doesNotMatch(text, /events|SELECT|ECONNREFUSED|10\.0\.0\.1|at .*\.ts/);
        }
    });
});
