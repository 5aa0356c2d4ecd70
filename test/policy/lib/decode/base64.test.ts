import { strict as assert } from "node:assert";
import { gzipSync } from "node:zlib";
import { decodeBase64Text, MAX_DECODED_BYTES } from "../../../../policy/lib/decode/base64";

describe("lib/decode: base64", () => {
    const doc = JSON.stringify({ type: "service_account", project_id: "p" });

    it("decodes standard and URL-safe base64 to text", () => {
        assert.equal(decodeBase64Text(Buffer.from(doc).toString("base64")), doc);
        assert.equal(decodeBase64Text(Buffer.from(doc).toString("base64url")), doc);
    });

    it("inflates gzip before returning the text", () => {
        assert.equal(decodeBase64Text(gzipSync(Buffer.from(doc)).toString("base64")), doc);
    });

    it("leaves words, ids, binary and oversized values alone", () => {
        assert.equal(decodeBase64Text("index.handler"), undefined);
        assert.equal(decodeBase64Text("abcdefgh"), undefined, "too short to be a document");
        assert.equal(decodeBase64Text(Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]).toString("base64")), undefined);
        assert.equal(decodeBase64Text(Buffer.from("a".repeat(MAX_DECODED_BYTES + 10)).toString("base64")), undefined);
    });
});
