import { strict as assert } from "node:assert";
import { gzipSync } from "node:zlib";
import { gunzipBounded, isGzip } from "../../../../policy/lib/decode/gzip";

describe("lib/decode: gzip", () => {
    it("inflates gzip text", () => {
        const bytes = gzipSync(Buffer.from("#!/bin/bash\necho hi\n"));
        assert.equal(isGzip(bytes), true);
        assert.equal(gunzipBounded(bytes, 1024), "#!/bin/bash\necho hi\n");
    });

    it("stops at the size bound instead of inflating a bomb", () => {
        assert.equal(gunzipBounded(gzipSync(Buffer.alloc(1024 * 1024, "a")), 64 * 1024), undefined);
    });

    it("returns nothing for bytes that are not gzip or are corrupt", () => {
        assert.equal(gunzipBounded(Buffer.from("plain text"), 1024), undefined);
        assert.equal(gunzipBounded(Buffer.from([0x1f, 0x8b, 1, 2, 3]), 1024), undefined);
    });
});
