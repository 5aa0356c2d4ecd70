import { createHash } from "node:crypto";

/** What a cursor carries: where the previous page ended, and which list it belongs to. */
export interface CursorState {
    /** Orders created before this position come next. */
    readonly beforePosition: number;
    /** A hash of the owner and the filters: a cursor only continues the list it came from. */
    readonly scope: string;
}

/** The cursor is not one this API issued for this list (edited, truncated, or from another caller or filter). */
export class InvalidCursorError extends Error {
    override readonly name = "InvalidCursorError";
}

/** Ties a cursor to one caller's list with given filters; the caller's identity itself never leaves as such. */
export function listScope(parts: { readonly owner: string; readonly customerId?: string; readonly status?: string }): string {
    return createHash("sha256")
        .update(JSON.stringify([parts.owner, parts.customerId ?? null, parts.status ?? null]))
        .digest("base64url")
        .slice(0, 16);
}

/**
 * Opaque to clients (base64url of a small JSON document): they send back what they got. It is not signed: it holds
 * no secret and grants nothing, since every page is read within the caller's own scope; the scope hash only turns a
 * cursor reused with other filters into a clear 400 instead of a silently wrong page.
 */
export function encodeCursor(state: CursorState): string {
    return Buffer.from(JSON.stringify({ v: 1, p: state.beforePosition, s: state.scope })).toString("base64url");
}

/** @throws InvalidCursorError for anything `encodeCursor` did not produce for `scope`. */
export function decodeCursor(cursor: string, scope: string): CursorState {
    if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) {
        throw new InvalidCursorError("cursor: not a cursor this API issued");
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    } catch {
        throw new InvalidCursorError("cursor: not a cursor this API issued");
    }
    const { v, p, s } = (parsed ?? {}) as { v?: unknown; p?: unknown; s?: unknown };
    if (v !== 1 || typeof p !== "number" || !Number.isSafeInteger(p) || p < 1 || typeof s !== "string") {
        throw new InvalidCursorError("cursor: not a cursor this API issued");
    }
    if (s !== scope) {
        throw new InvalidCursorError("cursor: issued for another list; repeat the same customerId and status, or start without a cursor");
    }
    return { beforePosition: p, scope };
}
