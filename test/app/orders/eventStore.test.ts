import { strict as assert } from "node:assert";
import { randomUUID } from "node:crypto";
import type { ApiContainer } from "../../../app/src/container";
import { ConcurrencyConflictError } from "../../../app/src/orders/errors";
import { EventStore, type NewEvent } from "../../../app/src/orders/eventStore";
import { useLocalEnvironment } from "../support/localEnvironment";

const created = (): NewEvent => ({ eventId: randomUUID(), type: "OrderCreated", data: { customerId: "c" } });
const added = (): NewEvent => ({ eventId: randomUUID(), type: "ItemAdded", data: { sku: "s", quantity: 1, unitPrice: 1 } });

describe("orders: EventStore (against MariaDB)", function () {
    this.timeout(30_000);
    const local = useLocalEnvironment();
    let a: ApiContainer;
    let b: ApiContainer;

    before(() => {
        a = local.container();
        b = local.container();
    });

    it("appends and loads a stream in version order", async () => {
        const store = new EventStore(a.db);
        const id = randomUUID();
        assert.equal(await store.append(id, 0, [created(), added(), added()]), "appended");
        assert.deepEqual((await store.load(id)).map((event) => [event.version, event.type]), [
            [1, "OrderCreated"],
            [2, "ItemAdded"],
            [3, "ItemAdded"],
        ]);
    });

    it("lets exactly one of two concurrent appends at the same version win, each time", async () => {
        for (let round = 0; round < 5; round += 1) {
            const id = randomUUID();
            await new EventStore(a.db).append(id, 0, [created()]);
            const outcomes = await Promise.allSettled([new EventStore(a.db).append(id, 1, [added()]), new EventStore(b.db).append(id, 1, [added()])]);
            assert.equal(outcomes.filter((outcome) => outcome.status === "fulfilled").length, 1);
            const rejected = outcomes.find((outcome) => outcome.status === "rejected");
            assert.ok(rejected?.status === "rejected" && rejected.reason instanceof ConcurrencyConflictError);
            assert.equal((await new EventStore(a.db).load(id)).length, 2);
        }
    });

    it("treats a repeated append of the same event id as a replay, not a duplicate", async () => {
        const store = new EventStore(a.db);
        const id = randomUUID();
        const event = created();
        assert.equal(await store.append(id, 0, [event]), "appended");
        assert.equal(await store.append(id, 0, [event]), "replayed");
        assert.equal((await store.load(id)).length, 1);
    });

    it("appends all events of one call or none", async () => {
        const store = new EventStore(a.db);
        const id = randomUUID();
        await store.append(id, 0, [created()]);
        const taken = added();
        await store.append(id, 1, [taken]);
        // Version 2 is free for the first row but the second row's event id exists: the whole INSERT must fail.
        await assert.rejects(store.append(id, 2, [added(), taken]));
        assert.equal((await store.load(id)).length, 2);
    });

    it("loads nothing for an unknown aggregate", async () => {
        assert.deepEqual(await new EventStore(a.db).load(randomUUID()), []);
    });
});
