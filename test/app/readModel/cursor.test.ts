import { strict as assert } from "node:assert";
import { decodeCursor, encodeCursor, InvalidCursorError, listScope } from "../../../app/src/readModel/cursor";

describe("readModel: cursor", () => {
    const scope = listScope({ owner: "a".repeat(64), customerId: "c", status: "open" });

    it("round-trips the position within the same list", () => {
        assert.deepEqual(decodeCursor(encodeCursor({ beforePosition: 42, scope }), scope), { beforePosition: 42, scope });
    });

    it("is opaque URL-safe text", () => {
        assert.match(encodeCursor({ beforePosition: 9_007_199_254_740_991, scope }), /^[A-Za-z0-9_-]+$/);
    });

    it("ties a cursor to the caller and the filters", () => {
        const cursor = encodeCursor({ beforePosition: 42, scope });
        for (const other of [
            listScope({ owner: "b".repeat(64), customerId: "c", status: "open" }),
            listScope({ owner: "a".repeat(64), customerId: "d", status: "open" }),
            listScope({ owner: "a".repeat(64), customerId: "c" }),
        ]) {
            assert.throws(() => decodeCursor(cursor, other), /issued for another list/);
        }
    });

    it("refuses anything it did not issue", () => {
        const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
        for (const cursor of ["", "not base64!", "e30", forged({ v: 2, p: 1, s: scope }), forged({ v: 1, p: -1, s: scope }), forged({ v: 1, p: 1.5, s: scope }), "x".repeat(300)]) {
            assert.throws(() => decodeCursor(cursor, scope), InvalidCursorError, cursor);
        }
    });
});
