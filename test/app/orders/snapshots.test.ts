import { strict as assert } from "node:assert";
import { randomUUID } from "node:crypto";
import type { Connection, RowDataPacket } from "mysql2/promise";
import type { ApiContainer } from "../../../app/src/container";
import type { Queryable } from "../../../app/src/db/connection";
import { EventStore } from "../../../app/src/orders/eventStore";
import { fold, type OrderState } from "../../../app/src/orders/fold";
import { anonymousCaller } from "../../../app/src/orders/caller";
import { anonymousOwner } from "../../../app/src/orders/owner";
import { OrderService } from "../../../app/src/orders/service";
import { maxSnapshotBytes, snapshotFormat, SnapshotStore } from "../../../app/src/orders/snapshots";
import { CapturingLogger } from "../support/capturingLogger";
import { useLocalEnvironment } from "../support/localEnvironment";

const item = (n: number) => ({ sku: `sku-${n}`, quantity: (n % 5) + 1, unitPrice: n / 4 });

describe("orders: SnapshotStore (against MariaDB)", function () {
    this.timeout(30_000);
    const local = useLocalEnvironment();
    let a: ApiContainer;
    let b: ApiContainer;
    let admin: Connection;
    let logger: CapturingLogger;

    before(async () => {
        a = local.container();
        b = local.container();
        admin = await local.env().mariadb.connectAdmin();
    });
    beforeEach(() => {
        logger = new CapturingLogger();
    });
    after(async () => {
        await admin?.end();
    });

    const storesOn = (db: Queryable, every?: number) => {
        const events = new EventStore(db);
        return { events, snapshots: new SnapshotStore(db, events, logger, { every }) };
    };
    const serviceOn = (db: Queryable, every: number) => {
        const { events, snapshots } = storesOn(db, every);
        return new OrderService(events, { snapshots });
    };
    /** The order as the whole stream folds it, snapshots aside: what every read must return. */
    const folded = async (orderId: string) => fold(orderId, await new EventStore(a.db).load(orderId));
    const snapshotVersions = async (orderId: string): Promise<number[]> => {
        const [rows] = await admin.query<RowDataPacket[]>("SELECT version FROM order_snapshots WHERE aggregate_id = ? ORDER BY version", [orderId]);
        return rows.map((row) => Number(row.version));
    };
    async function orderWithItems(service: OrderService, items: number): Promise<string> {
        const { order } = await service.create("c-snap", anonymousCaller);
        for (let n = 1; n <= items; n += 1) {
            await service.execute(order.id, anonymousCaller, { type: "addItem", item: item(n) });
        }
        return order.id;
    }

    it("reads an order with a long history exactly as the whole stream folds it", async () => {
        const service = serviceOn(a.db, 4);
        const orderId = await orderWithItems(service, 21);
        await service.execute(orderId, anonymousCaller, { type: "confirm" });
        const state = await service.get(orderId, anonymousCaller);
        assert.deepEqual(state, await folded(orderId));
        assert.equal(state.version, 23);
        assert.equal(state.items.length, 21);
    });

    it("saves a snapshot each time a command has folded snapshotEvery events since the last one", async () => {
        const service = serviceOn(a.db, 4);
        const orderId = await orderWithItems(service, 9);
        assert.deepEqual(await snapshotVersions(orderId), [4, 8]);
    });

    it("starts a read from the newest snapshot and folds only the events after it", async () => {
        const service = serviceOn(a.db, 4);
        const orderId = await orderWithItems(service, 9);
        const latest = await storesOn(a.db, 4).snapshots.latest(orderId);
        assert.equal(latest.snapshot?.version, 8);
        assert.deepEqual(latest.events.map((event) => event.version), [9, 10]);
        assert.deepEqual(fold(orderId, latest.events, latest.snapshot), await folded(orderId));
    });

    it("reads nothing for an unknown order", async () => {
        assert.deepEqual(await storesOn(a.db).snapshots.latest(randomUUID()), { snapshot: undefined, events: [] });
    });

    it("rebuilds from the events: with every snapshot deleted, reads stay right and the next long read saves one again", async () => {
        const service = serviceOn(a.db, 4);
        const orderId = await orderWithItems(service, 10);
        const before = await service.get(orderId, anonymousCaller);
        await admin.query("DELETE FROM order_snapshots WHERE aggregate_id = ?", [orderId]);
        assert.deepEqual(await service.get(orderId, anonymousCaller), before);
        assert.deepEqual(await snapshotVersions(orderId), [11], "the read folded 11 events and saved their state");
        assert.deepEqual(await service.get(orderId, anonymousCaller), before);
    });

    it("ignores snapshots of another format, and an unreadable one, by folding the stream", async () => {
        const service = serviceOn(a.db, 100);
        const orderId = await orderWithItems(service, 5);
        const expected = await folded(orderId);
        const wrong = JSON.stringify({ customerId: "someone-else", status: "cancelled", total: 0, items: [] });
        await admin.query("INSERT INTO order_snapshots (aggregate_id, state_format, version, state, created_at) VALUES (?, ?, 5, ?, UTC_TIMESTAMP(6))", [orderId, snapshotFormat + 1, wrong]);
        assert.deepEqual(await service.get(orderId, anonymousCaller), expected);
        await admin.query("INSERT INTO order_snapshots (aggregate_id, state_format, version, state, created_at) VALUES (?, ?, 4, ?, UTC_TIMESTAMP(6))", [orderId, snapshotFormat, '{"items":"not a list"}']);
        assert.deepEqual(await service.get(orderId, anonymousCaller), expected);
        assert.ok(logger.lines.some((line) => line.includes("Ignoring an unreadable order snapshot")), logger.lines.join("\n"));
    });

    it("keeps every snapshot equal to the fold of its events while two containers race on one order", async () => {
        const [first, second] = [serviceOn(a.db, 2), serviceOn(b.db, 2)];
        const { order } = await first.create("c-race", anonymousCaller);
        for (let round = 0; round < 12; round += 1) {
            // Without If-Match, a lost race is re-decided on the new state: both commands land, in some order.
            await Promise.all([
                first.execute(order.id, anonymousCaller, { type: "addItem", item: item(2 * round) }),
                second.execute(order.id, anonymousCaller, { type: "addItem", item: item(2 * round + 1) }),
                first.get(order.id, anonymousCaller),
            ]);
        }
        const events = await new EventStore(a.db).load(order.id);
        assert.equal(events.length, 25);
        const versions = await snapshotVersions(order.id);
        assert.ok(versions.length >= 6, `snapshots at ${versions.join(", ")}`);
        for (const version of versions) {
            const [rows] = await admin.query<RowDataPacket[]>("SELECT state FROM order_snapshots WHERE aggregate_id = ? AND version = ?", [order.id, version]);
            const state: unknown = rows[0]?.state;
            const stored = typeof state === "string" ? JSON.parse(state) : state;
            const truth = fold(order.id, events.slice(0, version)) as OrderState;
            assert.deepEqual(stored, {
                owner: truth.owner,
                customerId: truth.customerId,
                status: truth.status,
                total: truth.total,
                items: truth.items.map((line) => [line.sku, line.quantity, line.unitPrice]),
            }, `snapshot at version ${version}`);
        }
        assert.deepEqual(await first.get(order.id, anonymousCaller), fold(order.id, events));
    });

    it("does not save a state too large for a statement well below RDS Proxy's 16 KB pinning threshold", async () => {
        const { snapshots } = storesOn(a.db);
        const orderId = randomUUID();
        const sku = "x".repeat(64);
        const items = Array.from({ length: Math.ceil(maxSnapshotBytes / 70) + 1 }, () => ({ sku, quantity: 1, unitPrice: 1 }));
        const big: OrderState = { id: orderId, owner: anonymousOwner, customerId: "c-big", status: "open", items, total: items.length, version: items.length + 1 };
        assert.equal(await snapshots.save(big), false);
        assert.equal(await snapshots.save({ ...big, items: items.slice(0, 10), version: 11 }), true);
        assert.deepEqual(await snapshotVersions(orderId), [11]);
    });

    it("treats saving the same snapshot twice (a repeated statement) as done", async () => {
        const { snapshots } = storesOn(a.db);
        const state: OrderState = { id: randomUUID(), owner: anonymousOwner, customerId: "c-twice", status: "open", items: [item(1)], total: 0.5, version: 2 };
        assert.equal(await snapshots.save(state), true);
        assert.equal(await snapshots.save(state), false);
        assert.deepEqual(logger.lines, [], "a duplicate is not worth a log line");
    });
});
