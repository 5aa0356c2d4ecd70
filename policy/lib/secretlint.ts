/**
 * secretlint, run inside the pack: its recommended preset (the token formats secretlint's
 * maintainers keep: AWS, GitHub, GitLab, Slack, SendGrid, Docker, OpenAI, private keys, ...) plus
 * one instance of its pattern rule per format of ./tokenFormats, the formats the preset lacks.
 *
 * secretlint 10+ is published as ES modules only, and the Pulumi CLI loads the pack as CommonJS
 * through ts-node. A dynamic `import()` (TypeScript keeps it as is under `module: node16`) loads
 * an ES module from CommonJS on every Node version, without relying on `require(esm)`, which is
 * unflagged only from Node 20.19 and 22.12. So the engine is loaded once, lazily, and scanning is
 * async: CrossGuard awaits a `validateResource` that returns a promise.
 */
import { OWN_TOKEN_FORMATS } from "./tokenFormats";

/** One match, by rule id: "@secretlint/secretlint-rule-github", or an own format's anchor ("gitleaks:gitlab-ptt"). */
export interface SecretlintHit {
    ruleId: string;
    /** The matched text: callers mask it before printing anything. */
    text: string;
    start: number;
}

type LintSource = typeof import("@secretlint/core", { with: { "resolution-mode": "import" } }).lintSource;
type Config = Parameters<LintSource>[0]["options"]["config"];

interface Engine {
    lintSource: LintSource;
    config: Config;
}

let engine: Promise<Engine> | undefined;

async function loadEngine(): Promise<Engine> {
    const [core, preset, pattern] = await Promise.all([
        import("@secretlint/core"),
        import("@secretlint/secretlint-rule-preset-recommend"),
        import("@secretlint/secretlint-rule-pattern"),
    ]);
    const own = OWN_TOKEN_FORMATS.map((format) => ({
        id: format.anchor,
        rule: pattern.creator,
        // The pattern rule takes RegExp-like strings ("/source/flags").
        options: { patterns: [{ name: format.anchor, patterns: [String(format.pattern)] }] },
    }));
    return {
        lintSource: core.lintSource,
        config: { rules: [{ id: "@secretlint/secretlint-rule-preset-recommend", rule: preset.creator }, ...own] },
    };
}

/** Every match of the preset and of the own formats in `text`, in no particular order. */
export async function secretlintHits(text: string): Promise<SecretlintHit[]> {
    if (text.length === 0) {
        return [];
    }
    engine ??= loadEngine();
    const { lintSource, config } = await engine;
    const result = await lintSource({
        source: { content: text, filePath: "value.txt", contentType: "text" },
        options: { config, noPhysicFilePath: true },
    });
    return result.messages.map((m) => ({ ruleId: m.ruleId, text: text.slice(m.range[0], m.range[1]), start: m.range[0] }));
}

/** The rule ids of the recommended preset, as installed (its comment filter left out: it finds nothing). */
export async function presetRuleIds(): Promise<string[]> {
    const preset = await import("@secretlint/secretlint-rule-preset-recommend");
    return preset.creator.rules.map((rule) => rule.meta.id).filter((id) => id !== "@secretlint/secretlint-rule-filter-comments");
}
