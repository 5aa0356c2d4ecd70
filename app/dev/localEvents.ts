import { randomUUID } from "node:crypto";
import type { Context } from "aws-lambda";
import { loadProjectorConfig, loadRelayConfig } from "../src/config";
import type { Logger } from "../src/logger";
import { runRelay, type RelayRunResult } from "../src/outbox/relay";
import { createRelayContainer, eventBridgeClient, eventBridgePutEvents, type RelayContainer } from "../src/outbox/relayContainer";
import { createProjectorContainer, type ProjectorContainer } from "../src/readModel/projectorContainer";
import { handler as projectorHandler } from "../src/projector";
import { startEventBridgeStub, type DeliveredEvent, type EventBridgeStub, type EventBridgeStubOptions } from "./eventBridgeStub";

/** The local events pipeline: relay → EventBridge stub → projector, each function with its own container and connection. */
export interface LocalEvents {
    readonly bus: EventBridgeStub;
    readonly relay: RelayContainer;
    readonly projector: ProjectorContainer;
    /** One relay run, as the schedule would start it, with `budgetMs` as the invocation's remaining time. */
    runRelay(budgetMs?: number): Promise<RelayRunResult>;
    stop(): Promise<void>;
}

export const LOCAL_EVENT_BUS = "orders-local";

/**
 * Starts the stub and wires the relay and the projector to the local database with `apiEnv`'s settings. The relay's
 * EventBridge client is the real SDK client, pointed at the stub through AWS_ENDPOINT_URL_EVENTBRIDGE, as in Lambda
 * with the interface endpoint; the stub hands each accepted event to the projector's handler logic.
 */
export async function startLocalEvents(
    apiEnv: Readonly<Record<string, string>>,
    options: {
        readonly logger?: Logger;
        readonly stub?: Omit<EventBridgeStubOptions, "deliver">;
        /** Called once the projector has applied (or absorbed) a delivered event; `npm run bench` times the lag with it. */
        readonly onProjected?: (event: DeliveredEvent) => void;
    } = {},
): Promise<LocalEvents> {
    const overrides = options.logger === undefined ? {} : { logger: options.logger };
    const projector = createProjectorContainer(loadProjectorConfig({ ...apiEnv, POWERTOOLS_SERVICE_NAME: "orders-projector" }), overrides);
    const bus = await startEventBridgeStub({
        ...options.stub,
        deliver: async (event) => {
            const outcome = await projector.projector.project({
                orderId: String((event.detail as { orderId: unknown }).orderId),
                version: Number((event.detail as { version: unknown }).version),
                position: Number((event.detail as { position: unknown }).position),
                type: event["detail-type"],
                data: (event.detail as { data: unknown }).data,
                occurredAt: String((event.detail as { occurredAt: unknown }).occurredAt),
            });
            projector.recordOutcome(outcome);
            options.onProjected?.(event);
        },
    });
    // As Lambda's environment would carry it; the SDK reads it when the client resolves its endpoint.
    process.env.AWS_ENDPOINT_URL_EVENTBRIDGE = bus.endpoint;
    const client = eventBridgeClient();
    const relay = createRelayContainer(
        loadRelayConfig({ ...apiEnv, POWERTOOLS_SERVICE_NAME: "orders-relay", EVENT_BUS_NAME: LOCAL_EVENT_BUS }),
        { ...overrides, putEvents: eventBridgePutEvents(client) },
    );
    return {
        bus,
        relay,
        projector,
        runRelay: (budgetMs = 30_000) => {
            const deadline = Date.now() + budgetMs;
            return runRelay({ ...relay, remainingMs: () => deadline - Date.now(), reserveMs: Math.min(10_000, budgetMs / 3) });
        },
        async stop() {
            client.destroy();
            await bus.close();
            await Promise.all([relay.db.close(), projector.db.close()]);
        },
    };
}

/** Invokes the projector's Lambda handler, as EventBridge would; for tests of the handler itself. */
export function invokeProjector(event: unknown): Promise<unknown> {
    return projectorHandler(event, { awsRequestId: randomUUID() } as Context);
}
