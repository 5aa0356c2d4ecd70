import { strict as assert } from "node:assert";
import { printableText } from "../../../../policy/lib/decode/text";

describe("lib/decode: text", () => {
    it("accepts UTF-8 text with tabs and newlines", () => {
        assert.equal(printableText(Buffer.from("a\tb\nc — d")), "a\tb\nc — d");
    });

    it("refuses invalid UTF-8, control characters and empty input", () => {
        assert.equal(printableText(Buffer.from([0xc3, 0x28])), undefined);
        assert.equal(printableText(Buffer.from("abc\u0000\u0001\u0002")), undefined);
        assert.equal(printableText(Buffer.alloc(0)), undefined);
    });
});
