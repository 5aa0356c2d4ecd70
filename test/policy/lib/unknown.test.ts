import { strict as assert } from "node:assert";
import { unknownCheckingProxy } from "@pulumi/policy";
import { asArray, isUnknown, knownNumber, UNKNOWN_SENTINELS, unwrapProps } from "../../../policy/lib/unknown";
import { UNKNOWN } from "../../helpers/policy";

describe("lib: unknown", () => {
    it("knows exactly the SDK's unknown sentinels", () => {
        assert.deepEqual([...UNKNOWN_SENTINELS].sort(), Object.values(UNKNOWN).sort());
    });

    it("reads the target behind the SDK proxy without throwing on unknown values", () => {
        const proxied = unknownCheckingProxy({ requireTls: UNKNOWN.boolean, name: "x" });
        assert.throws(() => proxied.requireTls, /can't be known during preview/);
        const props = unwrapProps(proxied);
        assert.equal(isUnknown(props.requireTls), true);
        assert.equal(props.name, "x");
    });

    it("returns plain objects unchanged", () => {
        const plain = { a: 1 };
        assert.equal(unwrapProps(plain), plain);
    });

    it("treats unknown arrays as empty and numeric strings as numbers", () => {
        assert.deepEqual(asArray(UNKNOWN.array), []);
        assert.deepEqual(asArray("x"), ["x"]);
        assert.equal(knownNumber("14"), 14);
        assert.equal(knownNumber(UNKNOWN.number), undefined);
    });
});
