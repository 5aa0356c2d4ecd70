import { Metrics } from "@aws-lambda-powertools/metrics";
import type { ProjectorConfig } from "../config";
import { createDatabase, type DatabaseOverrides } from "../container";
import type { Database } from "../db/connection";
import { createLogger, type Logger } from "../logger";
import { PROJECTOR_METRICS, publishCounts } from "../metrics";
import { EventStore } from "../orders/eventStore";
import { Projector, type ProjectionOutcome } from "./projector";
import { SummaryStore } from "./summaryStore";

export interface ProjectorOverrides extends DatabaseOverrides {
    readonly logger?: Logger;
    /** Receives each delivery's outcome; by default EMF metrics when POWERTOOLS_METRICS_NAMESPACE is set. */
    readonly recordOutcome?: (outcome: ProjectionOutcome) => void;
}

export interface ProjectorContainer {
    readonly db: Database;
    readonly logger: Logger;
    readonly projector: Projector;
    readonly recordOutcome: (outcome: ProjectionOutcome) => void;
}

export function createProjectorContainer(config: ProjectorConfig, overrides: ProjectorOverrides = {}): ProjectorContainer {
    const logger = overrides.logger ?? createLogger(config.logging);
    const { db } = createDatabase(config, { logger, overrides });
    const namespace = config.metricsNamespace;
    const metrics = namespace === undefined ? undefined : new Metrics({ namespace, serviceName: config.logging.serviceName, logger });
    const recordOutcome =
        overrides.recordOutcome ??
        ((outcome: ProjectionOutcome) => {
            if (metrics !== undefined) {
                publishCounts(metrics, {
                    [PROJECTOR_METRICS.summariesUpdated]: outcome === "ignored" ? 0 : 1,
                    [PROJECTOR_METRICS.staleEventsIgnored]: outcome === "ignored" ? 1 : 0,
                });
            }
        });
    return { db, logger, projector: new Projector(new SummaryStore(db), new EventStore(db)), recordOutcome };
}
