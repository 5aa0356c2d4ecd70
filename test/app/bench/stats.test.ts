import { strict as assert } from "node:assert";
import { percentile } from "../../../app/bench/stats";
import { formatTable } from "../../../app/bench/table";

describe("bench: stats and table", () => {
    it("takes percentiles by nearest rank", () => {
        const samples = Array.from({ length: 100 }, (_, index) => 100 - index);
        assert.equal(percentile(samples, 50), 50);
        assert.equal(percentile(samples, 99), 99);
        assert.equal(percentile([7], 99), 7);
        assert.ok(Number.isNaN(percentile([], 50)));
    });

    it("marks rows with a target PASS or FAIL and leaves the others blank", () => {
        const table = formatTable([
            { metric: "ratio", value: "1.2x", target: "< 1.5x", pass: true },
            { metric: "fetches", value: "2", target: "1", pass: false },
            { metric: "info", value: "3 ms" },
        ]).split("\n");
        assert.match(table[2] ?? "", /ratio.*PASS$/);
        assert.match(table[3] ?? "", /fetches.*FAIL$/);
        assert.match(table[4] ?? "", /info\s+3 ms$/);
    });
});
