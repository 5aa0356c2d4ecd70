import type { EventStore } from "../orders/eventStore";
import { foldSummary, type OrderSummary, type PositionedEvent } from "./summary";
import type { SummaryStore } from "./summaryStore";

export type ProjectionOutcome =
    /** The event was the next one and is now in the summary. */
    | "applied"
    /** The summary was behind by more than one event: it was caught up from the event store, this event included. */
    | "caughtUp"
    /** At or below the stored version: a duplicate or a late delivery, absorbed. */
    | "ignored";

/** The delivery cannot be applied now (the store lags the bus, or the row would not settle); it fails and is retried. */
export class ProjectionConflictError extends Error {
    override readonly name = "ProjectionConflictError";
}

/**
 * Keeps order_summaries from the events on the bus. Each delivery names an order and a version:
 * - at or below the stored version, it is ignored (at-least-once delivery repeats events, and they can come late);
 * - right after it, it is applied;
 * - further ahead (an earlier event is late or was lost), the events in between are read from the event store, which
 *   is the source of truth, and folded in order. The late event then arrives below the version and is ignored.
 * Every write is conditional on the version it replaces, so two deliveries racing on one order cannot both win.
 */
export class Projector {
    constructor(
        private readonly summaries: SummaryStore,
        private readonly events: Pick<EventStore, "loadRange">,
    ) {}

    async project(event: PositionedEvent): Promise<ProjectionOutcome> {
        // A write lost to another delivery means that delivery moved the row forward. Versions only grow and the row
        // is done once it reaches this event's version, so the loop ends after at most `event.version` lost races.
        for (let attempt = 0; attempt <= event.version; attempt += 1) {
            const current = await this.summaries.get(event.orderId);
            const stored = current?.version ?? 0;
            if (event.version <= stored) {
                return "ignored";
            }
            const outcome: ProjectionOutcome = event.version === stored + 1 ? "applied" : "caughtUp";
            const missing = outcome === "applied" ? [] : await this.events.loadRange(event.orderId, stored, event.version - 1);
            if (missing.length !== event.version - 1 - stored) {
                // The store has fewer events than the bus implies: never guess, fail the delivery so that it is retried.
                throw new ProjectionConflictError(`Order ${event.orderId}: the store holds ${missing.length} of the events before version ${event.version}`);
            }
            const next = foldSummary(current, [...missing, event]) as OrderSummary;
            if (await this.summaries.replace(next, current?.version)) {
                return outcome;
            }
        }
        throw new ProjectionConflictError(`Order ${event.orderId}: the summary did not settle while version ${event.version} was applied`);
    }
}
