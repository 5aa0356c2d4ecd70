import { strict as assert } from "node:assert";
import { isUnknown, knownArray, knownBoolean, knownNumber, knownRecord, knownString, reveal } from "../../../tools/preflight/values";

const UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const secret = (value: unknown) => ({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value });

describe("preflight: values", () => {
    it("recognizes the SDK's unknown sentinels and nothing else", () => {
        assert.equal(isUnknown(UNKNOWN_STRING), true);
        assert.equal(isUnknown("app-dev"), false);
        assert.equal(isUnknown(undefined), false);
    });

    it("reads through secret markers", () => {
        assert.equal(reveal(secret(secret("x"))), "x");
        assert.equal(knownNumber(secret(7)), 7);
    });

    it("gives undefined for unknown values instead of the sentinel", () => {
        assert.equal(knownString(UNKNOWN_STRING), undefined);
        assert.equal(knownNumber(UNKNOWN_STRING), undefined);
        assert.equal(knownBoolean(UNKNOWN_STRING), undefined);
        assert.equal(knownArray(UNKNOWN_STRING), undefined);
        assert.equal(knownRecord(UNKNOWN_STRING), undefined);
    });

    it("reads the string forms provider inputs arrive in", () => {
        assert.equal(knownNumber("1800"), 1800);
        assert.equal(knownBoolean("false"), false);
        assert.deepEqual(knownRecord('{"tags":{"a":"b"}}'), { tags: { a: "b" } });
        assert.equal(knownRecord("not json {"), undefined);
    });
});
