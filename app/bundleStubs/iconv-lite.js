"use strict";
// Stands in for iconv-lite in the Lambda bundles (~490 KB of code pages). mysql2 calls it only for encodings
// that Node's Buffer lacks. The one it meets with a utf8mb4 connection is cesu8, which it uses for utf8mb3
// metadata (column names, server messages); utf8mb3 holds no 4-byte characters, so there CESU-8 and UTF-8
// are the same bytes. Any other encoding fails loudly.
const sameAsUtf8 = new Set(["cesu8", "cesu-8"]);

function check(encoding) {
    if (!sameAsUtf8.has(String(encoding).toLowerCase())) {
        throw new Error(`Charset ${encoding} is not in this bundle; connect with utf8mb4`);
    }
}

module.exports = {
    getDecoder(encoding) {
        check(encoding);
        return { write: (buffer) => buffer.toString("utf8"), end: () => undefined };
    },
    getEncoder(encoding) {
        check(encoding);
        return { write: (text) => Buffer.from(text, "utf8"), end: () => undefined };
    },
    encodingExists: (encoding) => sameAsUtf8.has(String(encoding).toLowerCase()),
};
