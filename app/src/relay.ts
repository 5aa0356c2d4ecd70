import type { Context } from "aws-lambda";
import { loadRelayConfig } from "./config";
import { Logger } from "./logger";
import { createRelayContainer, type RelayContainer } from "./outbox/relayContainer";
import { runRelay, type RelayRunResult } from "./outbox/relay";

// Created on the first invocation and kept while the container lives: config, clients, the connection.
let container: RelayContainer | undefined;

/**
 * The relay function: EventBridge Scheduler invokes it every minute (the payload is ignored), with a timeout longer
 * than that minute. Each run waits for the lease if the previous one still holds it, then drains the event store
 * into the bus and keeps polling every RELAY_POLL_MS until the next run waits for the lease or its time budget ends
 * (`runRelay`). It throws (so Lambda counts an error and the alarm fires) when it cannot start or the database fails;
 * a bus that keeps refusing is retried within the run, logged, with the oldest-unpublished-age metric growing.
 */
export async function handler(_event: unknown, context: Pick<Context, "getRemainingTimeInMillis" | "awsRequestId">): Promise<RelayRunResult> {
    try {
        container ??= createRelayContainer(loadRelayConfig(process.env));
    } catch (error) {
        new Logger({ serviceName: "orders-relay" }).error("Cannot start the relay", { error });
        throw error;
    }
    const { logger } = container;
    logger.addContext(context as Context);
    const { tuning } = container;
    const result = await runRelay({
        ...container,
        batchSize: tuning.batchSize,
        publish: { maxInFlight: tuning.maxInFlight },
        pollMs: tuning.pollMs,
        remainingMs: () => context.getRemainingTimeInMillis(),
    });
    container.recordRun(result);
    logger.info("Relay run done", { ...result });
    return result;
}

/** Closes and forgets the container, as if the function were cold again; for tests and the dev server. */
export async function resetRelayContainer(): Promise<void> {
    const current = container;
    container = undefined;
    await current?.db.close();
}
