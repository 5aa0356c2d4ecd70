import type { OrderStatus } from "../orders/fold";
import type { OwnerId } from "../orders/owner";
import { decodeCursor, encodeCursor, listScope } from "./cursor";
import type { OrderSummary } from "./summary";
import type { SummaryStore } from "./summaryStore";

export interface OrderListQuery {
    readonly owner: OwnerId;
    readonly customerId?: string;
    readonly status?: OrderStatus;
    readonly limit: number;
    readonly cursor?: string;
}

/** A listed order, as GET /orders returns it (money in the currency unit, like GET /orders/{id}). */
export interface ListedOrder {
    readonly id: string;
    readonly customerId: string;
    readonly status: OrderStatus;
    readonly itemCount: number;
    readonly total: number;
    readonly version: number;
    readonly createdAt: string;
    readonly updatedAt: string;
}

export interface OrderPage {
    readonly orders: readonly ListedOrder[];
    /** Absent on the last page. */
    readonly nextCursor?: string;
}

function listed(summary: OrderSummary): ListedOrder {
    return {
        id: summary.orderId,
        customerId: summary.customerId,
        status: summary.status,
        itemCount: summary.itemCount,
        total: summary.totalCents / 100,
        version: summary.version,
        createdAt: summary.createdAt,
        updatedAt: summary.updatedAt,
    };
}

/**
 * One page of the caller's orders from the read model, newest first. Keyset pagination on the OrderCreated position:
 * a page never repeats or skips an order because others were created or changed meanwhile.
 * @throws InvalidCursorError for a cursor of another list.
 */
export async function listOrders(summaries: SummaryStore, query: OrderListQuery): Promise<OrderPage> {
    const scope = listScope(query);
    const before = query.cursor === undefined ? undefined : decodeCursor(query.cursor, scope).beforePosition;
    // One row more than asked for says whether another page exists, without a COUNT.
    const rows = await summaries.list({
        owner: query.owner,
        ...(query.customerId === undefined ? {} : { customerId: query.customerId }),
        ...(query.status === undefined ? {} : { status: query.status }),
        ...(before === undefined ? {} : { beforePosition: before }),
        limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
        orders: page.map(listed),
        ...(rows.length > query.limit && last !== undefined ? { nextCursor: encodeCursor({ beforePosition: last.createdPosition, scope }) } : {}),
    };
}
