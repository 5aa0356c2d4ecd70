import { strict as assert } from "node:assert";
import { randomUUID } from "node:crypto";
import type { Connection, RowDataPacket } from "mysql2/promise";
import type { LocalEvents } from "../../../app/dev/localEvents";
import type { ApiContainer } from "../../../app/src/container";
import type { OrderEventDetail } from "../../../app/src/outbox/contract";
import { EventStore, type NewEvent } from "../../../app/src/orders/eventStore";
import { RelayCheckpoint } from "../../../app/src/outbox/checkpoint";
import { runRelay } from "../../../app/src/outbox/relay";
import { useLocalEnvironment } from "../support/localEnvironment";
import { checkpointOwner, checkpointPosition, freshEvents, maxPosition } from "../support/localEvents";

const created = (): NewEvent => ({ eventId: randomUUID(), type: "OrderCreated", data: { customerId: "relay" } });
const added = (quantity = 1): NewEvent => ({ eventId: randomUUID(), type: "ItemAdded", data: { sku: "s", quantity, unitPrice: 2.5 } });
const details = (events: LocalEvents) => events.bus.accepted.map((entry) => JSON.parse(entry.Detail) as OrderEventDetail);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("outbox: relay (against MariaDB and the EventBridge stub)", function () {
    this.timeout(60_000);
    const local = useLocalEnvironment();
    let admin: Connection;
    let api: ApiContainer;
    let events: LocalEvents | undefined;

    before(async () => {
        admin = await local.env().mariadb.connectAdmin();
        api = local.container();
    });
    afterEach(async () => {
        await events?.stop();
        events = undefined;
    });
    after(async () => {
        await admin?.end();
    });

    async function appendOrder(extra = 0): Promise<string> {
        const id = randomUUID();
        await new EventStore(api.db).append(id, 0, [created(), ...Array.from({ length: extra }, () => added())]);
        return id;
    }

    it("publishes every event after the checkpoint in position order, with the documented contract, and moves the checkpoint", async () => {
        events = await freshEvents(local.env(), admin);
        const orderId = await appendOrder(2);
        const result = await events.runRelay();
        assert.equal(result.status, "caughtUp");
        assert.equal(result.published, 3);
        assert.equal(result.backlog, 0);
        const entries = events.bus.accepted;
        assert.deepEqual(entries.map((entry) => [entry.Source, entry.DetailType, entry.EventBusName]), [
            ["orders", "OrderCreated", "orders-local"],
            ["orders", "ItemAdded", "orders-local"],
            ["orders", "ItemAdded", "orders-local"],
        ]);
        const published = details(events);
        assert.deepEqual(published.map((detail) => [detail.orderId, detail.version]), [[orderId, 1], [orderId, 2], [orderId, 3]]);
        assert.deepEqual(Object.keys(published[0] ?? {}).sort(), ["data", "eventId", "occurredAt", "orderId", "position", "version"]);
        assert.match(published[0]?.occurredAt ?? "", /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
        const positions = published.map((detail) => detail.position);
        assert.deepEqual([...positions].sort((a, b) => a - b), positions);
        assert.equal(await checkpointPosition(admin), positions[2]);
        // A second run finds nothing new.
        assert.deepEqual(await events.runRelay(), { status: "caughtUp", published: 0, parked: 0, position: positions[2], backlog: 0, oldestUnpublishedAgeMs: 0 });
    });

    it("does not skip an append that commits after a later one: the high-water mark waits for it", async () => {
        events = await freshEvents(local.env(), admin);
        const slow = local.container();
        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        const slowId = randomUUID();
        let appendedInside!: () => void;
        const inside = new Promise<void>((resolve) => (appendedInside = resolve));
        // READ COMMITTED, where INSERT ... SELECT takes no implicit lock on what it reads: only the append's own
        // LOCK IN SHARE MODE holds the relay back (RDS's default is REPEATABLE READ, where it would lock anyway).
        await slow.db.query("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED", [], { retryOnFatal: false });
        // The first append takes its position, then its transaction stays open.
        const slowAppend = slow.db.transaction(async (tx) => {
            await new EventStore(tx).append(slowId, 0, [created()]);
            appendedInside();
            await held;
        });
        await inside;
        // A later append commits first, with a higher position.
        const fastId = await appendOrder();
        const [rows] = await admin.query<RowDataPacket[]>("SELECT aggregate_id, seq FROM events WHERE aggregate_id IN (?, ?)", [slowId, fastId]);
        const fastSeq = Number(rows.find((row) => row.aggregate_id === fastId)?.seq);
        assert.equal(rows.length, 1, "the slow append is not visible yet");
        assert.equal(await maxPosition(admin), fastSeq);

        const run = events.runRelay();
        await sleep(300);
        assert.deepEqual(events.bus.accepted, [], "nothing is published while an earlier position is still in flight");
        release();
        await slowAppend;
        const result = await run;
        assert.equal(result.status, "caughtUp");
        const published = details(events);
        assert.deepEqual(new Set(published.map((detail) => detail.orderId)), new Set([slowId, fastId]));
        const slowSeq = published.find((detail) => detail.orderId === slowId)?.position ?? Infinity;
        assert.ok(slowSeq < fastSeq, "the slow append really took the earlier position");
        assert.equal(await checkpointPosition(admin), fastSeq);
        await slow.db.close();
    });

    it("retries only the entries PutEvents refused, and checkpoints past them once accepted", async () => {
        const refusedOnce = new Set<string>();
        events = await freshEvents(local.env(), admin, {
            refuse: (entry) => {
                const detail = JSON.parse(entry.Detail) as OrderEventDetail;
                if (detail.version === 2 && !refusedOnce.has(detail.eventId)) {
                    refusedOnce.add(detail.eventId);
                    return "ThrottlingException";
                }
                return undefined;
            },
        });
        await appendOrder(3);
        const result = await events.runRelay();
        assert.equal(result.status, "caughtUp");
        assert.deepEqual(events.bus.calls, [4, 1], "the second call carries the refused entry alone");
        assert.deepEqual(details(events).map((detail) => detail.version), [1, 3, 4, 2]);
        assert.equal(await checkpointPosition(admin), await maxPosition(admin));
    });

    it("stops at an entry the bus keeps refusing, keeps the checkpoint before it, and resumes from it on the next run", async () => {
        let refusing = true;
        events = await freshEvents(local.env(), admin, {
            refuse: (entry) => (refusing && (JSON.parse(entry.Detail) as OrderEventDetail).version === 2 ? "InternalFailure" : undefined),
        });
        await appendOrder(2);
        const first = await runRelay({ ...events.relay, remainingMs: () => 30_000, publish: { baseDelayMs: 1 } });
        assert.equal(first.status, "publishFailed");
        const versions = details(events).map((detail) => detail.version);
        assert.deepEqual(versions, [1, 3], "the entries around the refused one were accepted");
        const versionOne = details(events).find((detail) => detail.version === 1)?.position;
        assert.equal(await checkpointPosition(admin), versionOne, "only past version 1, the prefix without a gap");
        assert.equal(first.backlog, 2);

        refusing = false;
        const second = await events.runRelay();
        assert.equal(second.status, "caughtUp");
        // Version 3 is published a second time: at least once, never lost.
        assert.deepEqual(details(events).map((detail) => detail.version), [1, 3, 2, 3]);
        assert.equal(await checkpointPosition(admin), await maxPosition(admin));
    });

    it("publishes again after a crash between PutEvents and the checkpoint: duplicates, no loss", async () => {
        events = await freshEvents(local.env(), admin);
        await appendOrder(1);
        const start = await checkpointPosition(admin);
        const crashing = Object.create(events.relay.checkpoint) as RelayCheckpoint;
        crashing.advance = () => Promise.reject(new Error("the function timed out"));
        await assert.rejects(runRelay({ ...events.relay, checkpoint: crashing, remainingMs: () => 30_000 }), /timed out/);
        assert.equal(events.bus.accepted.length, 2);
        assert.equal(await checkpointPosition(admin), start);
        // The crashed run's lease was given back in `finally`; had the process died, it would expire.
        const again = await events.runRelay();
        assert.equal(again.published, 2);
        assert.deepEqual(details(events).map((detail) => detail.version), [1, 2, 1, 2]);
    });

    it("sends at most 10 entries per PutEvents call", async () => {
        events = await freshEvents(local.env(), admin);
        await appendOrder(24);
        const result = await events.runRelay();
        assert.equal(result.published, 25);
        assert.deepEqual(events.bus.calls, [10, 10, 5]);
    });

    it("parks a malformed row, counts it, and publishes the events after it", async () => {
        events = await freshEvents(local.env(), admin);
        const broken = randomUUID();
        await admin.query(
            "INSERT INTO events (event_id, aggregate_id, version, type, data, created_at) VALUES (?, ?, 1, 'ItemAdded', '{\"sku\": 7}', UTC_TIMESTAMP(6))",
            [randomUUID(), broken],
        );
        const [rows] = await admin.query<RowDataPacket[]>("SELECT seq FROM events WHERE aggregate_id = ?", [broken]);
        const brokenSeq = Number(rows[0]?.seq);
        const fine = await appendOrder();
        const result = await events.runRelay();
        assert.equal(result.status, "caughtUp");
        assert.equal(result.parked, 1);
        assert.deepEqual(details(events).map((detail) => detail.orderId), [fine]);
        const [parked] = await admin.query<RowDataPacket[]>("SELECT reason FROM parked_events WHERE seq = ?", [brokenSeq]);
        assert.match(String(parked[0]?.reason), /not a valid ItemAdded event/);
        assert.equal(await checkpointPosition(admin), await maxPosition(admin));
    });

    it("lets one of two overlapping runs publish, and the other return at once", async () => {
        events = await freshEvents(local.env(), admin);
        await appendOrder(5);
        const other = new RelayCheckpoint(events.relay.db, "eventbridge");
        const [a, b] = await Promise.all([events.runRelay(), runRelay({ ...events.relay, checkpoint: other, remainingMs: () => 30_000 })]);
        assert.deepEqual([a.status, b.status].sort(), ["caughtUp", "leaseHeld"]);
        assert.equal(events.bus.accepted.length, 6, "each event once");
    });

    it("reports how old the oldest event it could not publish is, in the database's clock", async () => {
        events = await freshEvents(local.env(), admin, { refuse: () => "InternalFailure" });
        const orderId = randomUUID();
        // Appended 30 s ago, as if the bus had refused it since.
        await admin.query(
            "INSERT INTO events (event_id, aggregate_id, version, type, data, created_at) VALUES (?, ?, 1, 'OrderCreated', '{\"customerId\": \"late\"}', UTC_TIMESTAMP(6) - INTERVAL 30 SECOND)",
            [randomUUID(), orderId],
        );
        const result = await runRelay({ ...events.relay, remainingMs: () => 30_000, publish: { baseDelayMs: 1 } });
        assert.equal(result.status, "publishFailed");
        assert.equal(result.backlog, 1);
        assert.ok(result.oldestUnpublishedAgeMs >= 30_000 && result.oldestUnpublishedAgeMs < 60_000, String(result.oldestUnpublishedAgeMs));
    });

    it("ends a run that runs out of time with the backlog it leaves", async () => {
        events = await freshEvents(local.env(), admin);
        await appendOrder(4);
        const result = await runRelay({ ...events.relay, remainingMs: () => 1_000, reserveMs: 5_000 });
        assert.equal(result.status, "outOfTime");
        assert.equal(result.published, 0);
        assert.equal(result.backlog, 5);
    });

    describe("as deployed: a long run that polls while it holds the lease", () => {
        /** Waits for `condition` (checked every 10 ms, for at most 10 s): the runs below go on until told to stop. */
        async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
            for (let tries = 0; tries < 1000; tries += 1) {
                if (await condition()) {
                    return;
                }
                await sleep(10);
            }
            throw new Error(`timed out waiting until ${what}`);
        }
        /** A run's remaining time: plenty until `stop()`, then none, as when its invocation nears the timeout. */
        function budget() {
            let stopped = false;
            return { remainingMs: () => (stopped ? 0 : 60_000), stop: () => void (stopped = true) };
        }
        const polling = { pollMs: 10, reserveMs: 1_000 };
        const versionsOf = (events: LocalEvents, orderId: string) => details(events).filter((d) => d.orderId === orderId).map((d) => d.version);

        it("publishes events appended while it polls, and ends caught up, lease released, when its time runs out", async () => {
            events = await freshEvents(local.env(), admin);
            const time = budget();
            const run = runRelay({ ...events.relay, ...polling, remainingMs: time.remainingMs });
            const first = await appendOrder(1);
            await until(() => events!.bus.accepted.length === 2, "the first order is published");
            const second = await appendOrder();
            await until(() => events!.bus.accepted.length === 3, "the second order is published");
            time.stop();
            const result = await run;
            assert.deepEqual([result.status, result.published, result.backlog], ["caughtUp", 3, 0]);
            assert.deepEqual([versionsOf(events, first), versionsOf(events, second)], [[1, 2], [1]]);
            assert.ok(result.oldestUnpublishedAgeMs >= 0);
            const [rows] = await admin.query<RowDataPacket[]>("SELECT lease_owner FROM relay_checkpoints WHERE relay = 'eventbridge'");
            assert.equal(rows[0]?.lease_owner, null);
        });

        it("hands the lease to the next run, which waited for it, and each event is published once", async () => {
            events = await freshEvents(local.env(), admin);
            const a = budget();
            const holder = runRelay({ ...events.relay, ...polling, remainingMs: a.remainingMs });
            const before = await appendOrder();
            await until(() => events!.bus.accepted.length === 1, "the holder publishes");
            const b = budget();
            const successor = runRelay({ ...events.relay, ...polling, checkpoint: new RelayCheckpoint(events.relay.db, "eventbridge"), remainingMs: b.remainingMs });
            const handed = await holder;
            assert.equal(handed.status, "handedOver", "the holder left as soon as a successor waited, with time to spare");
            const after = await appendOrder(2);
            await until(() => events!.bus.accepted.length === 4, "the successor publishes");
            b.stop();
            const taken = await successor;
            assert.deepEqual([taken.status, taken.published], ["caughtUp", 3]);
            assert.deepEqual([versionsOf(events, before), versionsOf(events, after)], [[1], [1, 2, 3]]);
            assert.equal(await checkpointPosition(admin), await maxPosition(admin));
        });

        it("keeps a run that waits for the lease out until the holder leaves", async () => {
            events = await freshEvents(local.env(), admin);
            const a = budget();
            // The holder cannot see a successor (as if it were busy): the waiting run must not start beside it.
            const busy = Object.create(events.relay.checkpoint) as RelayCheckpoint;
            busy.successorWaiting = async () => false;
            const holder = runRelay({ ...events.relay, ...polling, checkpoint: busy, remainingMs: a.remainingMs });
            await until(async () => (await checkpointOwner(admin)) === busy.owner, "the holder has the lease");
            const b = budget();
            const waiting = new RelayCheckpoint(events.relay.db, "eventbridge");
            const successor = runRelay({ ...events.relay, ...polling, checkpoint: waiting, remainingMs: b.remainingMs });
            await appendOrder();
            await until(() => events!.bus.accepted.length === 1, "the holder publishes");
            await sleep(50);
            assert.equal(await checkpointOwner(admin), busy.owner, "the waiting run has not taken the lease");
            a.stop();
            assert.equal((await holder).status, "caughtUp");
            await until(async () => (await checkpointOwner(admin)) === waiting.owner, "the waiting run takes the lease");
            b.stop();
            assert.equal((await successor).published, 0);
            assert.equal(events.bus.accepted.length, 1);
        });

        it("tries again after a pause while the bus keeps refusing, and catches up once it accepts, within the same run", async () => {
            let refusing = true;
            events = await freshEvents(local.env(), admin, {
                refuse: (entry) => (refusing && (JSON.parse(entry.Detail) as OrderEventDetail).version === 2 ? "ThrottlingException" : undefined),
            });
            const time = budget();
            const run = runRelay({ ...events.relay, ...polling, publish: { baseDelayMs: 1 }, maxBackoffMs: 5, remainingMs: time.remainingMs });
            const orderId = await appendOrder(2);
            await until(() => events!.bus.calls.length >= 8, "the relay has tried several rounds");
            refusing = false;
            await until(() => versionsOf(events!, orderId).includes(2), "the refused event is accepted");
            time.stop();
            const result = await run;
            assert.equal(result.status, "caughtUp");
            assert.deepEqual([...new Set(versionsOf(events, orderId))].sort(), [1, 2, 3], "nothing lost or skipped");
            assert.equal(await checkpointPosition(admin), await maxPosition(admin));
        });
    });
});

