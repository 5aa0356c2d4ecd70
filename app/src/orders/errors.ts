import type { OrderStatus } from "./fold";

/** No events exist for this order id. */
export class OrderNotFoundError extends Error {
    override readonly name = "OrderNotFoundError";
    constructor(readonly orderId: string) {
        super(`Order ${orderId} does not exist`);
    }
}

/** The command is not allowed in the order's current status. */
export class InvalidTransitionError extends Error {
    override readonly name = "InvalidTransitionError";
    constructor(
        readonly status: OrderStatus,
        readonly command: string,
        reason: string,
    ) {
        super(`Cannot ${command} an order that is ${status}: ${reason}`);
    }
}

/** The caller's If-Match version is not the order's current version. */
export class StaleVersionError extends Error {
    override readonly name = "StaleVersionError";
    constructor(
        readonly expectedVersion: number,
        readonly currentVersion: number,
    ) {
        super(`The order is at version ${currentVersion}, not ${expectedVersion}`);
    }
}

/** Another writer appended at the same version; raised by the event store. */
export class ConcurrencyConflictError extends Error {
    override readonly name = "ConcurrencyConflictError";
    constructor(
        readonly aggregateId: string,
        readonly expectedVersion: number,
        options?: ErrorOptions,
    ) {
        super(`Another writer appended to ${aggregateId} after version ${expectedVersion}`, options);
    }
}

/** The same Idempotency-Key was sent before with a different request body. */
export class IdempotencyKeyReusedError extends Error {
    override readonly name = "IdempotencyKeyReusedError";
    constructor() {
        super("This Idempotency-Key was already used with a different request body");
    }
}

/** A stored stream that no valid sequence of commands could have produced. */
export class CorruptStreamError extends Error {
    override readonly name = "CorruptStreamError";
}
