import { strict as assert } from "node:assert";
import { jsonLeaves } from "../../../../policy/lib/decode/json";

describe("lib/decode: json", () => {
    it("lists leaves by path, array items without a key", () => {
        assert.deepEqual(jsonLeaves('{"db": {"password": "x", "hosts": ["a"]}, "n": 1}'), [
            { path: "db.password", key: "password", value: "x" },
            { path: "db.hosts.0", key: undefined, value: "a" },
            { path: "n", key: "n", value: 1 },
        ]);
    });

    it("returns nothing for text that is not a JSON object or array", () => {
        assert.equal(jsonLeaves("{not json"), undefined);
        assert.equal(jsonLeaves('"a string"'), undefined);
    });
});
