import { strict as assert } from "node:assert";
import { BORROW_TIMEOUT_MARGIN_SECONDS, PROJECTOR_TIMEOUT_SECONDS, RELAY_SCHEDULE_PERIOD_SECONDS, RELAY_TIMEOUT_SECONDS, maxBorrowTimeoutSeconds } from "../../../infra/lib/functionTimeouts";

describe("lib: functionTimeouts (maxBorrowTimeoutSeconds)", () => {
    it("leaves the API function its margin when it is the only user of the proxy", () => {
        assert.deepEqual(maxBorrowTimeoutSeconds({ apiTimeoutSeconds: 29, events: false }), {
            seconds: 29 - BORROW_TIMEOUT_MARGIN_SECONDS,
            limitedBy: "the API function (lambdaTimeoutSeconds), 29 s",
        });
    });

    it("takes the shortest timeout among the API, the projector and the relay with events", () => {
        const shortest = Math.min(29, PROJECTOR_TIMEOUT_SECONDS, RELAY_TIMEOUT_SECONDS);
        assert.equal(maxBorrowTimeoutSeconds({ apiTimeoutSeconds: 29, events: true }).seconds, shortest - BORROW_TIMEOUT_MARGIN_SECONDS);
        assert.equal(maxBorrowTimeoutSeconds({ apiTimeoutSeconds: 3, events: true }).seconds, 3 - BORROW_TIMEOUT_MARGIN_SECONDS);
    });

    it("never goes below 0, the shortest wait RDS Proxy accepts", () => {
        assert.equal(maxBorrowTimeoutSeconds({ apiTimeoutSeconds: 1, events: false }).seconds, 0);
    });

    it("keeps a relay run going, beyond its 10 s reserve, until the next one starts, however late in its minute Scheduler starts it", () => {
        // Scheduler starts a run anywhere in the minute it is due: two runs can start up to two periods apart.
        assert.ok(RELAY_TIMEOUT_SECONDS - 10 > 2 * RELAY_SCHEDULE_PERIOD_SECONDS, `${RELAY_TIMEOUT_SECONDS} s`);
        // A run that dies without releasing holds the lease for its remaining time + 5 s: keep that short of a third period.
        assert.ok(RELAY_TIMEOUT_SECONDS + 5 < 3 * RELAY_SCHEDULE_PERIOD_SECONDS);
    });
});
