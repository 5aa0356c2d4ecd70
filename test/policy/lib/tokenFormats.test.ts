import { strict as assert } from "node:assert";
import { presetRuleIds, secretlintHits } from "../../../policy/lib/secretlint";
import { scanNamedValue, scanText } from "../../../policy/lib/secretScanner";
import { maskToken, OWN_TOKEN_FORMATS, PRESET_RULES, shannonEntropy } from "../../../policy/lib/tokenFormats";
import { randomChars, TOKEN_KEYWORD, TOKENS } from "../../helpers/policyTokens";

/** Puts the vendor's name next to the formats that need it, as a real config would. */
const inContext = (name: string, token: string) => (TOKEN_KEYWORD[name] ? `${TOKEN_KEYWORD[name]}: ${token}` : token);

describe("lib: tokenFormats", () => {
    it("names every own format by a distinct gitleaks or trufflehog rule and has a generated token for each", () => {
        const anchors = OWN_TOKEN_FORMATS.map((f) => f.anchor);
        assert.equal(new Set(anchors).size, anchors.length);
        assert.deepEqual(anchors.filter((a) => !/^(gitleaks|trufflehog):\S+$/.test(a)), []);
        const generated = new Set(Object.values(TOKENS).map((t) => t.anchor));
        assert.deepEqual(anchors.filter((a) => !generated.has(a)), []);
    });

    it("keeps an own format only while secretlint's preset does not find its tokens", async () => {
        const duplicates: string[] = [];
        for (const [name, spec] of Object.entries(TOKENS).filter(([, s]) => !s.anchor.startsWith("@secretlint/"))) {
            const hits = await secretlintHits(`SETTING=${inContext(name, spec.make())}`);
            duplicates.push(...hits.filter((h) => h.ruleId.startsWith("@secretlint/")).map((h) => `${name} is found by ${h.ruleId}`));
        }
        assert.deepEqual(duplicates, []);
    });

    for (const [name, spec] of Object.entries(TOKENS)) {
        describe(`${spec.family}: ${name} (${spec.anchor})`, () => {
            it("is found under a neutral name, the message names the rule and masks the value", async () => {
                const token = spec.make();
                const findings = await scanNamedValue("SETTING", inContext(name, token));
                const finding = findings.find((f) => f.anchor === spec.anchor);
                assert.ok(finding, `${name}: ${JSON.stringify(findings)}`);
                assert.ok(!finding.message.includes(token.slice(4)), "the message must not echo the secret");
            });

            it("is found in the middle of a text (code, user data)", async () => {
                const token = spec.make();
                const text = `#!/bin/bash\necho start\nconfigure --with ${inContext(name, token)} --verbose\n`;
                assert.ok((await scanText(text)).some((f) => f.anchor === spec.anchor));
            });
        });
    }

    for (const format of OWN_TOKEN_FORMATS.filter((f) => f.minEntropy !== undefined)) {
        it(`${format.anchor}: is not found when the random part is a run of one character (no entropy)`, async () => {
            const [name, spec] = Object.entries(TOKENS).find(([, s]) => s.anchor === format.anchor)!;
            const token = spec.make();
            const random = new RegExp(format.pattern.source, format.pattern.flags.replace("g", "")).exec(token)![1]!;
            const flat = token.replace(random, random.replace(/[A-Za-z0-9]/g, "a"));
            assert.deepEqual((await scanNamedValue("SETTING", inContext(name, flat))).filter((f) => f.anchor === format.anchor), []);
        });
    }

    it("flags a loose format only next to its vendor's name", async () => {
        for (const name of Object.keys(TOKEN_KEYWORD)) {
            const spec = TOKENS[name]!;
            assert.deepEqual((await scanText(`value ${spec.make()}`)).filter((f) => f.anchor === spec.anchor), [], name);
        }
    });

    it("counts the variable's name as the vendor's name", async () => {
        const findings = await scanNamedValue("TWILIO_KEY_FOR_SMS", TOKENS["twilio-api-key"]!.make());
        assert.ok(findings.some((f) => f.anchor === "gitleaks:twilio-api-key"), JSON.stringify(findings));
    });

    it("flags a JWT only when its header decodes to JSON with an alg", async () => {
        const jwt = TOKENS.jwt!.make();
        const [, payload, signature] = jwt.split(".");
        const notJson = `ey${randomChars("abcdefghijklmnopqrstuvwxyz", 20)}.${payload}.${signature}`;
        assert.deepEqual(await scanText(`x ${notJson}`), []);
        assert.ok((await scanText(`x ${jwt}`)).some((f) => f.anchor === "gitleaks:jwt"));
    });

    it("does not flag git SHAs, UUIDs or KMS key ids", async () => {
        const near = [randomChars("0123456789abcdef", 40), "8e0a4a5e-6b53-4d3b-9a0e-2f5b8f1c9d7a", "mrk-" + randomChars("0123456789abcdef", 32)];
        for (const value of near) {
            assert.deepEqual(await scanText(`x = ${value}`), [], value);
        }
    });

    it("names every preset rule secretlint reports, so a message never says just 'a credential'", async () => {
        const ids = await presetRuleIds();
        assert.ok(ids.length > 20, "the preset loads");
        assert.deepEqual(ids.filter((id) => !PRESET_RULES[id]), []);
    });

    it("measures entropy and masks to the first four characters and the length", () => {
        assert.equal(shannonEntropy("aaaa"), 0);
        assert.equal(shannonEntropy("abcd"), 2);
        assert.equal(maskToken("abcdefgh"), "abcd…(8 chars)");
    });
});
