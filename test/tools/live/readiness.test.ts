import { strict as assert } from "node:assert";
import { describeReadiness } from "../../../tools/live/readiness";

describe("live: describeReadiness", () => {
    it("says how many attempts and seconds the deploy's readiness check took, and in which auth mode", () => {
        const output = JSON.stringify({ ready: true, attempts: 12, elapsedMs: 183_400, auth: "secret", host: "proxy.example" });
        assert.equal(describeReadiness(output), "the app user logged in through the proxy (secret mode) after 12 attempt(s), 183 s");
    });

    it("fails when the stack has no readiness output, naming what is missing", () => {
        assert.throws(() => describeReadiness(undefined), /readiness output is undefined: the deploy ran no readiness check/);
    });

    it("fails on an output that is not the probe's result", () => {
        assert.throws(() => describeReadiness("not json"), /not the probe's JSON/);
        assert.throws(() => describeReadiness(JSON.stringify({ ready: false })), /does not say ready/);
    });
});
