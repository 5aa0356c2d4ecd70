import { strict as assert } from "node:assert";
import { dbParameters } from "../../../infra/lib/parameters";

const byName = (exports: string[]) => Object.fromEntries(dbParameters(exports).map((p) => [p.name, p.value]));

describe("lib: parameters", () => {
    it("always requires TLS", () => {
        assert.deepEqual(byName([]), { require_secure_transport: "1" });
    });

    it("turns on the slow query log, written to a file, when slowquery is exported", () => {
        assert.deepEqual(byName(["error", "slowquery"]), { require_secure_transport: "1", slow_query_log: "1", long_query_time: "1", log_output: "FILE" });
    });

    it("turns on the general log, written to a file, when general is exported", () => {
        assert.deepEqual(byName(["general"]), { require_secure_transport: "1", general_log: "1", log_output: "FILE" });
    });

    it("needs nothing for the error log, which MySQL always writes", () => {
        assert.deepEqual(byName(["error"]), { require_secure_transport: "1" });
    });

    it("names each parameter once", () => {
        const names = dbParameters(["error", "general", "slowquery"]).map((p) => p.name);
        assert.equal(new Set(names).size, names.length);
    });
});
