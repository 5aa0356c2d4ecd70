import { strict as assert } from "node:assert";
import { presetRuleIds, secretlintHits } from "../../../policy/lib/secretlint";
import { OWN_TOKEN_FORMATS } from "../../../policy/lib/tokenFormats";
import { TOKENS } from "../../helpers/policyTokens";

describe("lib: secretlint", () => {
    it("loads the recommended preset (an ES module) from the pack's CommonJS", async () => {
        const ids = await presetRuleIds();
        assert.ok(ids.includes("@secretlint/secretlint-rule-github"), ids.join(", "));
    });

    it("reports a preset rule and an own format by rule id, with the matched text and where it starts", async () => {
        const github = TOKENS["github-pat"]!.make();
        const trigger = TOKENS["gitlab-ptt"]!.make();
        const text = `A=${github}\nB=${trigger}\n`;
        const hits = await secretlintHits(text);
        assert.deepEqual(
            hits.map((h) => [h.ruleId, h.text, h.start]).sort(),
            [
                ["@secretlint/secretlint-rule-github", github, 2],
                ["gitleaks:gitlab-ptt", trigger, text.indexOf(trigger)],
            ].sort(),
        );
    });

    it("runs one pattern rule per own format and finds nothing in an empty or plain text", async () => {
        assert.equal(new Set(OWN_TOKEN_FORMATS.map((f) => f.anchor)).size, OWN_TOKEN_FORMATS.length);
        assert.deepEqual(await secretlintHits(""), []);
        assert.deepEqual(await secretlintHits("LOG_LEVEL=debug\nHANDLER=index.handler\n"), []);
    });
});
