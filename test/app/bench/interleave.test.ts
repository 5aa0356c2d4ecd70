import { strict as assert } from "node:assert";
import { interleaved } from "../../../app/bench/interleave";

describe("bench: interleaved", () => {
    it("alternates the two functions, swapping which goes first every round", async () => {
        const calls: string[] = [];
        await interleaved(4, async () => calls.push("a"), async () => calls.push("b"));
        assert.deepEqual(calls.join(""), "abbaabba");
    });

    it("keeps one sample per function and round, and none from the warm-up rounds", async () => {
        let n = 0;
        const samples = await interleaved(3, async () => (n += 1), async () => (n += 1), 2);
        assert.equal(n, 10, "2 warm-up rounds and 3 measured rounds, two calls each");
        assert.equal(samples.a.length, 3);
        assert.equal(samples.b.length, 3);
        assert.ok([...samples.a, ...samples.b].every((ms) => ms >= 0));
    });
});
