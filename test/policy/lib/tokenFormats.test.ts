import { strict as assert } from "node:assert";
import { scanNamedValue, scanText } from "../../../policy/lib/secretScanner";
import { findTokens, maskToken, shannonEntropy, TOKEN_FORMATS } from "../../../policy/lib/tokenFormats";
import { randomChars, TOKEN_GENERATORS, TOKEN_KEYWORD } from "../../helpers/policyTokens";

/** Puts the vendor's name next to the formats that need it, as a real config would. */
const inContext = (id: string, token: string) => (TOKEN_KEYWORD[id] ? `${TOKEN_KEYWORD[id]}: ${token}` : token);

describe("lib: tokenFormats", () => {
    it("names every format by a distinct gitleaks rule id and has a generator for each", () => {
        const ids = TOKEN_FORMATS.map((f) => f.id);
        assert.equal(new Set(ids).size, ids.length);
        assert.deepEqual(ids.filter((id) => !TOKEN_GENERATORS[id]), []);
    });

    for (const format of TOKEN_FORMATS) {
        describe(`gitleaks ${format.id}`, () => {
            it("is found under a neutral name, the message names the format and masks the value", () => {
                const token = TOKEN_GENERATORS[format.id]!();
                const findings = scanNamedValue("SETTING", inContext(format.id, token));
                assert.equal(findings.length >= 1, true, `${format.id} not found`);
                const finding = findings.find((f) => f.anchor === `gitleaks:${format.id}`);
                assert.ok(finding, `${format.id}: ${JSON.stringify(findings)}`);
                assert.ok(finding.message.includes(`(gitleaks: ${format.id})`));
                assert.ok(!finding.message.includes(token.slice(4)), "the message must not echo the secret");
            });

            it("is found in the middle of a text (code, user data)", () => {
                const token = TOKEN_GENERATORS[format.id]!();
                const text = `#!/bin/bash\necho start\nconfigure --with ${inContext(format.id, token)} --verbose\n`;
                assert.ok(scanText(text).some((f) => f.anchor === `gitleaks:${format.id}`));
            });

            it("is not found when the random part is a run of one character (no entropy)", function () {
                if (format.minEntropy === undefined) {
                    this.skip();
                }
                const token = TOKEN_GENERATORS[format.id]!();
                // The same shape with its random part (the part the guard measures) made of one letter.
                const random = new RegExp(format.pattern.source, format.pattern.flags.replace("g", "")).exec(token)![1]!;
                const withFlatMiddle = token.replace(random, random.replace(/[A-Za-z0-9]/g, "a"));
                assert.deepEqual(findTokens(inContext(format.id, withFlatMiddle)).map((t) => t.format.id).filter((id) => id === format.id), []);
            });
        });
    }

    it("flags a loose format only next to its vendor's name", () => {
        for (const id of Object.keys(TOKEN_KEYWORD)) {
            const token = TOKEN_GENERATORS[id]!();
            assert.deepEqual(findTokens(`value ${token}`).filter((t) => t.format.id === id), [], id);
        }
    });

    it("flags a JWT only when its header decodes to JSON with an alg", () => {
        const jwt = TOKEN_GENERATORS.jwt!();
        const [, payload, signature] = jwt.split(".");
        const notJson = `ey${randomChars("abcdefghijklmnopqrstuvwxyz", 20)}.${payload}.${signature}`;
        assert.deepEqual(findTokens(notJson), []);
        assert.equal(findTokens(jwt)[0]?.format.id, "jwt");
    });

    it("does not flag Stripe test-mode keys, git SHAs, UUIDs or KMS key ids", () => {
        const near = [
            `sk${"_test_"}${randomChars("abcdefABCDEF0123456789", 24)}`,
            randomChars("0123456789abcdef", 40),
            "8e0a4a5e-6b53-4d3b-9a0e-2f5b8f1c9d7a",
            "mrk-" + randomChars("0123456789abcdef", 32),
        ];
        for (const value of near) {
            assert.deepEqual(findTokens(value), [], value);
        }
    });

    it("measures entropy and masks to the first four characters and the length", () => {
        assert.equal(shannonEntropy("aaaa"), 0);
        assert.equal(shannonEntropy("abcd"), 2);
        assert.equal(maskToken("abcdefgh"), "abcd…(8 chars)");
    });
});
