import { randomUUID } from "node:crypto";
import type { Connection } from "mysql2/promise";
import type { LocalEnvironment } from "../dev/localEnvironment";
import { startLocalEvents } from "../dev/localEvents";
import { EventStore, type NewEvent } from "../src/orders/eventStore";
import { SummaryStore } from "../src/readModel/summaryStore";
import { createApiContainer } from "../src/container";
import { loadApiConfig } from "../src/config";
import { Logger } from "../src/logger";
import { percentile, timed } from "./stats";
import type { Row } from "./table";

const silent = () => new Logger({ serviceName: "bench", logLevel: "SILENT" });
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Orders × events per order for the throughput run; lag samples, each one order appended then relayed. */
export const relayBench = { orders: 300, eventsPerOrder: 10, lagSamples: 60 } as const;

/**
 * The relay against the local EventBridge stub, through the real SDK client over HTTP:
 * - throughput: a backlog of orders × events drained by one run, in events per second;
 * - lag: from an append to its summary in the read model, with a relay run started at once (in AWS the schedule adds
 *   up to a minute, and EventBridge its delivery latency).
 */
export async function benchRelay(local: LocalEnvironment, admin: Connection): Promise<Row[]> {
    const app = createApiContainer(loadApiConfig(local.apiEnv), { logger: silent() });
    const store = new EventStore(app.db);
    const summaries = new SummaryStore(app.db);
    await admin.query("UPDATE relay_checkpoints SET position = (SELECT COALESCE(MAX(seq), 0) FROM events), lease_owner = NULL WHERE relay = 'eventbridge'");
    const events = await startLocalEvents(local.apiEnv, { logger: silent() });
    try {
        const total = relayBench.orders * relayBench.eventsPerOrder;
        for (let order = 0; order < relayBench.orders; order += 1) {
            const batch: NewEvent[] = [{ eventId: randomUUID(), type: "OrderCreated", data: { customerId: "bench" } }];
            for (let n = 1; n < relayBench.eventsPerOrder; n += 1) {
                batch.push({ eventId: randomUUID(), type: "ItemAdded", data: { sku: "s", quantity: 1, unitPrice: 1 } });
            }
            await store.append(randomUUID(), 0, batch);
        }
        let published = 0;
        const drainMs = await timed(async () => {
            published = (await events.runRelay(600_000)).published;
        });
        const deliveredMs = drainMs + (await timed(() => events.bus.drained()));
        const calls = events.bus.calls.length;

        const lags: number[] = [];
        for (let sample = 0; sample < relayBench.lagSamples; sample += 1) {
            const orderId = randomUUID();
            lags.push(
                await timed(async () => {
                    await store.append(orderId, 0, [{ eventId: randomUUID(), type: "OrderCreated", data: { customerId: "lag" } }]);
                    await events.runRelay(60_000);
                    await events.bus.drained();
                    if ((await summaries.get(orderId)) === undefined) {
                        throw new Error(`bench: order ${orderId} is not in the read model after the relay ran`);
                    }
                }),
            );
        }
        return [
            { metric: `relay: ${total} events drained by one run, PutEvents calls`, value: `${published} published in ${calls} calls` },
            { metric: "relay throughput to the stub (events per second)", value: `${Math.round((published / drainMs) * 1000)}/s`, target: `all ${total}`, pass: published === total },
            { metric: "relay + projector: the same events into order_summaries (events per second)", value: `${Math.round((published / deliveredMs) * 1000)}/s` },
            { metric: `lag append → summary, relay started at once, p50 / p99 of ${relayBench.lagSamples}`, value: `${ms(percentile(lags, 50))} / ${ms(percentile(lags, 99))}` },
        ];
    } finally {
        await events.stop();
        await app.db.close();
    }
}
