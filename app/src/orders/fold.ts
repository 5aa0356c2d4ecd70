import { CorruptStreamError } from "./errors";
import type { ItemAdded, RecordedEvent } from "./events";
import { recordedOwner, type OwnerId } from "./owner";

export type OrderStatus = "open" | "confirmed" | "cancelled";

export interface OrderState {
    readonly id: string;
    /**
     * Who may see and change the order: the owner hash its OrderCreated event recorded (orders/owner.ts), or the
     * anonymous scope for orders created before owners were recorded. Never sent to clients.
     */
    readonly owner: OwnerId;
    readonly customerId: string;
    readonly status: OrderStatus;
    readonly items: readonly ItemAdded[];
    /** Sum of quantity × unitPrice, rounded to cents. */
    readonly total: number;
    /** Version of the last event folded in; the ETag. */
    readonly version: number;
}

// Money is summed in integer cents so that 0.1 + 0.2 does not end up as 0.30000000000000004.
function totalOf(items: readonly ItemAdded[]): number {
    const cents = items.reduce((sum, item) => sum + Math.round(item.unitPrice * 100) * item.quantity, 0);
    return cents / 100;
}

/** Applies one event to a state; `undefined` is the state before the order exists. Pure. */
export function apply(state: OrderState | undefined, event: RecordedEvent, orderId: string): OrderState {
    const expectedVersion = (state?.version ?? 0) + 1;
    if (event.version !== expectedVersion) {
        throw new CorruptStreamError(`Order ${orderId}: event version ${event.version} follows version ${expectedVersion - 1}`);
    }
    if (state === undefined) {
        if (event.type !== "OrderCreated") {
            throw new CorruptStreamError(`Order ${orderId}: the stream starts with ${event.type}`);
        }
        return { id: orderId, owner: recordedOwner(event.data), customerId: event.data.customerId, status: "open", items: [], total: 0, version: event.version };
    }
    switch (event.type) {
        case "OrderCreated":
            throw new CorruptStreamError(`Order ${orderId}: OrderCreated at version ${event.version}`);
        case "ItemAdded": {
            const items = [...state.items, event.data];
            return { ...state, items, total: totalOf(items), version: event.version };
        }
        case "OrderConfirmed":
            return { ...state, status: "confirmed", version: event.version };
        case "OrderCancelled":
            return { ...state, status: "cancelled", version: event.version };
    }
}

/**
 * Rebuilds an order from its stream, oldest first, or from `initial` (a snapshot) and the events after it;
 * `undefined` for an empty stream and no snapshot. Pure.
 */
export function fold(orderId: string, events: readonly RecordedEvent[], initial?: OrderState): OrderState | undefined {
    return events.reduce<OrderState | undefined>((state, event) => apply(state, event, orderId), initial);
}
