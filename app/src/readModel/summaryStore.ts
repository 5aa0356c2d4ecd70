import type { ResultSetHeader, RowDataPacket } from "mysql2";
import type { Queryable } from "../db/connection";
import { fromSqlDateTime, toSqlDateTime } from "../db/dateTime";
import { DatabaseQueryError } from "../db/errors";
import type { OrderStatus } from "../orders/fold";
import type { OrderSummary } from "./summary";

interface SummaryRow extends RowDataPacket {
    order_id: string;
    owner: string;
    customer_id: string;
    status: OrderStatus;
    item_count: number;
    total_cents: string | number;
    version: number;
    created_position: string | number;
    created_at: string;
    updated_at: string;
}

const columns = "order_id, owner, customer_id, status, item_count, total_cents, version, created_position, created_at, updated_at";

function toSummary(row: SummaryRow): OrderSummary {
    return {
        orderId: row.order_id,
        owner: row.owner,
        customerId: row.customer_id,
        status: row.status,
        itemCount: Number(row.item_count),
        totalCents: Number(row.total_cents),
        version: Number(row.version),
        createdPosition: Number(row.created_position),
        createdAt: fromSqlDateTime(row.created_at),
        updatedAt: fromSqlDateTime(row.updated_at),
    };
}

function values(summary: OrderSummary): unknown[] {
    return [
        summary.orderId,
        summary.owner,
        summary.customerId,
        summary.status,
        summary.itemCount,
        summary.totalCents,
        summary.version,
        summary.createdPosition,
        toSqlDateTime(summary.createdAt),
        toSqlDateTime(summary.updatedAt),
    ];
}

export interface ListQuery {
    readonly owner: string;
    readonly customerId?: string;
    readonly status?: OrderStatus;
    /** Only orders created before this position (the cursor). */
    readonly beforePosition?: number;
    readonly limit: number;
}

/** order_summaries: each write is conditional on the version it replaces, so no write ever moves a row backwards. */
export class SummaryStore {
    constructor(private readonly db: Queryable) {}

    async get(orderId: string): Promise<OrderSummary | undefined> {
        const rows = await this.db.query<SummaryRow[]>(`SELECT ${columns} FROM order_summaries WHERE order_id = ?`, [orderId], { retryOnFatal: true });
        const [row] = rows;
        return row === undefined ? undefined : toSummary(row);
    }

    /** Writes `next` over the row at `previousVersion` (none: a new row); false when another writer got there first. */
    async replace(next: OrderSummary, previousVersion: number | undefined): Promise<boolean> {
        if (previousVersion === undefined) {
            try {
                // Not INSERT IGNORE, which would also turn a value that does not fit into a warning and a truncated row.
                await this.db.query<ResultSetHeader>(`INSERT INTO order_summaries (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, values(next), {
                    retryOnFatal: false,
                });
                return true;
            } catch (error) {
                if (error instanceof DatabaseQueryError && error.isDuplicateKey) {
                    return false;
                }
                throw error;
            }
        }
        const updated = await this.db.query<ResultSetHeader>(
            "UPDATE order_summaries SET status = ?, item_count = ?, total_cents = ?, version = ?, updated_at = ? WHERE order_id = ? AND version = ?",
            [next.status, next.itemCount, next.totalCents, next.version, toSqlDateTime(next.updatedAt), next.orderId, previousVersion],
            { retryOnFatal: true },
        );
        return updated.affectedRows === 1;
    }

    /**
     * Inserts the row, or overwrites it when `summary` is newer (the rebuild, which may race the projector). MariaDB and
     * MySQL both evaluate the assignments left to right, so `version` is assigned last, after the test has used it.
     */
    async upsertIfNewer(summary: OrderSummary): Promise<void> {
        const newer = "VALUES(version) > version";
        await this.db.query(
            `INSERT INTO order_summaries (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE ` +
                ["status", "item_count", "total_cents", "updated_at"].map((column) => `${column} = IF(${newer}, VALUES(${column}), ${column})`).join(", ") +
                `, version = IF(${newer}, VALUES(version), version)`,
            values(summary),
            { retryOnFatal: true },
        );
    }

    /** The caller's orders, newest first. */
    async list(query: ListQuery): Promise<OrderSummary[]> {
        const where = ["owner = ?"];
        const params: unknown[] = [query.owner];
        if (query.customerId !== undefined) {
            where.push("customer_id = ?");
            params.push(query.customerId);
        }
        if (query.status !== undefined) {
            where.push("status = ?");
            params.push(query.status);
        }
        if (query.beforePosition !== undefined) {
            where.push("created_position < ?");
            params.push(query.beforePosition);
        }
        const rows = await this.db.query<SummaryRow[]>(
            `SELECT ${columns} FROM order_summaries WHERE ${where.join(" AND ")} ORDER BY created_position DESC LIMIT ?`,
            [...params, query.limit],
            { retryOnFatal: true },
        );
        return rows.map(toSummary);
    }
}
