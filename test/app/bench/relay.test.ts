import { strict as assert } from "node:assert";
import { relayBench } from "../../../app/bench/relay";
import { PROJECTOR_MAX_CONCURRENCY } from "../../../infra/components/events";

describe("bench: relay", () => {
    it("measures the projector with as many instances as its queue runs at once when deployed", () => {
        assert.equal(relayBench.projector.instances, PROJECTOR_MAX_CONCURRENCY);
    });

    it("holds the projector's instances, at the per-instance goal, to at least the relay's drain goal", () => {
        assert.ok(relayBench.projector.instances * relayBench.projector.perInstancePerSecond >= relayBench.drainPerSecond);
    });
});
