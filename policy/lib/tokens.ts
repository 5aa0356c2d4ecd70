/**
 * Token formats found in a text: secretlint's preset and the own formats of ./tokenFormats, run
 * by one secretlint engine (./secretlint), with the own formats' guards applied and documented
 * example values dropped (./examples).
 */
import type { Finding } from "./findings";
import { isDocumentedExample } from "./examples";
import { secretlintHits } from "./secretlint";
import { maskToken, OWN_FORMAT_BY_ANCHOR, passesGuards, PRESET_RULES } from "./tokenFormats";

/** Findings for the token formats in `text`, at most one per rule. */
export async function findTokenFindings(text: string): Promise<Finding[]> {
    const findings = new Map<string, Finding>();
    for (const hit of await secretlintHits(text)) {
        // A rule's range may stop short of the value (secretlint's AWS rule measures 40 characters
        // from the key's name): the example check reads on to the end of the word.
        const word = hit.text + (text.slice(hit.start + hit.text.length).match(/^[^\s'",;]*/)?.[0] ?? "");
        if (findings.has(hit.ruleId) || isDocumentedExample(word)) {
            continue;
        }
        const own = OWN_FORMAT_BY_ANCHOR.get(hit.ruleId);
        if (own) {
            if (passesGuards(own, hit.text, hit.start, text)) {
                findings.set(hit.ruleId, { kind: "token-format", message: `contains ${own.label} ${maskToken(hit.text)} (${own.anchor.replace(":", ": ")})`, anchor: own.anchor });
            }
            continue;
        }
        const preset = PRESET_RULES[hit.ruleId] ?? { kind: "token-format" as const, label: "a credential" };
        findings.set(hit.ruleId, {
            kind: preset.kind,
            message: `contains ${preset.label} ${maskToken(hit.text)} (secretlint: ${hit.ruleId.replace("@secretlint/secretlint-rule-", "")})`,
            anchor: hit.ruleId,
        });
    }
    return [...findings.values()];
}
