import { EventBridgeClient, PutEventsCommand } from "@aws-sdk/client-eventbridge";
import { Metrics } from "@aws-lambda-powertools/metrics";
import type { RelayConfig } from "../config";
import { createDatabase, type DatabaseOverrides } from "../container";
import type { Database } from "../db/connection";
import { createLogger, type Logger } from "../logger";
import { publishCounts, RELAY_METRICS } from "../metrics";
import { RelayCheckpoint } from "./checkpoint";
import { Outbox } from "./outbox";
import type { PutEvents } from "./publisher";
import type { RelayTuning } from "./tuning";
import type { RelayRunResult } from "./relay";

/** The relay's name in relay_checkpoints and parked_events: one relay per destination. */
export const RELAY_NAME = "eventbridge";

export interface RelayOverrides extends DatabaseOverrides {
    readonly putEvents?: PutEvents;
    readonly logger?: Logger;
    /** Receives each run's counts; by default EMF metrics when POWERTOOLS_METRICS_NAMESPACE is set. */
    readonly recordRun?: (result: RelayRunResult) => void;
}

export interface RelayContainer {
    readonly db: Database;
    readonly logger: Logger;
    readonly outbox: Outbox;
    readonly checkpoint: RelayCheckpoint;
    readonly putEvents: PutEvents;
    readonly eventBusName: string;
    readonly tuning: RelayTuning;
    readonly recordRun: (result: RelayRunResult) => void;
}

/**
 * How long one PutEvents call may take: the SDK's default waits forever, and a call that hangs would hold the relay's
 * lease until the function times out. A call that times out is a failed attempt, retried like any other
 * (`publishInOrder`); `throwOnRequestTimeout` makes the SDK throw instead of only warning.
 */
export const PUT_EVENTS_TIMEOUTS = { connectionTimeout: 2_000, requestTimeout: 5_000 } as const;

/**
 * The EventBridge client reads its endpoint like every SDK v3 client: AWS_ENDPOINT_URL_EVENTBRIDGE, when set, points it
 * at a stub (tests, `npm run dev`); in Lambda it is unset and private DNS sends the calls to the VPC's interface endpoint.
 */
export function eventBridgeClient(timeouts: { readonly connectionTimeout: number; readonly requestTimeout: number } = PUT_EVENTS_TIMEOUTS, endpoint?: string): EventBridgeClient {
    return new EventBridgeClient({ ...(endpoint === undefined ? {} : { endpoint }), requestHandler: { ...timeouts, throwOnRequestTimeout: true } });
}

export function eventBridgePutEvents(client: EventBridgeClient = eventBridgeClient()): PutEvents {
    return async (entries) => client.send(new PutEventsCommand({ Entries: entries.map((entry) => ({ ...entry })) }));
}

export function createRelayContainer(config: RelayConfig, overrides: RelayOverrides = {}): RelayContainer {
    const logger = overrides.logger ?? createLogger(config.logging);
    const { db } = createDatabase(config, { logger, overrides });
    const namespace = config.metricsNamespace;
    const metrics = namespace === undefined ? undefined : new Metrics({ namespace, serviceName: config.logging.serviceName, logger });
    const recordRun =
        overrides.recordRun ??
        ((result: RelayRunResult) => {
            if (metrics !== undefined && result.backlog >= 0) {
                publishCounts(
                    metrics,
                    {
                        [RELAY_METRICS.eventsPublished]: result.published,
                        [RELAY_METRICS.eventsParked]: result.parked,
                        [RELAY_METRICS.relayBacklog]: result.backlog,
                    },
                    { [RELAY_METRICS.oldestUnpublishedAge]: result.oldestUnpublishedAgeMs / 1000 },
                );
            }
        });
    return {
        db,
        logger,
        outbox: new Outbox(db, RELAY_NAME),
        checkpoint: new RelayCheckpoint(db, RELAY_NAME),
        putEvents: overrides.putEvents ?? eventBridgePutEvents(),
        eventBusName: config.eventBusName,
        tuning: config.tuning,
        recordRun,
    };
}
