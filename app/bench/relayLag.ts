import { randomUUID } from "node:crypto";
import type { Connection } from "mysql2/promise";
import { LOCAL_EVENT_BUS, startLocalEvents } from "../dev/localEvents";
import { loadRelayConfig } from "../src/config";
import type { Logger } from "../src/logger";
import type { EventStore } from "../src/orders/eventStore";
import { runRelay, type RelayRunResult } from "../src/outbox/relay";
import { createRelayContainer, eventBridgeClient, eventBridgePutEvents, PUT_EVENTS_TIMEOUTS, type RelayContainer } from "../src/outbox/relayContainer";

/**
 * The deployed schedule scaled down by `scale`: Scheduler starts a run every 60 s, anywhere within the minute it is due
 * ("60 second precision"), each with a 150 s timeout and a 10 s reserve (infra/lib/functionTimeouts.ts,
 * app/src/outbox/relay.ts). At 1/6, a run every 10 s started at a random point of its 10 s: a 30 s write load then meets
 * about three hand-overs, each as in AWS (the next run waits for the lease, the holder hands over), some late.
 */
export interface LagSchedule {
    readonly periodMs: number;
    readonly timeoutMs: number;
    readonly reserveMs: number;
}

export function scaledSchedule(scale: number): LagSchedule {
    return { periodMs: 60_000 * scale, timeoutMs: 150_000 * scale, reserveMs: 10_000 * scale };
}

export interface LagResult {
    /** Append committed → summary in the read model, per order, in milliseconds. */
    readonly lags: number[];
    readonly runs: readonly RelayRunResult[];
    readonly writesPerSecond: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * Writes `writesPerSecond` new orders for `seconds` while relay runs start on `schedule`, as deployed: each in its own
 * container (two, alternating, as Lambda would keep two warm while one hands over to the next), with the deployed
 * tuning, publishing to a stub that answers after `latencyMs` and hands each event to the projector. The lag of an
 * order is from its append's commit to its summary in the read model.
 */
export async function measureLag(
    apiEnv: Readonly<Record<string, string>>,
    admin: Connection,
    store: EventStore,
    options: { readonly schedule: LagSchedule; readonly writesPerSecond: number; readonly seconds: number; readonly latencyMs: number; readonly logger: Logger },
): Promise<LagResult> {
    const committed = new Map<string, number>();
    const projected = new Map<string, number>();
    await admin.query(
        "UPDATE relay_checkpoints SET position = (SELECT COALESCE(MAX(seq), 0) FROM events), lease_owner = NULL, lease_until = NULL, lease_successor = NULL WHERE relay = 'eventbridge'",
    );
    const events = await startLocalEvents(apiEnv, {
        logger: options.logger,
        stub: { latencyMs: options.latencyMs },
        onProjected: (event) => {
            const orderId = String((event.detail as { orderId: unknown }).orderId);
            if (!projected.has(orderId)) {
                projected.set(orderId, performance.now());
            }
        },
    });
    const client = eventBridgeClient(PUT_EVENTS_TIMEOUTS, events.bus.endpoint);
    const config = loadRelayConfig({ ...apiEnv, POWERTOOLS_SERVICE_NAME: "orders-relay", EVENT_BUS_NAME: LOCAL_EVENT_BUS });
    // Lambda runs overlapping invocations in separate instances: up to three at once here (one draining, one waiting, one starting late).
    const containers: RelayContainer[] = [
        events.relay,
        createRelayContainer(config, { logger: options.logger, putEvents: eventBridgePutEvents(client) }),
        createRelayContainer(config, { logger: options.logger, putEvents: eventBridgePutEvents(client) }),
    ];
    const { schedule } = options;
    const runs: Promise<RelayRunResult>[] = [];
    let stopAt = Number.POSITIVE_INFINITY;
    const invoke = () => {
        const container = containers[runs.length % containers.length] as RelayContainer;
        const deadline = Date.now() + schedule.timeoutMs;
        const { tuning } = container;
        runs.push(
            runRelay({
                ...container,
                batchSize: tuning.batchSize,
                publish: { maxInFlight: tuning.maxInFlight },
                pollMs: tuning.pollMs,
                reserveMs: schedule.reserveMs,
                remainingMs: () => Math.min(deadline, stopAt) - Date.now(),
            }),
        );
    };
    // Run k is due at k periods and starts anywhere within that period, as Scheduler's minute precision allows.
    const begun = Date.now();
    const timers: NodeJS.Timeout[] = [];
    const due = (k: number) => {
        timers.push(setTimeout(invoke, begun + k * schedule.periodMs + Math.random() * schedule.periodMs * 0.98 - Date.now()));
        timers.push(setTimeout(() => due(k + 1), begun + (k + 1) * schedule.periodMs - Date.now()));
    };
    invoke();
    due(1);
    try {
        const writes = Math.round(options.writesPerSecond * options.seconds);
        const start = performance.now();
        for (let n = 0; n < writes; n += 1) {
            await sleep(start + (n * 1000) / options.writesPerSecond - performance.now());
            const orderId = randomUUID();
            await store.append(orderId, 0, [{ eventId: randomUUID(), type: "OrderCreated", data: { customerId: "lag" } }]);
            committed.set(orderId, performance.now());
        }
        for (let waited = 0; projected.size < committed.size && waited < 10_000; waited += 50) {
            await sleep(50);
        }
        if (projected.size < committed.size) {
            throw new Error(`bench: ${committed.size - projected.size} of ${committed.size} orders never reached the read model`);
        }
    } finally {
        timers.forEach(clearTimeout);
        stopAt = Date.now();
        await Promise.allSettled(runs);
        client.destroy();
        await Promise.all(containers.slice(1).map((container) => container.db.close()));
        await events.stop();
    }
    const lags = [...committed].map(([orderId, at]) => Math.max(0, (projected.get(orderId) ?? Number.NaN) - at));
    return { lags, runs: await Promise.all(runs), writesPerSecond: options.writesPerSecond };
}
