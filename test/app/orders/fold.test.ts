import { strict as assert } from "node:assert";
import fc from "fast-check";
import { CorruptStreamError } from "../../../app/src/orders/errors";
import type { RecordedEvent } from "../../../app/src/orders/events";
import { fold } from "../../../app/src/orders/fold";
import { anonymousOwner, ownerOf } from "../../../app/src/orders/owner";

const orderId = "7d0c1c52-8f7e-4b8a-9d1e-0a1b2c3d4e5f";
const at = "2026-01-01T00:00:00.000000Z";
const created: RecordedEvent = { type: "OrderCreated", data: { customerId: "c-1" }, version: 1, createdAt: at };
const item = (version: number, unitPrice: number, quantity = 1): RecordedEvent => ({
    type: "ItemAdded",
    data: { sku: `sku-${version}`, quantity, unitPrice },
    version,
    createdAt: at,
});

describe("orders: fold", () => {
    it("returns undefined for an empty stream", () => {
        assert.equal(fold(orderId, []), undefined);
    });

    it("opens an order from OrderCreated at version 1, in the anonymous scope when the event records no owner", () => {
        assert.deepEqual(fold(orderId, [created]), { id: orderId, owner: anonymousOwner, customerId: "c-1", status: "open", items: [], total: 0, version: 1 });
    });

    it("takes the owner its OrderCreated event recorded", () => {
        const owner = ownerOf("iam:arn:aws:sts::111122223333:assumed-role/Orders/alice");
        assert.equal(fold(orderId, [{ ...created, data: { customerId: "c-1", owner } } as RecordedEvent])?.owner, owner);
    });

    it("adds items and keeps the total in cents", () => {
        const state = fold(orderId, [created, item(2, 0.1), item(3, 0.2)]);
        assert.equal(state?.total, 0.3);
        assert.equal(state?.items.length, 2);
        assert.equal(state?.version, 3);
    });

    it("multiplies the unit price by the quantity", () => {
        assert.equal(fold(orderId, [created, item(2, 19.99, 3)])?.total, 59.97);
    });

    it("marks the order confirmed, then cancelled", () => {
        const confirmed = fold(orderId, [created, item(2, 1), { type: "OrderConfirmed", data: {}, version: 3, createdAt: at }]);
        assert.equal(confirmed?.status, "confirmed");
        const cancelled = fold(orderId, [created, { type: "OrderCancelled", data: {}, version: 2, createdAt: at }]);
        assert.equal(cancelled?.status, "cancelled");
    });

    it("rejects a stream that does not start with OrderCreated", () => {
        assert.throws(() => fold(orderId, [{ ...item(1, 1) }]), CorruptStreamError);
    });

    it("rejects a gap in the versions", () => {
        assert.throws(() => fold(orderId, [created, item(3, 1)]), CorruptStreamError);
    });

    it("rejects a second OrderCreated", () => {
        assert.throws(() => fold(orderId, [created, { ...created, version: 2 }]), CorruptStreamError);
    });

    it("always ends at the last version with a total equal to the sum of the lines, in cents", () => {
        const line = fc.record({ cents: fc.integer({ min: 0, max: 100_000_00 }), quantity: fc.integer({ min: 1, max: 1000 }) });
        fc.assert(
            fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
                const events = [created, ...lines.map((l, index) => item(index + 2, l.cents / 100, l.quantity))];
                const state = fold(orderId, events);
                const expectedCents = lines.reduce((sum, l) => sum + l.cents * l.quantity, 0);
                assert.equal(state?.version, lines.length + 1);
                assert.equal(Math.round((state?.total ?? -1) * 100), expectedCents);
            }),
        );
    });
});
