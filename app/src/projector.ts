import type { Context } from "aws-lambda";
import { loadProjectorConfig } from "./config";
import { Logger } from "./logger";
import { busEvent } from "./outbox/contract";
import type { ProjectionOutcome } from "./readModel/projector";
import { createProjectorContainer, type ProjectorContainer } from "./readModel/projectorContainer";
import { describeIssues } from "./validation";

// Created on the first invocation and kept while the container lives: config, the connection.
let container: ProjectorContainer | undefined;

/** The delivery is not an orders event this projector understands; it fails, and ends in the dead-letter queue. */
export class MalformedDeliveryError extends Error {
    override readonly name = "MalformedDeliveryError";
}

/**
 * The projector function: the target of the bus's rule for `source: orders`. EventBridge invokes it asynchronously
 * with one event. It throws when the event cannot be applied, so that Lambda retries it and then sends it to the
 * dead-letter queue; duplicates and late events are absorbed (ignored), never errors.
 */
export async function handler(event: unknown, context: Pick<Context, "awsRequestId">): Promise<ProjectionOutcome> {
    try {
        container ??= createProjectorContainer(loadProjectorConfig(process.env));
    } catch (error) {
        new Logger({ serviceName: "orders-projector" }).error("Cannot start the projector", { error });
        throw error;
    }
    const { logger } = container;
    logger.addContext(context as Context);
    const parsed = busEvent.safeParse(event);
    if (!parsed.success) {
        logger.error("Not an orders event", { issues: describeIssues(parsed.error, "event") });
        throw new MalformedDeliveryError(`Not an orders event: ${describeIssues(parsed.error, "event")}`);
    }
    const { detail } = parsed.data;
    const outcome = await container.projector.project({
        orderId: detail.orderId,
        version: detail.version,
        position: detail.position,
        type: parsed.data["detail-type"],
        data: detail.data,
        occurredAt: detail.occurredAt,
    });
    container.recordOutcome(outcome);
    logger.debug("Projected", { orderId: detail.orderId, version: detail.version, outcome });
    return outcome;
}

/** Closes and forgets the container, as if the function were cold again; for tests and the dev server. */
export async function resetProjectorContainer(): Promise<void> {
    const current = container;
    container = undefined;
    await current?.db.close();
}
