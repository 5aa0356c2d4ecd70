import { strict as assert } from "node:assert";
import { BadRequestError, PayloadTooLargeError, UnsupportedMediaTypeError } from "../../../app/src/http/errors";
import { idempotencyKeyOf, ifMatchVersion, jsonBody, maxBodyBytes } from "../../../app/src/http/request";
import { addItemBody, createOrderBody, emptyBody } from "../../../app/src/http/schemas";
import { apiEvent } from "../support/apiEvents";

const validItem = { sku: "sku-1", quantity: 2, unitPrice: 9.99 };

function fieldOf(fn: () => unknown): string | undefined {
    try {
        fn();
    } catch (error) {
        assert.ok(error instanceof BadRequestError, String(error));
        return error.field;
    }
    assert.fail("expected a BadRequestError");
}

describe("http: request", () => {
    describe("jsonBody", () => {
        it("returns the validated body", () => {
            assert.deepEqual(jsonBody(apiEvent("POST", "/x", { body: validItem }), addItemBody), validItem);
        });

        it("accepts a charset parameter and +json media types", () => {
            const event = apiEvent("POST", "/x", { body: JSON.stringify(validItem), headers: { "Content-Type": "application/merge-patch+json; charset=utf-8" } });
            assert.deepEqual(jsonBody(event, addItemBody), validItem);
        });

        it("decodes a base64 body", () => {
            const event = { ...apiEvent("POST", "/x", { body: validItem }), isBase64Encoded: true };
            event.body = Buffer.from(JSON.stringify(validItem)).toString("base64");
            assert.deepEqual(jsonBody(event, addItemBody), validItem);
        });

        it("refuses a body that is not JSON with malformed_json", () => {
            const event = apiEvent("POST", "/x", { body: "{oops", headers: { "content-type": "application/json" } });
            assert.throws(() => jsonBody(event, createOrderBody), (error: unknown) => error instanceof BadRequestError && error.code === "malformed_json");
        });

        it("refuses another content type with 415", () => {
            const event = apiEvent("POST", "/x", { body: "customerId=1", headers: { "content-type": "application/x-www-form-urlencoded" } });
            assert.throws(() => jsonBody(event, createOrderBody), UnsupportedMediaTypeError);
        });

        it("refuses a missing required body with 415, as it has no JSON content type", () => {
            assert.throws(() => jsonBody(apiEvent("POST", "/x"), createOrderBody), UnsupportedMediaTypeError);
        });

        it("accepts no body where the body is optional", () => {
            assert.deepEqual(jsonBody(apiEvent("POST", "/x"), emptyBody, { optional: true }), {});
        });

        it("refuses a body over 64 KiB with 413 before parsing it", () => {
            const event = apiEvent("POST", "/x", { body: "x".repeat(maxBodyBytes + 1), headers: { "content-type": "text/plain" } });
            assert.throws(() => jsonBody(event, createOrderBody), PayloadTooLargeError);
        });

        it("names customerId when it is missing", () => {
            assert.equal(fieldOf(() => jsonBody(apiEvent("POST", "/x", { body: {} }), createOrderBody)), "customerId");
        });

        it("names quantity when it is 0, over 1000 or not an integer", () => {
            for (const quantity of [0, 1001, 1.5, "2"]) {
                assert.equal(fieldOf(() => jsonBody(apiEvent("POST", "/x", { body: { ...validItem, quantity } }), addItemBody)), "quantity");
            }
        });

        it("names unitPrice when it is negative or has more than 2 decimals", () => {
            for (const unitPrice of [-1, 0.001]) {
                assert.equal(fieldOf(() => jsonBody(apiEvent("POST", "/x", { body: { ...validItem, unitPrice } }), addItemBody)), "unitPrice");
            }
        });

        it("names sku when it is empty", () => {
            assert.equal(fieldOf(() => jsonBody(apiEvent("POST", "/x", { body: { ...validItem, sku: " " } }), addItemBody)), "sku");
        });

        it("says body when the JSON is not an object", () => {
            assert.equal(fieldOf(() => jsonBody(apiEvent("POST", "/x", { body: "[1]", headers: { "content-type": "application/json" } }), createOrderBody)), "body");
        });
    });

    describe("ifMatchVersion", () => {
        it("reads a strong ETag", () => {
            assert.equal(ifMatchVersion(apiEvent("POST", "/x", { headers: { "If-Match": '"3"' } })), 3);
            assert.equal(ifMatchVersion(apiEvent("POST", "/x", { headers: { "if-match": ' "12" ' } })), 12);
        });

        it("names If-Match for a weak ETag, which If-Match's strong comparison could never match", () => {
            assert.equal(fieldOf(() => ifMatchVersion(apiEvent("POST", "/x", { headers: { "if-match": 'W/"12"' } }))), "If-Match");
        });

        it("is undefined without the header or with *", () => {
            assert.equal(ifMatchVersion(apiEvent("POST", "/x")), undefined);
            assert.equal(ifMatchVersion(apiEvent("POST", "/x", { headers: { "if-match": "*" } })), undefined);
        });

        it("names If-Match when it is not an ETag", () => {
            assert.equal(fieldOf(() => ifMatchVersion(apiEvent("POST", "/x", { headers: { "if-match": "three" } }))), "If-Match");
        });
    });

    describe("idempotencyKeyOf", () => {
        it("returns the key", () => {
            assert.equal(idempotencyKeyOf(apiEvent("POST", "/x", { headers: { "Idempotency-Key": "k-1" } })), "k-1");
        });

        it("names Idempotency-Key when it has spaces or is too long", () => {
            for (const key of ["a b", "k".repeat(256)]) {
                assert.equal(fieldOf(() => idempotencyKeyOf(apiEvent("POST", "/x", { headers: { "Idempotency-Key": key } }))), "Idempotency-Key");
            }
        });
    });
});
