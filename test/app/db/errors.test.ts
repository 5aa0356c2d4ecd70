import { strict as assert } from "node:assert";
import { DatabaseQueryError, isAccessDenied, isFatalConnectionError } from "../../../app/src/db/errors";

const driverError = (fields: Record<string, unknown>) => Object.assign(new Error("driver"), fields);

describe("db: errors", () => {
    it("treats errors that mysql2 marks fatal as fatal", () => {
        assert.equal(isFatalConnectionError(driverError({ fatal: true, code: "ANY" })), true);
    });

    it("treats a lost connection, a reset socket and a killed session as fatal", () => {
        for (const fields of [{ code: "PROTOCOL_CONNECTION_LOST" }, { code: "ECONNRESET" }, { errno: 1927 }, { errno: 4031 }]) {
            assert.equal(isFatalConnectionError(driverError(fields)), true, JSON.stringify(fields));
        }
    });

    it("does not treat a duplicate key or a syntax error as fatal", () => {
        assert.equal(isFatalConnectionError(driverError({ errno: 1062, code: "ER_DUP_ENTRY" })), false);
        assert.equal(isFatalConnectionError(driverError({ errno: 1064, code: "ER_PARSE_ERROR" })), false);
        assert.equal(isFatalConnectionError("not an error"), false);
    });

    it("recognises a refused login", () => {
        assert.equal(isAccessDenied(driverError({ errno: 1045 })), true);
        assert.equal(isAccessDenied(driverError({ errno: 1044 })), false);
    });

    it("keeps the driver's errno on a query error, to spot duplicate keys", () => {
        const error = new DatabaseQueryError("Statement failed", { cause: driverError({ errno: 1062, code: "ER_DUP_ENTRY" }) });
        assert.equal(error.isDuplicateKey, true);
        assert.equal(error.code, "ER_DUP_ENTRY");
    });
});
