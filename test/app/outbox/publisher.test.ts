import { strict as assert } from "node:assert";
import { entrySize, PUT_EVENTS_LIMITS, type BusEntry } from "../../../app/src/outbox/contract";
import { chunkEntries, publishInOrder, type PutEvents, type PutEventsResult } from "../../../app/src/outbox/publisher";

const entry = (n: number, detailBytes = 20): BusEntry => ({
    Source: "orders",
    DetailType: "ItemAdded",
    Detail: JSON.stringify({ n, pad: "x".repeat(Math.max(0, detailBytes - 20)) }),
    EventBusName: "bus",
    Time: new Date(0),
});
const noSleep = { maxAttempts: 3, baseDelayMs: 100, sleep: async () => undefined, random: () => 0.5 };
const numbers = (entries: readonly BusEntry[]) => entries.map((e) => (JSON.parse(e.Detail) as { n: number }).n);

/** A fake PutEvents that records each call and answers per entry from `verdict` (an ErrorCode refuses it). */
function fakeBus(verdict: (n: number, call: number) => string | undefined): { put: PutEvents; calls: number[][] } {
    const calls: number[][] = [];
    const put: PutEvents = async (entries) => {
        calls.push(numbers(entries));
        const answers = entries.map((e) => {
            const code = verdict((JSON.parse(e.Detail) as { n: number }).n, calls.length);
            return code === undefined ? { EventId: `id-${calls.length}` } : { ErrorCode: code, ErrorMessage: "no" };
        });
        const result: PutEventsResult = { FailedEntryCount: answers.filter((a) => "ErrorCode" in a).length, Entries: answers };
        return result;
    };
    return { put, calls };
}

describe("outbox: publisher", () => {
    describe("chunkEntries", () => {
        it("cuts at 10 entries", () => {
            const chunks = chunkEntries(Array.from({ length: 23 }, (_, n) => entry(n)));
            assert.deepEqual(chunks.map((c) => c.length), [10, 10, 3]);
            assert.deepEqual(chunks.flat().map((e) => (JSON.parse(e.Detail) as { n: number }).n), Array.from({ length: 23 }, (_, n) => n));
        });

        it("cuts before a request would reach 256 KB, counting bytes as AWS does", () => {
            const big = Array.from({ length: 5 }, (_, n) => entry(n, 100 * 1024));
            const chunks = chunkEntries(big);
            assert.deepEqual(chunks.map((c) => c.length), [2, 2, 1]);
            for (const chunk of chunks) {
                assert.ok(chunk.reduce((sum, e) => sum + entrySize(e), 0) <= PUT_EVENTS_LIMITS.maxBytes);
            }
        });

        it("counts multi-byte characters as UTF-8 bytes", () => {
            const e = { Source: "orders", DetailType: "T", Detail: "é" };
            assert.equal(entrySize(e), 14 + 6 + 1 + 2);
        });
    });

    describe("publishInOrder", () => {
        it("sends everything in order and reports the whole batch accepted", async () => {
            const bus = fakeBus(() => undefined);
            const outcome = await publishInOrder(bus.put, Array.from({ length: 12 }, (_, n) => entry(n)), noSleep);
            assert.deepEqual(outcome, { acceptedPrefix: 12, accepted: 12 });
            assert.deepEqual(bus.calls.map((c) => c.length), [10, 2]);
        });

        it("retries the failed entries only, with backoff between attempts", async () => {
            const slept: number[] = [];
            const bus = fakeBus((n, call) => (call === 1 && (n === 1 || n === 3) ? "ThrottlingException" : undefined));
            const outcome = await publishInOrder(bus.put, [0, 1, 2, 3].map((n) => entry(n)), { ...noSleep, sleep: async (ms) => void slept.push(ms) });
            assert.deepEqual(bus.calls, [[0, 1, 2, 3], [1, 3]]);
            assert.deepEqual(outcome, { acceptedPrefix: 4, accepted: 4 });
            assert.deepEqual(slept, [50], "full jitter over the base delay");
        });

        it("gives up on an entry after the last attempt, reports the prefix before it, and sends no later request", async () => {
            const bus = fakeBus((n) => (n === 2 ? "InternalFailure" : undefined));
            const outcome = await publishInOrder(bus.put, Array.from({ length: 15 }, (_, n) => entry(n)), noSleep);
            assert.equal(outcome.acceptedPrefix, 2);
            assert.equal(outcome.accepted, 9, "the rest of the first request went through");
            assert.deepEqual(outcome.failure, { index: 2, code: "InternalFailure", message: "no" });
            assert.deepEqual(bus.calls, [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [2], [2]], "entries 10-14 were never sent");
        });

        it("treats a call that throws as a failure of every entry it carried", async () => {
            let calls = 0;
            const put: PutEvents = async () => {
                calls += 1;
                throw Object.assign(new Error("endpoint unreachable"), { name: "TimeoutError" });
            };
            const outcome = await publishInOrder(put, [entry(0), entry(1)], noSleep);
            assert.equal(calls, 3);
            assert.deepEqual(outcome, { acceptedPrefix: 0, accepted: 0, failure: { index: 0, code: "TimeoutError", message: "endpoint unreachable" } });
        });

        it("does not count an entry without an answer as accepted", async () => {
            const put: PutEvents = async (entries) => ({ FailedEntryCount: 0, Entries: entries.slice(0, 1).map(() => ({ EventId: "x" })) });
            const outcome = await publishInOrder(put, [entry(0), entry(1)], { ...noSleep, maxAttempts: 1 });
            assert.equal(outcome.acceptedPrefix, 1);
            assert.equal(outcome.failure?.code, "NoAnswer");
        });

        it("keeps at most maxInFlight requests in flight and still reports the contiguous prefix", async () => {
            let open = 0;
            let most = 0;
            const put: PutEvents = async (entries) => {
                open += 1;
                most = Math.max(most, open);
                await new Promise((resolve) => setImmediate(resolve));
                open -= 1;
                return { FailedEntryCount: 0, Entries: entries.map(() => ({ EventId: "x" })) };
            };
            const outcome = await publishInOrder(put, Array.from({ length: 95 }, (_, n) => entry(n)), { ...noSleep, maxInFlight: 4 });
            assert.deepEqual(outcome, { acceptedPrefix: 95, accepted: 95 });
            assert.equal(most, 4);
        });

        it("moves the prefix only to the first entry given up on, though later requests in flight were accepted", async () => {
            const bus = fakeBus((n) => (n === 12 ? "InternalFailure" : undefined));
            const outcome = await publishInOrder(bus.put, Array.from({ length: 60 }, (_, n) => entry(n)), { ...noSleep, maxInFlight: 3 });
            assert.equal(outcome.acceptedPrefix, 12);
            assert.deepEqual(outcome.failure, { index: 12, code: "InternalFailure", message: "no" });
            const sent = new Set(bus.calls.flat());
            assert.ok(!sent.has(59), "no request is sent after the give-up");
        });

        it("sends an order's next request only after the one carrying its earlier events was answered", async () => {
            const answered: number[] = [];
            const started: number[][] = [];
            const put: PutEvents = async (entries) => {
                const ns = numbers(entries);
                started.push(ns);
                // The first request is the slowest: without the per-order wait, the third would overtake it.
                await new Promise((resolve) => setTimeout(resolve, ns[0] === 0 ? 20 : 1));
                answered.push(ns[0] as number);
                return { FailedEntryCount: 0, Entries: entries.map(() => ({ EventId: "x" })) };
            };
            // Orders: a for entries 0-9 and 25, b for 10-19, c for 20-24.
            const orderIds = Array.from({ length: 26 }, (_, n) => (n < 10 || n === 25 ? "a" : n < 20 ? "b" : "c"));
            await publishInOrder(put, Array.from({ length: 26 }, (_, n) => entry(n)), { ...noSleep, maxInFlight: 3 }, orderIds);
            assert.deepEqual(started.map((ns) => ns[0]), [0, 10, 20]);
            assert.deepEqual(answered, [10, 0, 20], "the request holding a's later event went out only once a's first was answered");
        });

        it("holds every request back for the backoff of a throttled one, then sends them all", async () => {
            const log: string[] = [];
            let release!: () => void;
            const pause = new Promise<void>((resolve) => (release = resolve));
            const bus = fakeBus((n, call) => (n === 0 && call === 1 ? "ThrottlingException" : undefined));
            const put: PutEvents = async (entries) => {
                log.push(`send ${numbers(entries)[0]}`);
                return bus.put(entries);
            };
            const sleep = async (ms: number) => {
                log.push(`pause ${ms}`);
                await pause;
            };
            const publishing = publishInOrder(put, Array.from({ length: 30 }, (_, n) => entry(n)), { ...noSleep, maxInFlight: 2, sleep });
            await new Promise((resolve) => setTimeout(resolve, 10));
            assert.deepEqual(log, ["send 0", "send 10", "pause 50"], "the third request waits for the pause");
            release();
            const outcome = await publishing;
            assert.deepEqual(outcome, { acceptedPrefix: 30, accepted: 30 });
            assert.deepEqual(log.slice(3).sort(), ["send 0", "send 20"]);
        });
    });
});
