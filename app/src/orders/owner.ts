import { createHash } from "node:crypto";
import { anonymousCaller, type CallerId } from "./caller";

/**
 * Who an order belongs to, as stored in its OrderCreated event and in the read model: a hash of the caller id,
 * so that lists can be scoped to their caller (like idempotency keys) without the caller's ARN or token subject
 * being written to the database or published on the bus. Orders created before owners were recorded belong to
 * the anonymous scope.
 */
export type OwnerId = string;

export function ownerOf(caller: CallerId): OwnerId {
    return createHash("sha256").update(`order-owner:${caller}`).digest("hex");
}

export const anonymousOwner: OwnerId = ownerOf(anonymousCaller);

/** The owner an OrderCreated event recorded; the anonymous scope for events from before owners were recorded. */
export function recordedOwner(created: { readonly owner?: OwnerId }): OwnerId {
    return created.owner ?? anonymousOwner;
}
