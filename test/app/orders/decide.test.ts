import { strict as assert } from "node:assert";
import { decide } from "../../../app/src/orders/decide";
import { InvalidTransitionError } from "../../../app/src/orders/errors";
import type { OrderState } from "../../../app/src/orders/fold";
import { anonymousOwner } from "../../../app/src/orders/owner";

const open: OrderState = { id: "o", owner: anonymousOwner, customerId: "c", status: "open", items: [], total: 0, version: 1 };
const withItem: OrderState = { ...open, items: [{ sku: "a", quantity: 1, unitPrice: 2 }], total: 2, version: 2 };
const item = { sku: "b", quantity: 2, unitPrice: 3 };

describe("orders: decide", () => {
    it("adds an item to an open order", () => {
        assert.deepEqual(decide(open, { type: "addItem", item }), { type: "ItemAdded", data: item });
    });

    it("confirms an open order that has items", () => {
        assert.deepEqual(decide(withItem, { type: "confirm" }), { type: "OrderConfirmed", data: {} });
    });

    it("refuses to confirm an empty order", () => {
        assert.throws(() => decide(open, { type: "confirm" }), InvalidTransitionError);
    });

    it("refuses items on a confirmed order", () => {
        assert.throws(() => decide({ ...withItem, status: "confirmed" }, { type: "addItem", item }), InvalidTransitionError);
    });

    it("refuses to confirm twice", () => {
        assert.throws(() => decide({ ...withItem, status: "confirmed" }, { type: "confirm" }), InvalidTransitionError);
    });

    it("cancels an open or a confirmed order", () => {
        assert.equal(decide(open, { type: "cancel" }).type, "OrderCancelled");
        assert.equal(decide({ ...withItem, status: "confirmed" }, { type: "cancel" }).type, "OrderCancelled");
    });

    for (const command of [{ type: "addItem", item }, { type: "confirm" }, { type: "cancel" }] as const) {
        it(`refuses ${command.type} on a cancelled order`, () => {
            assert.throws(() => decide({ ...withItem, status: "cancelled" }, command), (error: unknown) => {
                assert.ok(error instanceof InvalidTransitionError);
                assert.equal(error.status, "cancelled");
                return true;
            });
        });
    }
});
