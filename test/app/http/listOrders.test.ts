import { strict as assert } from "node:assert";
import { randomUUID } from "node:crypto";
import type { Connection, RowDataPacket } from "mysql2/promise";
import type { LocalEvents } from "../../../app/dev/localEvents";
import type { ApiContainer } from "../../../app/src/container";
import { pageSize } from "../../../app/src/http/listQuery";
import { invoke, type Reply } from "../support/invoke";
import { useLocalEnvironment } from "../support/localEnvironment";
import { freshEvents } from "../support/localEvents";

const alice = "arn:aws:sts::111122223333:assumed-role/Orders/alice";
const bob = "arn:aws:sts::111122223333:assumed-role/Orders/bob";

describe("http: GET /orders (against MariaDB, through the relay and the projector)", function () {
    this.timeout(60_000);
    const local = useLocalEnvironment();
    let api: ApiContainer;
    let admin: Connection;
    let events: LocalEvents;
    // Unique per run, so that orders other tests created never show up in these lists.
    const customer = `list-${randomUUID()}`;
    const other = `list-${randomUUID()}`;
    const created: { id: string; caller: string; customer: string; status: string }[] = [];

    const list = (query: string, caller: string | null = alice): Promise<Reply> => invoke(api, "GET", `/orders?${query}`, caller === null ? {} : { caller });

    before(async () => {
        api = local.container();
        admin = await local.env().mariadb.connectAdmin();
        events = await freshEvents(local.env(), admin);
        const make = async (caller: string, customerId: string, then?: "confirm" | "cancel") => {
            const reply = await invoke(api, "POST", "/orders", { caller, body: { customerId } });
            assert.equal(reply.status, 201);
            const id = String(reply.body.id);
            await invoke(api, "POST", `/orders/${id}/items`, { caller, body: { sku: "sku-1", quantity: 2, unitPrice: 4.5 } });
            if (then !== undefined) {
                assert.equal((await invoke(api, "POST", `/orders/${id}/${then}`, { caller })).status, 200);
            }
            created.push({ id, caller, customer: customerId, status: then === "confirm" ? "confirmed" : then === "cancel" ? "cancelled" : "open" });
        };
        for (let n = 0; n < 5; n += 1) {
            await make(alice, customer, n % 2 === 0 ? undefined : "confirm");
        }
        await make(alice, other, "cancel");
        await make(bob, customer);
        await events.runRelay();
        await events.bus.drained();
    });
    after(async () => {
        await events?.stop();
        await admin?.end();
    });

    const expected = (filter: (order: (typeof created)[number]) => boolean) =>
        created
            .filter(filter)
            .map((order) => order.id)
            .reverse();

    it("lists the caller's orders of a customer, newest first, as summaries", async () => {
        const reply = await list(`customerId=${customer}`);
        assert.equal(reply.status, 200);
        assert.equal(reply.headers["cache-control"], "no-store");
        assert.deepEqual(reply.body.orders.map((order: { id: string }) => order.id), expected((o) => o.caller === alice && o.customer === customer));
        const [first] = reply.body.orders;
        assert.deepEqual(Object.keys(first).sort(), ["createdAt", "customerId", "id", "itemCount", "status", "total", "updatedAt", "version"]);
        assert.equal(first.itemCount, 2);
        assert.equal(first.total, 9);
        assert.equal(reply.body.nextCursor, undefined);
    });

    it("filters by status", async () => {
        const reply = await list(`customerId=${customer}&status=confirmed`);
        assert.deepEqual(reply.body.orders.map((order: { id: string }) => order.id), expected((o) => o.caller === alice && o.customer === customer && o.status === "confirmed"));
        assert.ok(reply.body.orders.length > 0 && reply.body.orders.every((order: { status: string }) => order.status === "confirmed"));
    });

    it("never shows another caller's orders, and an anonymous caller none of theirs", async () => {
        const bobs = await list(`customerId=${customer}`, bob);
        assert.deepEqual(bobs.body.orders.map((order: { id: string }) => order.id), expected((o) => o.caller === bob));
        assert.deepEqual((await list(`customerId=${customer}`, null)).body.orders, []);
    });

    it("pages with an opaque cursor, without repeats or gaps, and ends without one", async () => {
        const seen: string[] = [];
        let cursor: string | undefined;
        let pages = 0;
        do {
            const reply = await list(`customerId=${customer}&limit=2${cursor === undefined ? "" : `&cursor=${cursor}`}`);
            assert.equal(reply.status, 200);
            seen.push(...reply.body.orders.map((order: { id: string }) => order.id));
            cursor = reply.body.nextCursor;
            pages += 1;
        } while (cursor !== undefined);
        assert.equal(pages, 3);
        assert.deepEqual(seen, expected((o) => o.caller === alice && o.customer === customer));
    });

    it("answers 400 naming the parameter for bad input", async () => {
        const page = await list(`customerId=${customer}&limit=1`);
        const cursor = String(page.body.nextCursor);
        const cases: [string, string][] = [
            ["limit=0", "limit"],
            [`limit=${pageSize.max + 1}`, "limit"],
            ["limit=ten", "limit"],
            ["status=shipped", "status"],
            ["customerId=", "customerId"],
            ["customer_id=x", "query"],
            ["cursor=%%%", "cursor"],
            [`customerId=${other}&cursor=${cursor}`, "cursor"],
        ];
        for (const [query, field] of cases) {
            const reply = await list(query);
            assert.equal(reply.status, 400, query);
            assert.equal(reply.body.error, "validation_error", query);
            assert.equal(reply.body.field, field, query);
        }
        // The same cursor with another caller is refused too: it belongs to Alice's list.
        assert.equal((await list(`customerId=${customer}&limit=1&cursor=${cursor}`, bob)).status, 400);
    });

    it("is eventually consistent: a new order shows up once the relay has published it", async () => {
        const reply = await invoke(api, "POST", "/orders", { caller: alice, body: { customerId: other } });
        const before = await list(`customerId=${other}`);
        assert.ok(!before.body.orders.some((order: { id: string }) => order.id === reply.body.id));
        await events.runRelay();
        await events.bus.drained();
        const after = await list(`customerId=${other}`);
        assert.equal(after.body.orders[0]?.id, reply.body.id);
        const [rows] = await admin.query<RowDataPacket[]>("SELECT COUNT(*) AS n FROM order_summaries WHERE order_id = ?", [reply.body.id]);
        assert.equal(Number(rows[0]?.n), 1);
    });
});
