import { strict as assert } from "node:assert";
import { closest, editDistance } from "../../../infra/config/closest";

describe("config/closest", () => {
    describe("editDistance", () => {
        it("counts insertions, deletions and substitutions, ignoring case", () => {
            assert.equal(editDistance("flowLogs", "flowlogs"), 0);
            assert.equal(editDistance("acme-order", "acme-orders"), 1);
            assert.equal(editDistance("acme-ordres", "acme-orders"), 2);
            assert.equal(editDistance("", "aws"), 3);
            assert.equal(editDistance("kitten", "sitting"), 3);
        });
    });

    describe("closest", () => {
        const words = ["dbMultiAz", "dbName", "flowLogs", "events"];

        it("suggests the one candidate a typo is near", () => {
            assert.equal(closest("dbmultiaz", words), "dbMultiAz");
            assert.equal(closest("flowLog", words), "flowLogs");
            assert.equal(closest("evnets", words), "events");
        });

        it("suggests nothing when no candidate is near, rather than a guess", () => {
            assert.equal(closest("retention", words), undefined);
            assert.equal(closest("db", words), undefined);
        });

        it("suggests nothing when two candidates are equally near", () => {
            assert.equal(closest("ab", ["ac", "ad"]), undefined);
        });
    });
});
