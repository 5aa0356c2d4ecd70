import type { Context, SQSBatchResponse } from "aws-lambda";
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

/** What the queue's event source mapping sends: up to `batchSize` messages, each an EventBridge event as JSON. */
interface QueueBatch {
    readonly Records: readonly { readonly messageId: string; readonly body: string }[];
}

function isQueueBatch(event: unknown): event is QueueBatch {
    return typeof event === "object" && event !== null && Array.isArray((event as { Records?: unknown }).Records);
}

/**
 * The projector function. As deployed, the bus's rule for `source: orders` sends each event to an SQS queue, and an
 * event source mapping with a maximum concurrency hands the projector batches of them: it applies them in order and
 * answers the messages it could not apply (`batchItemFailures`), which SQS makes visible again and, after three
 * receives, moves to the dead-letter queue. Invoked with one EventBridge event (tests, `npm run dev`), it applies
 * that event and throws when it cannot. Duplicates and late events are absorbed (ignored), never errors.
 */
export async function handler(event: unknown, context: Pick<Context, "awsRequestId">): Promise<ProjectionOutcome | SQSBatchResponse> {
    try {
        container ??= createProjectorContainer(loadProjectorConfig(process.env));
    } catch (error) {
        new Logger({ serviceName: "orders-projector" }).error("Cannot start the projector", { error });
        throw error;
    }
    container.logger.addContext(context as Context);
    if (!isQueueBatch(event)) {
        return projectOne(container, event);
    }
    const batchItemFailures: SQSBatchResponse["batchItemFailures"] = [];
    for (const record of event.Records) {
        try {
            await projectOne(container, JSON.parse(record.body) as unknown);
        } catch (error) {
            container.logger.error("Could not apply a queued event; SQS delivers it again", { messageId: record.messageId, error });
            batchItemFailures.push({ itemIdentifier: record.messageId });
        }
    }
    return { batchItemFailures };
}

async function projectOne(current: ProjectorContainer, event: unknown): Promise<ProjectionOutcome> {
    const { logger } = current;
    const parsed = busEvent.safeParse(event);
    if (!parsed.success) {
        logger.error("Not an orders event", { issues: describeIssues(parsed.error, "event") });
        throw new MalformedDeliveryError(`Not an orders event: ${describeIssues(parsed.error, "event")}`);
    }
    const { detail } = parsed.data;
    const outcome = await current.projector.project({
        orderId: detail.orderId,
        version: detail.version,
        position: detail.position,
        type: parsed.data["detail-type"],
        data: detail.data,
        occurredAt: detail.occurredAt,
    });
    current.recordOutcome(outcome);
    logger.debug("Projected", { orderId: detail.orderId, version: detail.version, outcome });
    return outcome;
}

/** Closes and forgets the container, as if the function were cold again; for tests and the dev server. */
export async function resetProjectorContainer(): Promise<void> {
    const current = container;
    container = undefined;
    await current?.db.close();
}
