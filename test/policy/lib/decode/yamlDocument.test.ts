import { strict as assert } from "node:assert";
import { yamlLeaves } from "../../../../policy/lib/decode/yamlDocument";

describe("lib/decode: yamlDocument", () => {
    it("lists the leaves of a YAML mapping", () => {
        assert.deepEqual(yamlLeaves("db:\n  host: proxy\n  password: x\n")?.map((l) => l.path), ["db.host", "db.password"]);
    });

    it("returns nothing for a shell script or broken YAML", () => {
        assert.equal(yamlLeaves("#!/bin/bash\necho hi\n"), undefined);
        assert.equal(yamlLeaves("a: [unclosed\n"), undefined);
    });
});
