import { InvalidTransitionError } from "./errors";
import type { ItemAdded, OrderEvent } from "./events";
import type { OrderState } from "./fold";

export type OrderCommand =
    | { readonly type: "addItem"; readonly item: ItemAdded }
    | { readonly type: "confirm" }
    | { readonly type: "cancel" };

/** Turns a command on an existing order into the event to append, or refuses it. Pure. */
export function decide(state: OrderState, command: OrderCommand): OrderEvent {
    const verb = command.type === "addItem" ? "add items to" : command.type;
    if (state.status === "cancelled") {
        throw new InvalidTransitionError(state.status, verb, "a cancelled order is final");
    }
    switch (command.type) {
        case "addItem":
            if (state.status !== "open") {
                throw new InvalidTransitionError(state.status, verb, "only open orders take items");
            }
            return { type: "ItemAdded", data: command.item };
        case "confirm":
            if (state.status !== "open") {
                throw new InvalidTransitionError(state.status, verb, "only open orders can be confirmed");
            }
            if (state.items.length === 0) {
                throw new InvalidTransitionError(state.status, verb, "the order has no items");
            }
            return { type: "OrderConfirmed", data: {} };
        case "cancel":
            return { type: "OrderCancelled", data: {} };
    }
}
