import { strict as assert } from "node:assert";
import { formatDuration, formatSummary } from "../../../tools/live/report";

describe("live: report", () => {
    it("formats durations precisely when short and readably when long", () => {
        assert.equal(formatDuration(850), "850ms");
        assert.equal(formatDuration(4_230), "4.2s");
        assert.equal(formatDuration(723_000), "12m 03s");
        assert.equal(formatDuration(3_720_000), "1h 02m");
    });

    it("prints one aligned row per step with the first line of its detail, then the total", () => {
        const table = formatSummary(
            [
                { name: "up", status: "passed", durationMs: 723_000, detail: "outputs: apiUrl" },
                { name: "GET /health", status: "failed", durationMs: 1_500, detail: "GET /health: expected status 200, got 403\n  body: {}" },
                { name: "remove stack", status: "skipped", durationMs: 0, detail: "" },
            ],
            800_000,
        );
        assert.equal(
            table,
            [
                "step          result   duration  detail",
                "------------  -------  --------  ------",
                "up            passed   12m 03s   outputs: apiUrl",
                "GET /health   failed   1.5s      GET /health: expected status 200, got 403",
                "remove stack  skipped  0ms",
                "total                  13m 20s",
            ].join("\n"),
        );
    });
});
