import { strict as assert } from "node:assert";
import { randomUUID } from "node:crypto";
import type { ApiContainer } from "../../../app/src/container";
import { EventStore } from "../../../app/src/orders/eventStore";
import { invoke, type Reply } from "../support/invoke";
import { useLocalEnvironment } from "../support/localEnvironment";

const alice = "arn:aws:sts::111122223333:assumed-role/Orders/alice";
const bob = "arn:aws:sts::111122223333:assumed-role/Orders/bob";
const item = { sku: "sku-1", quantity: 1, unitPrice: 2.5 };

/** A 404 as a client sees it, without the parts that differ per request. */
function notFound(reply: Reply): { status: number; error: unknown } {
    return { status: reply.status, error: reply.body?.error };
}

describe("http: one order is its owner's (object-level authorization, against MariaDB)", function () {
    this.timeout(30_000);
    const local = useLocalEnvironment();
    let api: ApiContainer;
    let orderId: string;
    let missing: { status: number; error: unknown };

    before(async () => {
        api = local.container();
        const created = await invoke(api, "POST", "/orders", { caller: alice, body: { customerId: `access-${randomUUID()}` } });
        assert.equal(created.status, 201);
        orderId = String(created.body.id);
        missing = notFound(await invoke(api, "GET", `/orders/${randomUUID()}`, { caller: alice }));
        assert.equal(missing.status, 404);
    });

    it("gives the owner the order and its events, without the owner hash", async () => {
        const order = await invoke(api, "GET", `/orders/${orderId}`, { caller: alice });
        assert.equal(order.status, 200);
        assert.equal(order.body.id, orderId);
        assert.equal("owner" in order.body, false);
        const events = await invoke(api, "GET", `/orders/${orderId}/events`, { caller: alice });
        assert.equal(events.status, 200);
        assert.equal(events.body[0].type, "OrderCreated");
        assert.equal("owner" in events.body[0].data, false);
    });

    for (const [who, caller] of [
        ["another caller", bob],
        ["an anonymous caller", undefined],
    ] as const) {
        it(`answers ${who} as if the order did not exist, on every order route`, async () => {
            const spec = caller === undefined ? {} : { caller };
            for (const [method, path, body] of [
                ["GET", `/orders/${orderId}`, undefined],
                ["GET", `/orders/${orderId}/events`, undefined],
                ["POST", `/orders/${orderId}/items`, item],
                ["POST", `/orders/${orderId}/confirm`, undefined],
                ["POST", `/orders/${orderId}/cancel`, undefined],
            ] as const) {
                const reply = await invoke(api, method, path, body === undefined ? spec : { ...spec, body });
                assert.deepEqual(notFound(reply), missing, `${method} ${path}`);
            }
        });
    }

    it("leaves the order as it was after another caller's commands", async () => {
        const order = await invoke(api, "GET", `/orders/${orderId}`, { caller: alice });
        assert.equal(order.body.version, 1);
        assert.equal(order.body.status, "open");
        assert.deepEqual(order.body.items, []);
    });

    it("keeps an order created before owners were recorded in the anonymous scope only", async () => {
        const legacyId = randomUUID();
        // As the API wrote OrderCreated before the read model: no owner in its data.
        await new EventStore(api.db).append(legacyId, 0, [{ eventId: randomUUID(), type: "OrderCreated", data: { customerId: "legacy" } }]);
        assert.equal((await invoke(api, "GET", `/orders/${legacyId}`)).status, 200);
        assert.equal((await invoke(api, "GET", `/orders/${legacyId}/events`)).status, 200);
        assert.deepEqual(notFound(await invoke(api, "GET", `/orders/${legacyId}`, { caller: alice })), missing);
    });
});
