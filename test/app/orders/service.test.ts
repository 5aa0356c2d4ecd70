import { strict as assert } from "node:assert";
import type { OrderMetrics } from "../../../app/src/metrics";
import { ConcurrencyConflictError, InvalidTransitionError, OrderNotFoundError, StaleVersionError } from "../../../app/src/orders/errors";
import type { RecordedEvent } from "../../../app/src/orders/events";
import type { AppendOutcome, EventStore, NewEvent } from "../../../app/src/orders/eventStore";
import { anonymousCaller } from "../../../app/src/orders/caller";
import { idempotencyEventId, OrderService } from "../../../app/src/orders/service";

// The real store is exercised against MariaDB in eventStore.test.ts; this fake scripts the races the
// service must handle, which a real database produces only by chance.
class RacingStore {
    readonly stream: RecordedEvent[] = [{ type: "OrderCreated", data: { customerId: "c" }, version: 1, createdAt: "" }];
    appends = 0;
    constructor(private readonly lostRaces: number) {}

    async load(): Promise<RecordedEvent[]> {
        return [...this.stream];
    }

    async append(aggregateId: string, expectedVersion: number, events: readonly NewEvent[]): Promise<AppendOutcome> {
        this.appends += 1;
        if (this.appends <= this.lostRaces) {
            // Another writer got there first: the stream moves on, this append fails.
            this.stream.push({ type: "ItemAdded", data: { sku: "other", quantity: 1, unitPrice: 1 }, version: this.stream.length + 1, createdAt: "" });
            throw new ConcurrencyConflictError(aggregateId, expectedVersion);
        }
        for (const event of events) {
            this.stream.push({ ...event, version: this.stream.length + 1, createdAt: "" });
        }
        return "appended";
    }
}

// A store whose INSERT landed, lost its connection, and was repeated: the repeat finds the event id and says "replayed".
class RepeatedInsertStore {
    readonly stream: RecordedEvent[] = [];
    orderId: string | undefined;

    async append(aggregateId: string, _expectedVersion: number, events: readonly NewEvent[]): Promise<AppendOutcome> {
        this.orderId = aggregateId;
        for (const event of events) {
            this.stream.push({ ...event, version: this.stream.length + 1, createdAt: "" });
        }
        return "replayed";
    }

    async aggregateOf(): Promise<{ aggregateId: string; event: RecordedEvent } | undefined> {
        const [event] = this.stream;
        return this.orderId === undefined || event === undefined ? undefined : { aggregateId: this.orderId, event };
    }

    async load(): Promise<RecordedEvent[]> {
        return [...this.stream];
    }
}

const item = { sku: "mine", quantity: 1, unitPrice: 2 };
const service = (store: RacingStore) => new OrderService(store as unknown as EventStore, { maxAttempts: 3 });

describe("orders: OrderService", () => {
    it("re-decides a command that lost a race and appends it on the new state", async () => {
        const store = new RacingStore(2);
        const state = await service(store).execute("o", anonymousCaller, { type: "addItem", item });
        assert.equal(state.version, 4);
        assert.deepEqual(state.items.map((line) => line.sku), ["other", "other", "mine"]);
    });

    it("gives up with a ConcurrencyConflictError after the last attempt", async () => {
        const store = new RacingStore(3);
        await assert.rejects(service(store).execute("o", anonymousCaller, { type: "addItem", item }), ConcurrencyConflictError);
        assert.equal(store.appends, 3);
    });

    it("does not retry a lost race under If-Match, and reports the version that won", async () => {
        const store = new RacingStore(1);
        await assert.rejects(service(store).execute("o", anonymousCaller, { type: "addItem", item }, 1), (error: unknown) => {
            assert.ok(error instanceof StaleVersionError);
            assert.equal(error.currentVersion, 2);
            return true;
        });
        assert.equal(store.appends, 1);
    });

    it("reports an unknown order", async () => {
        const store = new RacingStore(0);
        store.stream.length = 0;
        await assert.rejects(service(store).get("o", anonymousCaller), OrderNotFoundError);
    });

    it("reports an order as created when its own insert was repeated after a lost connection", async () => {
        const store = new RepeatedInsertStore();
        const result = await new OrderService(store as unknown as EventStore).create("c", anonymousCaller, "key-1");
        assert.equal(result.created, true);
        assert.equal(result.order.id, store.orderId);
        assert.equal(result.order.customerId, "c");
    });

    describe("metrics", () => {
        function counting() {
            const counted: string[] = [];
            const metrics: OrderMetrics = {
                orderCreated: () => counted.push("created"),
                commandRefused: (status) => counted.push(`refused:${status}`),
                concurrencyRetry: () => counted.push("retry"),
            };
            return { counted, metrics };
        }

        it("counts a retry per lost race it decides again, not the race it gives up on", async () => {
            const won = counting();
            await new OrderService(new RacingStore(2) as unknown as EventStore, { maxAttempts: 3, metrics: won.metrics }).execute("o", anonymousCaller, { type: "addItem", item });
            assert.deepEqual(won.counted, ["retry", "retry"]);
            const lost = counting();
            await assert.rejects(
                new OrderService(new RacingStore(3) as unknown as EventStore, { maxAttempts: 3, metrics: lost.metrics }).execute("o", anonymousCaller, { type: "addItem", item }),
                ConcurrencyConflictError,
            );
            assert.deepEqual(lost.counted, ["retry", "retry"]);
        });

        it("counts a refused command with the status that refused it", async () => {
            const { counted, metrics } = counting();
            const orders = new OrderService(new RacingStore(0) as unknown as EventStore, { metrics });
            await assert.rejects(orders.execute("o", anonymousCaller, { type: "confirm" }), InvalidTransitionError);
            assert.deepEqual(counted, ["refused:open"]);
        });

        it("counts an order created, including one whose own insert was repeated, but not a replay", async () => {
            const { counted, metrics } = counting();
            await new OrderService(new RacingStore(0) as unknown as EventStore, { metrics }).create("c", anonymousCaller);
            await new OrderService(new RepeatedInsertStore() as unknown as EventStore, { metrics }).create("c", anonymousCaller, "key-1");
            assert.deepEqual(counted, ["created", "created"]);
            // The key's event is already stored under an earlier request's order: the append reports a replay.
            const replay = new (class extends RepeatedInsertStore {
                override async append(aggregateId: string, expectedVersion: number, events: readonly NewEvent[]): Promise<AppendOutcome> {
                    return this.orderId === undefined ? super.append(aggregateId, expectedVersion, events) : "replayed";
                }
            })();
            await new OrderService(replay as unknown as EventStore).create("c", anonymousCaller, "key-2");
            const again = await new OrderService(replay as unknown as EventStore, { metrics }).create("c", anonymousCaller, "key-2");
            assert.equal(again.created, false);
            assert.deepEqual(counted, ["created", "created"], "a replay of an earlier request's order is not a new order");
        });
    });

    describe("idempotencyEventId", () => {
        const alice = "iam:arn:aws:iam::123456789012:user/alice";
        const bob = "iam:arn:aws:iam::123456789012:user/bob";

        it("derives the same event id from the same key and caller, and never stores either", () => {
            assert.equal(idempotencyEventId("k-1", alice), idempotencyEventId("k-1", alice));
            assert.notEqual(idempotencyEventId("k-1", alice), idempotencyEventId("k-2", alice));
            assert.doesNotMatch(idempotencyEventId("k-1", alice), /k-1|alice/);
            assert.match(idempotencyEventId("k-1", alice), /^[0-9a-f]{64}$/, "fits events.event_id VARCHAR(64)");
        });

        it("gives the same key from two callers two event ids", () => {
            assert.notEqual(idempotencyEventId("k-1", alice), idempotencyEventId("k-1", bob));
            assert.notEqual(idempotencyEventId("k-1", alice), idempotencyEventId("k-1", anonymousCaller));
        });

        it("keeps the anonymous scope's ids as they were before keys were scoped, so stored keys still replay", () => {
            // sha256("order-create:k-1"): what the unscoped version stored for key k-1.
            assert.equal(idempotencyEventId("k-1", anonymousCaller), "cedbb4e09474d501e73f664244313ca399e58db3b9c98ebe012e762dafa0ac69");
        });

        it("cannot be steered into another caller's scope by a key or caller containing the separator", () => {
            // Without the length prefix both pairs would hash "order-create-by:a:b:c".
            assert.notEqual(idempotencyEventId("b:c", "a"), idempotencyEventId("c", "a:b"));
            // An anonymous key shaped like a scoped input does not reach that scope either.
            assert.notEqual(idempotencyEventId("by:1:a:k", anonymousCaller), idempotencyEventId("k", "a"));
        });
    });
});

