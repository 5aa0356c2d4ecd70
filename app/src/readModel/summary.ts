import { CorruptStreamError } from "../orders/errors";
import { orderEvent } from "../orders/events";
import type { StoredEvent } from "../orders/eventStore";
import type { OrderStatus } from "../orders/fold";
import { recordedOwner, type OwnerId } from "../orders/owner";

/** A row of order_summaries: what GET /orders lists. */
export interface OrderSummary {
    readonly orderId: string;
    readonly owner: OwnerId;
    readonly customerId: string;
    readonly status: OrderStatus;
    /** Units ordered: the sum of the items' quantities. */
    readonly itemCount: number;
    readonly totalCents: number;
    readonly version: number;
    /** The OrderCreated event's position: the list's order, newest first. */
    readonly createdPosition: number;
    /** ISO-8601 UTC, from the events. */
    readonly createdAt: string;
    readonly updatedAt: string;
}

/** An event as the projector applies it: from the bus (Detail) or read back from the store. */
export type PositionedEvent = StoredEvent;

/**
 * Applies one event on top of the summary at the version before it; `undefined` is the summary before OrderCreated. Pure.
 * @throws CorruptStreamError when the event is not the next one, or not a valid order event.
 */
export function applyToSummary(summary: OrderSummary | undefined, event: PositionedEvent): OrderSummary {
    const expected = (summary?.version ?? 0) + 1;
    if (event.version !== expected) {
        throw new CorruptStreamError(`Order ${event.orderId}: event version ${event.version} does not follow version ${expected - 1}`);
    }
    const parsed = orderEvent.safeParse({ type: event.type, data: event.data });
    if (!parsed.success) {
        throw new CorruptStreamError(`Order ${event.orderId}@${event.version}: not a valid ${event.type} event`);
    }
    const next = parsed.data;
    if (summary === undefined) {
        if (next.type !== "OrderCreated") {
            throw new CorruptStreamError(`Order ${event.orderId}: the stream starts with ${next.type}`);
        }
        return {
            orderId: event.orderId,
            owner: recordedOwner(next.data),
            customerId: next.data.customerId,
            status: "open",
            itemCount: 0,
            totalCents: 0,
            version: event.version,
            createdPosition: event.position,
            createdAt: event.occurredAt,
            updatedAt: event.occurredAt,
        };
    }
    const moved = { version: event.version, updatedAt: event.occurredAt };
    switch (next.type) {
        case "OrderCreated":
            throw new CorruptStreamError(`Order ${event.orderId}: OrderCreated at version ${event.version}`);
        case "ItemAdded":
            // Cents per unit, rounded once, as the order's own total is (orders/fold.ts).
            return {
                ...summary,
                ...moved,
                itemCount: summary.itemCount + next.data.quantity,
                totalCents: summary.totalCents + Math.round(next.data.unitPrice * 100) * next.data.quantity,
            };
        case "OrderConfirmed":
            return { ...summary, ...moved, status: "confirmed" };
        case "OrderCancelled":
            return { ...summary, ...moved, status: "cancelled" };
    }
}

/** Folds events, oldest first, onto a summary. Pure. */
export function foldSummary(initial: OrderSummary | undefined, events: readonly PositionedEvent[]): OrderSummary | undefined {
    return events.reduce<OrderSummary | undefined>((summary, event) => applyToSummary(summary, event), initial);
}
