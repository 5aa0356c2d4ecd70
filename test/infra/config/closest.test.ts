import { strict as assert } from "node:assert";
import { closest, editDistance, nearest } from "../../../infra/config/closest";

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

    describe("nearest", () => {
        it("ranks several near candidates by distance, then by name, and stops at the count", () => {
            assert.deepEqual(nearest("us-est-1", ["us-east-1", "us-east-2", "eu-west-3"], 2), ["us-east-1", "us-east-2"]);
            assert.deepEqual(nearest("ap-southeast-9", ["ap-southeast-2", "ap-southeast-1", "sa-east-1"], 3), ["ap-southeast-1", "ap-southeast-2"]);
        });

        it("offers nothing when nothing is within a typo's reach", () => {
            assert.deepEqual(nearest("europe", ["us-east-1", "sa-east-1"], 3), []);
        });
    });
});
