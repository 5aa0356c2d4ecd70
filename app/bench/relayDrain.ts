import { randomUUID } from "node:crypto";
import type { Connection } from "mysql2/promise";
import { LOCAL_EVENT_BUS } from "../dev/localEvents";
import { loadRelayConfig } from "../src/config";
import type { Logger } from "../src/logger";
import type { EventStore, NewEvent } from "../src/orders/eventStore";
import { runRelay } from "../src/outbox/relay";
import { createRelayContainer, eventBridgeClient, eventBridgePutEvents, PUT_EVENTS_TIMEOUTS } from "../src/outbox/relayContainer";
import { timed } from "./stats";
import { startStubProcess } from "./stubProcess";

/** Where a backlog starts and ends in the store, so that it can be drained more than once. */
export interface Backlog {
    readonly after: number;
    readonly events: number;
    readonly orderIds: readonly string[];
}

/** Appends `orders` orders of `eventsPerOrder` events each, one append per order, and returns where they lie. */
export async function appendBacklog(store: EventStore, admin: Connection, orders: number, eventsPerOrder: number): Promise<Backlog> {
    const [[row]] = await admin.query<import("mysql2").RowDataPacket[]>("SELECT COALESCE(MAX(seq), 0) AS high FROM events");
    const after = Number(row?.high ?? 0);
    const orderIds: string[] = [];
    for (let order = 0; order < orders; order += 1) {
        const batch: NewEvent[] = [{ eventId: randomUUID(), type: "OrderCreated", data: { customerId: "bench" } }];
        for (let n = 1; n < eventsPerOrder; n += 1) {
            batch.push({ eventId: randomUUID(), type: "ItemAdded", data: { sku: "s", quantity: 1, unitPrice: 1 } });
        }
        const orderId = randomUUID();
        await store.append(orderId, 0, batch);
        orderIds.push(orderId);
    }
    return { after, events: orders * eventsPerOrder, orderIds };
}

export interface DrainResult {
    readonly published: number;
    readonly ms: number;
    readonly calls: number;
    readonly mostInFlight: number;
}

/**
 * One relay run, with the deployed tuning (RELAY_* defaults), drains `backlog` into a stub that answers PutEvents after
 * `latencyMs`, through the real SDK client over HTTP. The stub runs in its own process and delivers nowhere: this is
 * the relay's rate alone.
 */
export async function drainBacklog(apiEnv: Readonly<Record<string, string>>, admin: Connection, backlog: Backlog, latencyMs: number, logger: Logger): Promise<DrainResult> {
    let open = 0;
    let mostInFlight = 0;
    let calls = 0;
    const bus = await startStubProcess(latencyMs);
    const client = eventBridgeClient(PUT_EVENTS_TIMEOUTS, bus.endpoint);
    const send = eventBridgePutEvents(client);
    const relay = createRelayContainer(loadRelayConfig({ ...apiEnv, POWERTOOLS_SERVICE_NAME: "orders-relay", EVENT_BUS_NAME: LOCAL_EVENT_BUS }), {
        logger,
        putEvents: async (entries) => {
            open += 1;
            calls += 1;
            mostInFlight = Math.max(mostInFlight, open);
            try {
                return await send(entries);
            } finally {
                open -= 1;
            }
        },
    });
    try {
        await admin.query("UPDATE relay_checkpoints SET position = ?, lease_owner = NULL, lease_until = NULL, lease_successor = NULL WHERE relay = 'eventbridge'", [backlog.after]);
        let published = 0;
        const { tuning } = relay;
        const ms = await timed(async () => {
            const result = await runRelay({
                ...relay,
                batchSize: tuning.batchSize,
                publish: { maxInFlight: tuning.maxInFlight },
                remainingMs: () => 600_000,
            });
            published = result.published;
        });
        return { published, ms, calls, mostInFlight };
    } finally {
        client.destroy();
        await bus.stop();
        await relay.db.close();
    }
}
