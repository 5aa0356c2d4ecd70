import { createHash, randomUUID } from "node:crypto";
import { anonymousCaller, type CallerId } from "./caller";
import { decide, type OrderCommand } from "./decide";
import { ConcurrencyConflictError, IdempotencyKeyReusedError, InvalidTransitionError, OrderNotFoundError, StaleVersionError } from "./errors";
import type { RecordedEvent } from "./events";
import type { EventStore, NewEvent } from "./eventStore";
import { apply, fold, type OrderState } from "./fold";
import { ownerOf, recordedOwner } from "./owner";
import type { SnapshotStore } from "./snapshots";
import type { OrderMetrics } from "../metrics";

export interface OrderServiceOptions {
    /** Attempts of a command without If-Match before a lost race becomes a 409. */
    readonly maxAttempts?: number;
    readonly newId?: () => string;
    /** Where orders are read from and snapshotted to; without it, every read folds the whole stream. */
    readonly snapshots?: SnapshotStore;
    /** Counts orders created, refused commands and concurrency retries. */
    readonly metrics?: OrderMetrics;
}

export interface CreateResult {
    readonly order: OrderState;
    /** False when an Idempotency-Key matched an earlier request's order. */
    readonly created: boolean;
}

/** Use cases of the orders API, on top of the event store. Knows nothing about HTTP. */
export class OrderService {
    private readonly maxAttempts: number;
    private readonly newId: () => string;
    private readonly snapshots: SnapshotStore | undefined;
    private readonly metrics: OrderMetrics | undefined;

    constructor(
        private readonly store: EventStore,
        options: OrderServiceOptions = {},
    ) {
        this.maxAttempts = options.maxAttempts ?? 3;
        this.newId = options.newId ?? randomUUID;
        this.snapshots = options.snapshots;
        this.metrics = options.metrics;
    }

    /**
     * Opens an order for `caller`. With an idempotency key, the OrderCreated event id derives from the caller
     * and the key, so a repeated request from the same caller hits the event id's unique index and returns the
     * order created the first time, while the same key from another caller opens an order of its own.
     */
    async create(customerId: string, caller: CallerId, idempotencyKey?: string): Promise<CreateResult> {
        const orderId = this.newId();
        const eventId = idempotencyKey === undefined ? this.newId() : idempotencyEventId(idempotencyKey, caller);
        const event: NewEvent = { eventId, type: "OrderCreated", data: { customerId, owner: ownerOf(caller) } };
        if ((await this.store.append(orderId, 0, [event])) === "appended") {
            this.metrics?.orderCreated();
            // The new state is folded locally: reading it back would cost a round trip for nothing.
            return { order: apply(undefined, { ...event, version: 1, createdAt: "" }, orderId), created: true };
        }
        const original = await this.store.aggregateOf(eventId);
        if (original === undefined || original.event.type !== "OrderCreated" || original.event.data.customerId !== customerId) {
            throw new IdempotencyKeyReusedError();
        }
        // The store also reports a replay when this request's own INSERT landed and was repeated after a lost
        // connection; the order is then this request's creation, not an earlier one's.
        const created = original.aggregateId === orderId;
        if (created) {
            this.metrics?.orderCreated();
        }
        // The event id derives from this caller and key, so the original is this caller's order.
        return { order: await this.get(original.aggregateId, caller), created };
    }

    /** The order, if `caller` owns it; another caller's order is not found, like one that does not exist. */
    async get(orderId: string, caller: CallerId): Promise<OrderState> {
        const { state, folded } = await this.current(orderId, caller);
        await this.snapshots?.saveIfDue(state, folded);
        return state;
    }

    /** The order's events, oldest first, if `caller` owns it (its OrderCreated event records the owner). */
    async events(orderId: string, caller: CallerId): Promise<RecordedEvent[]> {
        const events = await this.store.load(orderId);
        const created = events[0];
        if (created === undefined || created.type !== "OrderCreated" || recordedOwner(created.data) !== ownerOf(caller)) {
            throw new OrderNotFoundError(orderId);
        }
        return events;
    }

    /**
     * Runs a command with optimistic concurrency. With `expectedVersion` (If-Match) a lost race is the
     * caller's to resolve (StaleVersionError); without it, the command is re-decided on the new state a
     * bounded number of times, then given up as a ConcurrencyConflictError.
     */
    async execute(orderId: string, caller: CallerId, command: OrderCommand, expectedVersion?: number): Promise<OrderState> {
        let lastConflict: ConcurrencyConflictError | undefined;
        for (let attempt = 1; attempt <= this.maxAttempts; attempt += 1) {
            const { state, folded } = await this.current(orderId, caller);
            if (expectedVersion !== undefined && state.version !== expectedVersion) {
                throw new StaleVersionError(expectedVersion, state.version);
            }
            const event: NewEvent = { ...this.decideCountingRefusal(state, command), eventId: this.newId() };
            try {
                await this.store.append(orderId, state.version, [event]);
                const next = apply(state, { ...event, version: state.version + 1, createdAt: "" }, orderId);
                // Appended under the version's unique key: `next` is the fold of exactly events 1..version.
                await this.snapshots?.saveIfDue(next, folded + 1);
                return next;
            } catch (error) {
                if (!(error instanceof ConcurrencyConflictError)) {
                    throw error;
                }
                lastConflict = error;
                if (attempt < this.maxAttempts) {
                    this.metrics?.concurrencyRetry();
                }
            }
        }
        throw lastConflict ?? new ConcurrencyConflictError(orderId, expectedVersion ?? 0);
    }

    /** `decide`, counting a refusal by the status that refused it. */
    private decideCountingRefusal(state: OrderState, command: OrderCommand) {
        try {
            return decide(state, command);
        } catch (error) {
            if (error instanceof InvalidTransitionError) {
                this.metrics?.commandRefused(error.status);
            }
            throw error;
        }
    }

    /**
     * The order's state and how many events were folded to get it: from the latest snapshot and the events
     * after it, so that the work stays bounded however long the history (the whole stream without snapshots).
     * Object-level authorization (OWASP API1): an order `caller` does not own is not found, so its existence
     * does not leak either.
     */
    private async current(orderId: string, caller: CallerId): Promise<{ state: OrderState; folded: number }> {
        const { snapshot, events } =
            this.snapshots === undefined ? { snapshot: undefined, events: await this.store.load(orderId) } : await this.snapshots.latest(orderId);
        const state = fold(orderId, events, snapshot);
        if (state === undefined || state.owner !== ownerOf(caller)) {
            throw new OrderNotFoundError(orderId);
        }
        return { state, folded: events.length };
    }
}

/**
 * A stable event id for an idempotency key within a caller's scope: neither the key nor the caller reaches the
 * database, and the scope needs no column of its own (the unique index on event_id already enforces it).
 *
 * The anonymous scope keeps the derivation used before keys were scoped, so a key an open API stored earlier
 * still replays. Every other scope hashes `order-create-by:<caller length>:<caller>:<key>`: the length prefix
 * makes the (caller, key) pair unambiguous (ARNs and keys may both contain ":"), and the prefix differs from
 * the anonymous one (`order-create:`) at its thirteenth character, so no scoped input equals an anonymous one.
 */
export function idempotencyEventId(key: string, caller: CallerId): string {
    const input = caller === anonymousCaller ? `order-create:${key}` : `order-create-by:${caller.length}:${caller}:${key}`;
    return createHash("sha256").update(input).digest("hex");
}
