import * as z from "zod/mini";
import "../validation";

/** Limits keep every INSERT far below RDS Proxy's 16 KB statement size, above which the proxy pins. */
export const limits = {
    customerIdLength: 128,
    skuLength: 64,
    maxQuantity: 1000,
    maxUnitPrice: 1_000_000,
} as const;

// Built on first use (z.lazy), not when the bundle loads, which every cold start would pay for.
const money = () =>
    z.number().check(
        z.gte(0),
        z.lte(limits.maxUnitPrice),
        z.refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, {
            message: "must have at most 2 decimal places",
        }),
    );

const customerId = () => z.string().check(z.trim(), z.minLength(1), z.maxLength(limits.customerIdLength));

/** What a client sends to open an order. */
export const createOrderFields = z.lazy(() => z.object({ customerId: customerId() }));

/** `owner` (orders/owner.ts) is recorded since the read model; older OrderCreated events have none. */
export const orderCreatedData = z.lazy(() =>
    z.object({
        customerId: customerId(),
        owner: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
    }),
);
export const itemAddedData = z.lazy(() =>
    z.object({
        sku: z.string().check(z.trim(), z.minLength(1), z.maxLength(limits.skuLength)),
        quantity: z.int().check(z.gte(1), z.lte(limits.maxQuantity)),
        unitPrice: money(),
    }),
);

/** Every event an order stream may hold: the type names are stored, so renaming one is a data migration. */
export const orderEvent = z.lazy(() =>
    z.discriminatedUnion("type", [
        z.object({ type: z.literal("OrderCreated"), data: orderCreatedData }),
        z.object({ type: z.literal("ItemAdded"), data: itemAddedData }),
        z.object({ type: z.literal("OrderConfirmed"), data: z.object({}) }),
        z.object({ type: z.literal("OrderCancelled"), data: z.object({}) }),
    ]),
);

export type OrderEvent = z.infer<typeof orderEvent>;
export type ItemAdded = z.infer<typeof itemAddedData>;

/** An event as read back from the store. */
export type RecordedEvent = OrderEvent & {
    readonly version: number;
    /** ISO-8601, UTC. */
    readonly createdAt: string;
};
