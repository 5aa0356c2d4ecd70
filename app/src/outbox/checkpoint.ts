import { randomUUID } from "node:crypto";
import type { ResultSetHeader, RowDataPacket } from "mysql2";
import type { Queryable } from "../db/connection";

/** Another run took the lease over (this one outlived it): it stops, the other carries on from the checkpoint. */
export class LeaseLostError extends Error {
    override readonly name = "LeaseLostError";
}

/**
 * A relay's checkpoint in `relay_checkpoints`, behind a lease: one run at a time publishes, and a run that dies
 * keeps the others out only until its lease ends. The position only ever moves forward (GREATEST), so even two runs
 * that both believed they held the lease could not move it back, and neither loses an event: each only advances past
 * what it published itself.
 */
export class RelayCheckpoint {
    readonly owner: string;

    constructor(
        private readonly db: Queryable,
        private readonly relay: string,
        owner: string = randomUUID(),
    ) {
        this.owner = owner;
    }

    /** Takes the lease for `leaseMs` and returns the position to publish after, or undefined when another run holds it. */
    async acquire(leaseMs: number): Promise<number | undefined> {
        const taken = await this.db.query<ResultSetHeader>(
            // A run that waited for the lease clears its own name as successor once it holds the lease.
            "UPDATE relay_checkpoints SET lease_owner = ?, lease_until = DATE_ADD(UTC_TIMESTAMP(6), INTERVAL ? MICROSECOND), " +
                "lease_successor = IF(lease_successor = ?, NULL, lease_successor) " +
                "WHERE relay = ? AND (lease_owner IS NULL OR lease_owner = ? OR lease_until < UTC_TIMESTAMP(6))",
            [this.owner, Math.round(leaseMs * 1000), this.owner, this.relay, this.owner],
            { retryOnFatal: true },
        );
        if (taken.affectedRows !== 1) {
            return undefined;
        }
        const rows = await this.db.query<(RowDataPacket & { position: string | number })[]>(
            "SELECT position FROM relay_checkpoints WHERE relay = ? AND lease_owner = ?",
            [this.relay, this.owner],
            { retryOnFatal: true },
        );
        const [row] = rows;
        return row === undefined ? undefined : Number(row.position);
    }

    /**
     * Moves the checkpoint to `position` (never back).
     * @throws LeaseLostError when the lease has passed to another run.
     */
    async advance(position: number): Promise<void> {
        const updated = await this.db.query<ResultSetHeader>(
            "UPDATE relay_checkpoints SET position = GREATEST(position, ?), updated_at = UTC_TIMESTAMP(6) WHERE relay = ? AND lease_owner = ?",
            [position, this.relay, this.owner],
            { retryOnFatal: true },
        );
        if (updated.affectedRows !== 1) {
            throw new LeaseLostError(`The ${this.relay} relay's lease passed to another run`);
        }
    }

    /**
     * Says that this run waits for the lease (taken by another run), so that the holder hands it over at its next poll
     * instead of keeping it to the end of its time; the last run to say so is the one named.
     */
    async queue(): Promise<void> {
        await this.db.query(
            "UPDATE relay_checkpoints SET lease_successor = ? WHERE relay = ? AND lease_owner IS NOT NULL AND lease_owner <> ?",
            [this.owner, this.relay, this.owner],
            { retryOnFatal: true },
        );
    }

    /**
     * Whether another run waits to take the lease over (see `queue`).
     * @throws LeaseLostError when this run no longer holds the lease.
     */
    async successorWaiting(): Promise<boolean> {
        const rows = await this.db.query<(RowDataPacket & { successor: string | null })[]>(
            "SELECT lease_successor AS successor FROM relay_checkpoints WHERE relay = ? AND lease_owner = ?",
            [this.relay, this.owner],
            { retryOnFatal: true },
        );
        const [row] = rows;
        if (row === undefined) {
            throw new LeaseLostError(`The ${this.relay} relay's lease passed to another run`);
        }
        return row.successor !== null && row.successor !== this.owner;
    }

    /** Gives the lease up, so that the next run need not wait for it to end. */
    async release(): Promise<void> {
        await this.db.query(
            "UPDATE relay_checkpoints SET lease_owner = NULL, lease_until = NULL WHERE relay = ? AND lease_owner = ?",
            [this.relay, this.owner],
            { retryOnFatal: true },
        );
    }
}
