import type { Connection } from "mysql2/promise";
import type { LocalEnvironment } from "../dev/localEnvironment";
import { createApiContainer } from "../src/container";
import { loadApiConfig } from "../src/config";
import { Logger } from "../src/logger";
import { EventStore } from "../src/orders/eventStore";
import { Outbox } from "../src/outbox/outbox";
import { RELAY_NAME } from "../src/outbox/relayContainer";
import { RELAY_TUNING_DEFAULTS } from "../src/outbox/tuning";
import { projectorRate } from "./projectorRate";
import { appendBacklog, drainBacklog } from "./relayDrain";
import { measureLag, scaledSchedule } from "./relayLag";
import { percentile } from "./stats";
import type { Row } from "./table";

const silent = () => new Logger({ serviceName: "bench", logLevel: "SILENT" });
const ms = (value: number) => `${value.toFixed(0)} ms`;
const perSecond = (events: number, millis: number) => Math.round((events / millis) * 1000);

/** The goals of issue 19 ("Events in seconds, at scale"), and the loads they are measured at. */
export const relayBench = {
    /** Lag: append committed → summary in the read model, p99, with the relay running as deployed. */
    lagP99Ms: 2_000,
    /** Drain: one relay against a bus answering in 30 ms (about a PutEvents round trip from a VPC Lambda). */
    drainPerSecond: 2_000,
    busLatencyMs: 30,
    backlog: { orders: 1_000, eventsPerOrder: 10 },
    lag: { writesPerSecond: 40, seconds: 40, scale: 1 / 6 },
    /**
     * The projector applies its queue's batches one event at a time; as deployed at most 5 instances run at once
     * (PROJECTOR_MAX_CONCURRENCY in infra/components/events.ts, which a test keeps equal to `instances`). Goal: one
     * instance at 500 events a second, so that the five keep pace with the relay's 2,000 in a replay.
     */
    projector: { count: 2_000, instances: 5, perInstancePerSecond: 500 },
} as const;

/**
 * The relay and the projector against the local EventBridge stub, through the real SDK client over HTTP:
 * - drain: a backlog of orders × events published by one run, at 0 ms and 30 ms bus latency;
 * - lag: orders written at a steady rate while relay runs start on the deployed schedule (scaled down), each polling
 *   and handing over as deployed, into a stub answering in 30 ms that hands each event to the projector;
 * - projector: the same backlog applied to the read model by one instance and by as many as its queue runs at once.
 * In AWS, EventBridge adds its delivery to the projector (typically well under a second) to the lag measured here.
 */
export async function benchRelay(local: LocalEnvironment, admin: Connection): Promise<Row[]> {
    const logger = silent();
    const app = createApiContainer(loadApiConfig(local.apiEnv), { logger });
    const store = new EventStore(app.db);
    try {
        const { orders, eventsPerOrder } = relayBench.backlog;
        const backlog = await appendBacklog(store, admin, orders, eventsPerOrder);
        const instant = await drainBacklog(local.apiEnv, admin, backlog, 0, logger);
        const slow = await drainBacklog(local.apiEnv, admin, backlog, relayBench.busLatencyMs, logger);
        const outbox = new Outbox(app.db, RELAY_NAME);
        const { count, instances } = relayBench.projector;
        const single = await projectorRate(local.apiEnv, outbox, backlog, { count, instances: 1, skip: 0, logger });
        const several = await projectorRate(local.apiEnv, outbox, backlog, { count, instances, skip: count, logger });

        const { writesPerSecond, seconds, scale } = relayBench.lag;
        const schedule = scaledSchedule(scale);
        const lag = await measureLag(local.apiEnv, admin, store, { schedule, writesPerSecond, seconds, latencyMs: relayBench.busLatencyMs, logger });
        const p50 = percentile(lag.lags, 50);
        const p99 = percentile(lag.lags, 99);
        const handOvers = lag.runs.filter((run) => run.status === "handedOver").length;
        const slowRate = perSecond(slow.published, slow.ms);
        const singleRate = perSecond(single.events, single.ms);
        const tuning = RELAY_TUNING_DEFAULTS;
        return [
            {
                metric: `relay drain, bus answering at once: ${backlog.events} events, one run, ${tuning.maxInFlight} requests in flight`,
                value: `${perSecond(instant.published, instant.ms)}/s (${instant.calls} calls, at most ${instant.mostInFlight} in flight)`,
                target: `all ${backlog.events}`,
                pass: instant.published === backlog.events,
            },
            {
                metric: `relay drain, bus answering in ${relayBench.busLatencyMs} ms: events per second`,
                value: `${slowRate}/s (${slow.calls} calls, at most ${slow.mostInFlight} in flight)`,
                target: `>= ${relayBench.drainPerSecond}/s, all ${backlog.events}`,
                pass: slowRate >= relayBench.drainPerSecond && slow.published === backlog.events,
            },
            {
                metric: `projector, one instance (a queue's batches, one event at a time), ${single.events} events`,
                value: `${singleRate}/s`,
                target: `>= ${relayBench.projector.perInstancePerSecond}/s`,
                pass: singleRate >= relayBench.projector.perInstancePerSecond,
            },
            {
                metric: `projector, ${instances} instances side by side (the deployed maximum), ${several.events} events`,
                value: `${perSecond(several.events, several.ms)}/s`,
            },
            {
                metric: `lag append → read model as deployed (schedule × ${scale.toFixed(2)}: a run due every ${schedule.periodMs / 1000} s), ${writesPerSecond} orders/s, p50 / p99`,
                value: `${ms(p50)} / ${ms(p99)} (${lag.lags.length} orders, ${lag.runs.length} runs, ${handOvers} hand-overs)`,
                target: `p99 <= ${relayBench.lagP99Ms} ms`,
                pass: p99 <= relayBench.lagP99Ms,
            },
            { metric: "lag: worst order", value: ms(Math.max(...lag.lags)) },
        ];
    } finally {
        await app.db.close();
    }
}
