import { Metrics, MetricUnit } from "@aws-lambda-powertools/metrics";
import type { Logger } from "./logger";
import type { OrderStatus } from "./orders/fold";

/**
 * The API's own metrics. Counts only, one dimension (`service`), plus `OrderStatus` on refused commands: three
 * possible values, so no per-request, per-order or per-caller dimension ever multiplies the metrics CloudWatch
 * bills for. The stack's dashboard charts them by these names (infra/lib/dashboard.ts).
 */
export const APP_METRICS = {
    /** An order was opened (idempotent replays are not counted again). */
    ordersCreated: "OrdersCreated",
    /** A command the order's status does not allow (a 409 invalid_transition), by `OrderStatus`. */
    commandsRefused: "CommandsRefused",
    /** A command lost an optimistic-concurrency race and was decided again on the new state. */
    concurrencyRetries: "ConcurrencyRetries",
    /** The container opened a database connection after its first one (lost, killed or closed while idle). */
    databaseReconnects: "DatabaseReconnects",
    /**
     * The database refused a login and the credentials were fetched (or signed) again. (Not `credentialRefreshes`:
     * the policy pack reads a name ending in "credential…" assigned a literal as a hardcoded secret.)
     */
    credentialRefreshCount: "CredentialRefreshes",
} as const;

/** The dimension `commandsRefused` carries besides `service`. */
export const ORDER_STATUS_DIMENSION = "OrderStatus";

/** What the order use cases count. */
export interface OrderMetrics {
    orderCreated(): void;
    commandRefused(status: OrderStatus): void;
    concurrencyRetry(): void;
}

/** What the database connection counts. */
export interface DatabaseMetrics {
    reconnected(): void;
    credentialsRefreshed(): void;
}

/** The container's metrics: counted during an invocation, written once at its end by `flush()`. */
export interface AppMetrics extends OrderMetrics, DatabaseMetrics {
    flush(): void;
}

/** Counts nothing: where no namespace is configured (local runs, most tests). */
export const noMetrics: AppMetrics = {
    orderCreated: () => undefined,
    commandRefused: () => undefined,
    concurrencyRetry: () => undefined,
    reconnected: () => undefined,
    credentialsRefreshed: () => undefined,
    flush: () => undefined,
};

export interface EmfMetricsOptions {
    /** CloudWatch namespace: the stack's `<project>-<stack>`, so two stacks in one account never mix. */
    readonly namespace: string;
    /** The `service` dimension (POWERTOOLS_SERVICE_NAME). */
    readonly serviceName: string;
    /** Where Powertools reports its own problems (an invalid metric, say). */
    readonly logger?: Logger;
}

/**
 * Powertools Metrics, writing CloudWatch embedded metric format: one JSON line on stdout per flush, which
 * Lambda ships to the function's log group and CloudWatch Logs turns into metrics. No CloudWatch endpoint and
 * no `cloudwatch:PutMetricData` permission are needed, which suits functions in an isolated VPC.
 *
 * Recording is an integer increment: the hot path pays nothing for Powertools. `flush()` hands the counts over
 * once per invocation and writes nothing when nothing was counted.
 */
export class EmfMetrics implements AppMetrics {
    // Powertools applies its dimensions to every metric of a document, so the refusals, which carry OrderStatus,
    // get an instance (and a line) of their own; both are made once per container.
    private readonly counters: Metrics;
    private readonly refusals: Metrics;
    private created = 0;
    private retries = 0;
    private reconnects = 0;
    private refreshes = 0;
    private readonly refused = new Map<OrderStatus, number>();

    constructor(options: EmfMetricsOptions) {
        const common = { namespace: options.namespace, serviceName: options.serviceName, ...(options.logger ? { logger: options.logger } : {}) };
        this.counters = new Metrics(common);
        this.refusals = new Metrics(common);
    }

    orderCreated(): void {
        this.created += 1;
    }

    commandRefused(status: OrderStatus): void {
        this.refused.set(status, (this.refused.get(status) ?? 0) + 1);
    }

    concurrencyRetry(): void {
        this.retries += 1;
    }

    reconnected(): void {
        this.reconnects += 1;
    }

    credentialsRefreshed(): void {
        this.refreshes += 1;
    }

    flush(): void {
        const counts: [string, number][] = [
            [APP_METRICS.ordersCreated, this.created],
            [APP_METRICS.concurrencyRetries, this.retries],
            [APP_METRICS.databaseReconnects, this.reconnects],
            [APP_METRICS.credentialRefreshCount, this.refreshes],
        ];
        this.created = this.retries = this.reconnects = this.refreshes = 0;
        let counted = false;
        for (const [name, value] of counts) {
            if (value > 0) {
                this.counters.addMetric(name, MetricUnit.Count, value);
                counted = true;
            }
        }
        if (counted) {
            this.counters.publishStoredMetrics();
        }
        for (const [status, value] of this.refused) {
            this.refusals.addDimension(ORDER_STATUS_DIMENSION, status);
            this.refusals.addMetric(APP_METRICS.commandsRefused, MetricUnit.Count, value);
            this.refusals.publishStoredMetrics();
        }
        this.refused.clear();
    }
}

/** The relay's metrics, one EMF document per run (service `orders-relay`); the stack alarms on EventsParked. */
export const RELAY_METRICS = {
    /** Events the bus accepted in the run (a repeat after a crash counts again). */
    eventsPublished: "EventsPublished",
    /** Rows the relay could not publish and set aside in parked_events: each one needs a person. */
    eventsParked: "EventsParked",
    /** Events after the checkpoint when the run ended: 0 once caught up. */
    relayBacklog: "RelayBacklog",
    /**
     * Seconds: the age of the oldest event the run found unpublished, at worst over the run (a run lasts about the
     * schedule's minute). What the backlog alarm and the dashboard show: how late the bus and GET /orders are.
     */
    oldestUnpublishedAge: "OldestUnpublishedAge",
} as const;

/** The projector's metrics (service `orders-projector`). */
export const PROJECTOR_METRICS = {
    /** Events applied to the read model (including those caught up from the store). */
    summariesUpdated: "SummariesUpdated",
    /** Deliveries at or below the stored version: duplicates and late arrivals, absorbed. */
    staleEventsIgnored: "StaleEventsIgnored",
} as const;

/**
 * Writes one EMF document with the given counts (zeros included, so a quiet minute charts as 0, not as a gap), and
 * the given durations in seconds.
 */
export function publishCounts(metrics: Metrics, counts: Readonly<Record<string, number>>, seconds: Readonly<Record<string, number>> = {}): void {
    for (const [name, value] of Object.entries(counts)) {
        metrics.addMetric(name, MetricUnit.Count, value);
    }
    for (const [name, value] of Object.entries(seconds)) {
        metrics.addMetric(name, MetricUnit.Seconds, value);
    }
    metrics.publishStoredMetrics();
}
