import * as z from "zod/mini";
import "../validation";

/**
 * The event contract on the bus, what every consumer may rely on (docs/app.md "Events on the bus"):
 * - `Source` is always "orders", `DetailType` is the event type (OrderCreated, ItemAdded, OrderConfirmed, OrderCancelled);
 * - `Detail` is `{ eventId, orderId, version, position, occurredAt, data }`;
 * - delivery is at least once: the same `eventId` may arrive twice, and events may arrive out of order, so a consumer
 *   keeps per order the highest `version` it applied (as the projector does);
 * - `position` is the event's place in the store's global order (events.seq): increasing, with gaps.
 */
export const EVENT_SOURCE = "orders";

export interface OrderEventDetail {
    readonly eventId: string;
    readonly orderId: string;
    /** 1 for OrderCreated, then one more per event of the order. */
    readonly version: number;
    readonly position: number;
    /** ISO-8601 UTC, when the event was appended. */
    readonly occurredAt: string;
    readonly data: Readonly<Record<string, unknown>>;
}

/** One entry of a PutEvents request, as the relay sends it. */
export interface BusEntry {
    readonly Source: string;
    readonly DetailType: string;
    readonly Detail: string;
    readonly EventBusName: string;
    readonly Time: Date;
}

/** What AWS counts against the 256 KB limit of an entry and of a request: Time 14 bytes, then UTF-8 bytes of the rest. */
export function entrySize(entry: Pick<BusEntry, "Source" | "DetailType" | "Detail">): number {
    return 14 + Buffer.byteLength(entry.Source, "utf8") + Buffer.byteLength(entry.DetailType, "utf8") + Buffer.byteLength(entry.Detail, "utf8");
}

/**
 * PutEvents limits (https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEvents.html and
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-putevent-size.html): at most 10 entries, and the
 * entries of one request under 256 KB in total.
 */
export const PUT_EVENTS_LIMITS = { maxEntries: 10, maxBytes: 256 * 1024 - 1 } as const;

export function toBusEntry(detailType: string, detail: OrderEventDetail, eventBusName: string): BusEntry {
    return { Source: EVENT_SOURCE, DetailType: detailType, Detail: JSON.stringify(detail), EventBusName: eventBusName, Time: new Date(detail.occurredAt) };
}

/** An EventBridge event as a Lambda target receives it; the fields the projector reads. */
export const busEvent = z.lazy(() =>
    z.object({
        source: z.literal(EVENT_SOURCE),
        "detail-type": z.string().check(z.minLength(1)),
        detail: z.object({
            eventId: z.string().check(z.minLength(1)),
            orderId: z.string().check(z.regex(/^[0-9a-f-]{36}$/)),
            version: z.int().check(z.gte(1)),
            position: z.int().check(z.gte(1)),
            occurredAt: z.string(),
            data: z.record(z.string(), z.unknown()),
        }),
    }),
);
export type BusEvent = z.infer<typeof busEvent>;
