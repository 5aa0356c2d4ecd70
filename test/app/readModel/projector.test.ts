import { strict as assert } from "node:assert";
import { randomUUID } from "node:crypto";
import type { Connection } from "mysql2/promise";
import { withEnvironment } from "../../../app/dev/localEnvironment";
import { invokeProjector } from "../../../app/dev/localEvents";
import type { ApiContainer } from "../../../app/src/container";
import { EventStore, type NewEvent, type StoredEvent } from "../../../app/src/orders/eventStore";
import { resetProjectorContainer } from "../../../app/src/projector";
import { Projector, ProjectionConflictError } from "../../../app/src/readModel/projector";
import { foldSummary } from "../../../app/src/readModel/summary";
import { SummaryStore } from "../../../app/src/readModel/summaryStore";
import { useLocalEnvironment } from "../support/localEnvironment";
import { freshEvents } from "../support/localEvents";

const created = (): NewEvent => ({ eventId: randomUUID(), type: "OrderCreated", data: { customerId: "projector" } });
const added = (quantity: number): NewEvent => ({ eventId: randomUUID(), type: "ItemAdded", data: { sku: "s", quantity, unitPrice: 1.25 } });

describe("readModel: projector (against MariaDB)", function () {
    this.timeout(60_000);
    const local = useLocalEnvironment();
    let api: ApiContainer;
    let admin: Connection;
    let store: EventStore;
    let summaries: SummaryStore;
    let projector: Projector;

    before(async () => {
        api = local.container();
        admin = await local.env().mariadb.connectAdmin();
        store = new EventStore(api.db);
        summaries = new SummaryStore(api.db);
        projector = new Projector(summaries, store);
    });
    after(async () => {
        await admin?.end();
    });

    async function order(items: number[]): Promise<StoredEvent[]> {
        const id = randomUUID();
        await store.append(id, 0, [created(), ...items.map(added)]);
        return store.loadRange(id, 0, 1 + items.length);
    }

    it("applies each event once, in version order, and ignores repeats", async () => {
        const events = await order([1, 2]);
        const outcomes = [];
        for (const event of [...events, events[1], events[0]] as StoredEvent[]) {
            outcomes.push(await projector.project(event));
        }
        assert.deepEqual(outcomes, ["applied", "applied", "applied", "ignored", "ignored"]);
        assert.deepEqual(await summaries.get(events[0]?.orderId ?? ""), foldSummary(undefined, events));
    });

    it("never moves a summary backwards when events arrive out of order: it catches up from the store", async () => {
        const events = await order([1, 2, 3]);
        const [v1, v2, v3, v4] = events as [StoredEvent, StoredEvent, StoredEvent, StoredEvent];
        assert.equal(await projector.project(v3), "caughtUp");
        assert.equal((await summaries.get(v1.orderId))?.version, 3);
        assert.equal(await projector.project(v1), "ignored");
        assert.equal(await projector.project(v2), "ignored");
        assert.equal(await projector.project(v4), "applied");
        assert.deepEqual(await summaries.get(v1.orderId), foldSummary(undefined, events));
    });

    it("converges when every permutation of deliveries, with duplicates, races on one order", async () => {
        const events = await order([1, 1, 1]);
        const deliveries = [...events, ...events].sort(() => Math.random() - 0.5);
        const outcomes = await Promise.all(deliveries.map((event) => projector.project(event)));
        assert.ok(outcomes.filter((outcome) => outcome !== "ignored").length >= 1);
        assert.deepEqual(await summaries.get(events[0]?.orderId ?? ""), foldSummary(undefined, events));
    });

    it("fails a delivery the event store cannot back, so that it is retried rather than guessed", async () => {
        const [first] = await order([]);
        const ahead: StoredEvent = { ...(first as StoredEvent), version: 3, type: "OrderConfirmed", data: {} };
        await assert.rejects(projector.project(ahead), ProjectionConflictError);
    });

    it("keeps GET-able summaries in step through the relay and the bus, duplicates included", async () => {
        const events = await freshEvents(local.env(), admin);
        try {
            const stream = await order([2, 5]);
            await events.runRelay();
            await events.bus.drained();
            assert.deepEqual(await summaries.get(stream[0]?.orderId ?? ""), foldSummary(undefined, stream));
            assert.deepEqual(events.bus.deadLetters, []);
        } finally {
            await events.stop();
        }
    });

    describe("handler", () => {
        afterEach(resetProjectorContainer);

        it("applies an EventBridge event and answers the outcome", async () => {
            const [first] = await order([]);
            const event = first as StoredEvent;
            const delivered = {
                version: "0",
                id: randomUUID(),
                "detail-type": event.type,
                source: "orders",
                account: "000000000000",
                time: event.occurredAt,
                region: "us-east-1",
                resources: [],
                detail: { eventId: randomUUID(), orderId: event.orderId, version: 1, position: event.position, occurredAt: event.occurredAt, data: event.data },
            };
            const env = { ...local.env().apiEnv, POWERTOOLS_LOG_LEVEL: "SILENT" };
            assert.equal(await withEnvironment(env, () => invokeProjector(delivered)), "applied");
            assert.equal(await withEnvironment(env, () => invokeProjector(delivered)), "ignored");
        });

        it("applies a queue's batch in order and answers the messages it could not apply, for SQS to deliver again", async () => {
            const [first] = await order([]);
            const event = first as StoredEvent;
            const delivered = {
                "detail-type": event.type,
                source: "orders",
                detail: { eventId: randomUUID(), orderId: event.orderId, version: 1, position: event.position, occurredAt: event.occurredAt, data: event.data },
            };
            const batch = {
                Records: [
                    { messageId: "applied", body: JSON.stringify(delivered) },
                    { messageId: "not-an-orders-event", body: JSON.stringify({ ...delivered, source: "other" }) },
                    { messageId: "not-json", body: "{" },
                    { messageId: "duplicate", body: JSON.stringify(delivered) },
                ],
            };
            const env = { ...local.env().apiEnv, POWERTOOLS_LOG_LEVEL: "SILENT" };
            const answer = await withEnvironment(env, () => invokeProjector(batch));
            assert.deepEqual(answer, { batchItemFailures: [{ itemIdentifier: "not-an-orders-event" }, { itemIdentifier: "not-json" }] });
            assert.equal((await new SummaryStore(api.db).get(event.orderId))?.version, 1);
        });

        it("fails on an event that is not an orders event, naming what is wrong", async () => {
            const env = { ...local.env().apiEnv, POWERTOOLS_LOG_LEVEL: "SILENT" };
            await assert.rejects(
                withEnvironment(env, () => invokeProjector({ source: "other", "detail-type": "X", detail: {} })),
                (error: Error) => error.name === "MalformedDeliveryError" && /source/.test(error.message),
            );
        });
    });
});
