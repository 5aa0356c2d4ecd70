import { strict as assert } from "node:assert";
import { randomUUID } from "node:crypto";
import { CorruptStreamError } from "../../../app/src/orders/errors";
import { anonymousOwner, ownerOf } from "../../../app/src/orders/owner";
import { applyToSummary, foldSummary, type PositionedEvent } from "../../../app/src/readModel/summary";

const orderId = randomUUID();
const at = (version: number) => `2026-01-01T00:00:0${version}.000001Z`;
const event = (version: number, type: string, data: unknown, position = version * 10): PositionedEvent => ({ orderId, version, position, type, data, occurredAt: at(version) });

describe("readModel: summary", () => {
    it("folds an order's events into its summary", () => {
        const owner = ownerOf("iam:arn:aws:iam::1:user/a");
        const summary = foldSummary(undefined, [
            event(1, "OrderCreated", { customerId: "c", owner }),
            event(2, "ItemAdded", { sku: "a", quantity: 3, unitPrice: 0.1 }),
            event(3, "ItemAdded", { sku: "b", quantity: 1, unitPrice: 0.2 }),
            event(4, "OrderConfirmed", {}),
        ]);
        assert.deepEqual(summary, {
            orderId,
            owner,
            customerId: "c",
            status: "confirmed",
            itemCount: 4,
            totalCents: 50,
            version: 4,
            createdPosition: 10,
            createdAt: at(1),
            updatedAt: at(4),
        });
    });

    it("gives orders created before owners were recorded to the anonymous scope", () => {
        assert.equal(applyToSummary(undefined, event(1, "OrderCreated", { customerId: "c" })).owner, anonymousOwner);
    });

    it("refuses an event that is not the next version, in either direction", () => {
        const created = applyToSummary(undefined, event(1, "OrderCreated", { customerId: "c" }));
        assert.throws(() => applyToSummary(created, event(3, "OrderCancelled", {})), CorruptStreamError);
        assert.throws(() => applyToSummary(created, event(1, "OrderCreated", { customerId: "c" })), CorruptStreamError);
        assert.equal(applyToSummary(created, event(2, "OrderCancelled", {})).status, "cancelled");
    });

    it("refuses a stream that does not start with OrderCreated, and invalid data", () => {
        assert.throws(() => applyToSummary(undefined, event(1, "ItemAdded", { sku: "a", quantity: 1, unitPrice: 1 })), CorruptStreamError);
        assert.throws(() => applyToSummary(undefined, event(1, "OrderCreated", { customerId: "" })), CorruptStreamError);
    });
});
