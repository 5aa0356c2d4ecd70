/**
 * Credential formats recognised by their shape, whatever the variable holding them is called.
 *
 * Data, not code: one row a format, each named by the gitleaks rule id it follows
 * (https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml at b58d3f1, 2026-07; every id
 * below was checked to exist there). Only
 * high-signal formats are listed: a fixed prefix the vendor chose so that scanners can find its
 * tokens. Where gitleaks' own rule is loose (a short prefix, or a shape that also fits ordinary
 * identifiers), the row adds the guard gitleaks uses: a keyword that must appear near the match,
 * a minimum Shannon entropy of the random part, or (for JWTs) a header that decodes to JSON with
 * an `alg`. Gitleaks' keyword-only rules ("generic-api-key" and the like) are covered instead by
 * the scanner's password-like names.
 *
 * Patterns must not match the minified dependencies the Lambda bundles carry (mysql2, zod,
 * powertools, the AWS SDK): test/tools/plan/policy.test.ts scans the real bundles.
 */

export interface TokenFormat {
    /** The gitleaks rule id. */
    id: string;
    /** What the token is, for messages: "a GitHub personal access token". */
    label: string;
    /** Global regex; group 1, when present, is the part the entropy guard measures. */
    pattern: RegExp;
    /** At least one of these (case-insensitive) must appear within 80 characters of the match. */
    keywords?: readonly string[];
    /** Minimum Shannon entropy (bits per character) of the token or its group 1. */
    minEntropy?: number;
    /** Extra check on the whole match. */
    verify?: (match: string) => boolean;
}

/** `ey...` header of a JWT must decode to a JSON object with an `alg`. */
function isJwtHeader(token: string): boolean {
    try {
        const header = JSON.parse(Buffer.from(token.split(".")[0]!, "base64url").toString("utf8")) as unknown;
        return typeof header === "object" && header !== null && "alg" in header;
    } catch {
        return false;
    }
}

const b = (source: string, flags = "g") => new RegExp(`(?<![A-Za-z0-9_-])${source}(?![A-Za-z0-9_])`, flags);

export const TOKEN_FORMATS: readonly TokenFormat[] = [
    { id: "github-pat", label: "a GitHub personal access token (classic)", pattern: b("ghp_([0-9a-zA-Z]{36})"), minEntropy: 3 },
    { id: "github-fine-grained-pat", label: "a GitHub fine-grained personal access token", pattern: b("github_pat_(\\w{82})"), minEntropy: 3 },
    { id: "github-oauth", label: "a GitHub OAuth access token", pattern: b("gho_([0-9a-zA-Z]{36})"), minEntropy: 3 },
    { id: "github-app-token", label: "a GitHub App token", pattern: b("(?:ghu|ghs)_([0-9a-zA-Z]{36})"), minEntropy: 3 },
    { id: "github-refresh-token", label: "a GitHub refresh token", pattern: b("ghr_([0-9a-zA-Z]{36})"), minEntropy: 3 },
    { id: "gitlab-pat", label: "a GitLab personal access token", pattern: b("glpat-([\\w-]{20})"), minEntropy: 3 },
    { id: "gitlab-runner-authentication-token", label: "a GitLab runner token", pattern: b("glrt-([\\w-]{20})"), minEntropy: 3 },
    { id: "gitlab-deploy-token", label: "a GitLab deploy token", pattern: b("gldt-([\\w-]{20})"), minEntropy: 3 },
    { id: "slack-bot-token", label: "a Slack bot token", pattern: b("xoxb-[0-9]{10,13}-[0-9]{10,13}-?([a-zA-Z0-9-]*)"), minEntropy: 3 },
    { id: "slack-user-token", label: "a Slack user token", pattern: b("xox[pe](?:-[0-9]{10,13}){3}-([a-zA-Z0-9-]{28,34})"), minEntropy: 3 },
    { id: "slack-app-token", label: "a Slack app-level token", pattern: b("xapp-\\d-[A-Z0-9]+-\\d+-([a-z0-9]+)", "gi"), minEntropy: 3 },
    { id: "slack-webhook-url", label: "a Slack webhook URL", pattern: /(?:https?:\/\/)?hooks\.slack\.com\/(?:services|workflows|triggers)\/([A-Za-z0-9+/]{43,56})/g, minEntropy: 3 },
    // Test-mode keys reach no real money; gitleaks flags them too, the pack only live/prod ones.
    { id: "stripe-access-token", label: "a Stripe live secret key", pattern: b("(?:sk|rk)_(?:live|prod)_([a-zA-Z0-9]{10,99})"), minEntropy: 3 },
    {
        id: "jwt",
        label: "a JSON Web Token",
        pattern: b("ey[a-zA-Z0-9]{17,}\\.ey[a-zA-Z0-9/\\\\_-]{17,}\\.(?:[a-zA-Z0-9/\\\\_-]{10,}={0,2})?"),
        verify: isJwtHeader,
    },
    { id: "gcp-api-key", label: "a Google API key", pattern: b("AIza([\\w-]{35})"), minEntropy: 3 },
    { id: "npm-access-token", label: "an npm access token", pattern: b("npm_([a-z0-9]{36})", "gi"), minEntropy: 3 },
    { id: "pypi-upload-token", label: "a PyPI upload token", pattern: b("pypi-AgEIcHlwaS5vcmc([\\w-]{50,1000})"), minEntropy: 3 },
    { id: "pulumi-api-token", label: "a Pulumi access token", pattern: b("pul-([a-f0-9]{40})"), minEntropy: 3 },
    { id: "openai-api-key", label: "an OpenAI API key", pattern: b("sk-(?:proj-|svcacct-|admin-)?([A-Za-z0-9_-]{20,74})T3BlbkFJ[A-Za-z0-9_-]{20,74}"), minEntropy: 3 },
    { id: "anthropic-api-key", label: "an Anthropic API key", pattern: b("sk-ant-(?:api03|admin01)-([a-zA-Z0-9_-]{93})AA"), minEntropy: 3 },
    { id: "sendgrid-api-token", label: "a SendGrid API key", pattern: b("SG\\.([a-z0-9=_.-]{66})", "gi"), minEntropy: 3 },
    { id: "shopify-access-token", label: "a Shopify access token", pattern: b("shp(?:at|ca|pa|ss)_([a-fA-F0-9]{32})"), minEntropy: 3 },
    { id: "digitalocean-pat", label: "a DigitalOcean personal access token", pattern: b("do[por]_v1_([a-f0-9]{64})"), minEntropy: 3 },
    { id: "doppler-api-token", label: "a Doppler API token", pattern: b("dp\\.pt\\.([a-z0-9]{43})", "gi"), minEntropy: 3 },
    { id: "hashicorp-tf-api-token", label: "a Terraform Cloud API token", pattern: b("[a-z0-9]{14}\\.atlasv1\\.([a-z0-9=_-]{60,70})", "gi"), minEntropy: 3 },
    { id: "vault-service-token", label: "a HashiCorp Vault token", pattern: b("hv[sb]\\.([\\w-]{90,120})"), minEntropy: 3 },
    { id: "linear-api-key", label: "a Linear API key", pattern: b("lin_api_([a-z0-9]{40})", "gi"), minEntropy: 3 },
    { id: "postman-api-token", label: "a Postman API key", pattern: b("PMAK-([a-f0-9]{24}-[a-f0-9]{34})", "gi"), minEntropy: 3 },
    { id: "databricks-api-token", label: "a Databricks token", pattern: b("dapi([a-f0-9]{32})(?:-\\d)?"), minEntropy: 3 },
    { id: "age-secret-key", label: "an age secret key", pattern: b("AGE-SECRET-KEY-1([QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})") },
    { id: "grafana-service-account-token", label: "a Grafana service account token", pattern: b("glsa_([A-Za-z0-9]{32})_[A-Fa-f0-9]{8}"), minEntropy: 3 },
    { id: "new-relic-user-api-key", label: "a New Relic user API key", pattern: b("NRAK-([a-z0-9]{27})", "gi"), minEntropy: 3 },
    { id: "sentry-user-token", label: "a Sentry user token", pattern: b("sntryu_([a-f0-9]{64})"), minEntropy: 3 },
    { id: "dynatrace-api-token", label: "a Dynatrace API token", pattern: b("dt0c01\\.[a-z0-9]{24}\\.([a-z0-9]{64})", "gi"), minEntropy: 3 },
    { id: "square-access-token", label: "a Square access token", pattern: b("(?:EAAA|sq0atp-)([\\w-]{22,60})"), minEntropy: 3.5 },
    { id: "flyio-access-token", label: "a Fly.io access token", pattern: b("fo1_([\\w-]{43})"), minEntropy: 3 },
    { id: "planetscale-api-token", label: "a PlanetScale token", pattern: b("pscale_(?:tkn|pw|oauth)_([\\w=.-]{32,64})"), minEntropy: 3 },
    { id: "rubygems-api-token", label: "a RubyGems API key", pattern: b("rubygems_([a-f0-9]{48})"), minEntropy: 3 },
    { id: "sendinblue-api-token", label: "a Brevo (Sendinblue) API key", pattern: b("xkeysib-([a-f0-9]{64}-[a-z0-9]{16})", "gi"), minEntropy: 3 },
    { id: "huggingface-access-token", label: "a Hugging Face token", pattern: b("hf_([a-zA-Z]{34})"), minEntropy: 3.5 },
    // Loose shapes: an "SK" + 32 hex or a bot id + 35 characters is only a credential next to its vendor's name.
    // Gitleaks guards Telegram with the keyword "telegr"; for Twilio it has only entropy, and the keyword
    // is this pack's addition (32 hex digits after "SK" turn up in minified code and hashes).
    { id: "twilio-api-key", label: "a Twilio API key", pattern: b("SK([0-9a-fA-F]{32})"), keywords: ["twilio"], minEntropy: 3 },
    { id: "telegram-bot-api-token", label: "a Telegram bot token", pattern: b("[0-9]{5,16}:(A[a-zA-Z0-9_-]{34})"), keywords: ["telegr"], minEntropy: 3 },
];

/** Shannon entropy in bits per character. */
export function shannonEntropy(text: string): number {
    if (text.length === 0) {
        return 0;
    }
    const counts = new Map<string, number>();
    for (const c of text) {
        counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    let entropy = 0;
    for (const n of counts.values()) {
        const p = n / text.length;
        entropy -= p * Math.log2(p);
    }
    return entropy;
}

export interface TokenMatch {
    format: TokenFormat;
    /** Safe to print: the first four characters and the length, never the secret part. */
    masked: string;
}

/** The token formats found in `text`, at most one match per format. */
export function findTokens(text: string): TokenMatch[] {
    const found: TokenMatch[] = [];
    for (const format of TOKEN_FORMATS) {
        for (const match of text.matchAll(format.pattern)) {
            const token = match[0];
            const measured = match[1] ?? token;
            if (format.minEntropy !== undefined && shannonEntropy(measured) < format.minEntropy) {
                continue;
            }
            if (format.verify && !format.verify(token)) {
                continue;
            }
            if (format.keywords) {
                const at = match.index ?? 0;
                const around = text.slice(Math.max(0, at - 80), at + token.length + 80).toLowerCase();
                if (!format.keywords.some((k) => around.includes(k))) {
                    continue;
                }
            }
            found.push({ format, masked: maskToken(token) });
            break;
        }
    }
    return found;
}

/** `ghp_…(40 chars)`: enough to find the value, nothing of its secret part. */
export function maskToken(token: string): string {
    return `${token.slice(0, 4)}…(${token.length} chars)`;
}
