/**
 * Credential formats recognised by their shape, whatever the variable holding them is called.
 *
 * secretlint's recommended preset decides first (./secretlint): `PRESET_RULES` below only names
 * its rules for messages. `OWN_TOKEN_FORMATS` are the formats that preset lacks, each taken from
 * a maintained scanner and named by its rule id there:
 * - gitleaks, https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml at b58d3f1 (2026-07-22);
 * - trufflehog, https://github.com/trufflesecurity/trufflehog/tree/main/pkg/detectors at 3ab759f (2026-08-21).
 * They run as instances of secretlint's pattern rule, so one engine reports every format. A row
 * leaves this list when the preset learns its format (test/policy/lib/tokenFormats.test.ts fails
 * when the preset already finds a row's tokens).
 *
 * Only high-signal formats are listed: a fixed prefix the vendor chose so that scanners can find
 * its tokens. Where the source's own rule is loose (a short prefix, or a shape that also fits
 * ordinary identifiers), the row adds the guard that source uses: a keyword near the match, a
 * minimum Shannon entropy of the random part, or (for JWTs) a header that decodes to JSON with an
 * `alg`. Keyword-only rules ("generic-api-key") are covered by the scanner's password-like names.
 *
 * Patterns must not match the minified dependencies the Lambda bundles carry (mysql2, zod,
 * powertools, the AWS SDK): test/tools/plan/policy.test.ts scans the real bundles.
 */
import type { FindingKind } from "./findings";

export interface TokenFormat {
    /** Where the format comes from: "gitleaks:gitlab-ptt", "trufflehog:DockerHub". Also the secretlint rule id it runs as. */
    anchor: string;
    /** What the token is, for messages: "a GitLab pipeline trigger token". */
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
const gl = (id: string) => `gitleaks:${id}`;

export const OWN_TOKEN_FORMATS: readonly TokenFormat[] = [
    // GitLab: the preset knows personal access tokens (glpat-) only.
    { anchor: gl("gitlab-ptt"), label: "a GitLab pipeline trigger token", pattern: b("glptt-([0-9a-f]{40})"), minEntropy: 3 },
    { anchor: gl("gitlab-rrt"), label: "a GitLab runner registration token", pattern: b("GR1348941([\\w-]{20})"), minEntropy: 3 },
    { anchor: gl("gitlab-runner-authentication-token"), label: "a GitLab runner token", pattern: b("glrt-([\\w-]{20})"), minEntropy: 3 },
    {
        anchor: gl("gitlab-runner-authentication-token-routable"),
        label: "a GitLab runner token",
        pattern: b("glrt-t\\d_([\\w-]{27,300})\\.[0-9a-z]{9}"),
        minEntropy: 4,
    },
    { anchor: gl("gitlab-deploy-token"), label: "a GitLab deploy token", pattern: b("gldt-([\\w-]{20})"), minEntropy: 3 },
    { anchor: gl("gitlab-cicd-job-token"), label: "a GitLab CI/CD job token", pattern: b("glcbt-[0-9a-zA-Z]{1,5}_([\\w-]{20})"), minEntropy: 3 },
    { anchor: gl("gitlab-feed-token"), label: "a GitLab feed token", pattern: b("glft-([\\w-]{20})"), minEntropy: 3 },
    { anchor: gl("gitlab-incoming-mail-token"), label: "a GitLab incoming mail token", pattern: b("glimt-([\\w-]{25})"), minEntropy: 3 },
    { anchor: gl("gitlab-kubernetes-agent-token"), label: "a GitLab Kubernetes agent token", pattern: b("glagent-([\\w-]{50})"), minEntropy: 3 },
    { anchor: gl("gitlab-oauth-app-secret"), label: "a GitLab OAuth application secret", pattern: b("gloas-([\\w-]{64})"), minEntropy: 3 },
    { anchor: gl("gitlab-scim-token"), label: "a GitLab SCIM token", pattern: b("glsoat-([\\w-]{20})"), minEntropy: 3 },
    { anchor: gl("gitlab-feature-flag-client-token"), label: "a GitLab feature flag client token", pattern: b("glffct-([\\w-]{20})"), minEntropy: 3 },
    // Other CI/CD services.
    { anchor: "trufflehog:CircleCI", label: "a CircleCI personal API token", pattern: b("CCIPAT_[a-zA-Z0-9]{22}_([a-fA-F0-9]{40})"), minEntropy: 3 },
    { anchor: "trufflehog:Buildkite", label: "a Buildkite API access token", pattern: b("bkua_([a-z0-9]{40})"), minEntropy: 3 },
    { anchor: gl("harness-api-key"), label: "a Harness API key", pattern: b("(?:pat|sat)\\.[\\w-]{22}\\.([a-zA-Z0-9]{24})\\.[a-zA-Z0-9]{20}"), minEntropy: 3 },
    { anchor: gl("octopus-deploy-api-key"), label: "an Octopus Deploy API key", pattern: b("API-([A-Z0-9]{26})"), minEntropy: 3 },
    // Container registries and artifact stores: the preset knows Docker personal tokens (dckr_pat_) only.
    { anchor: "trufflehog:DockerHub", label: "a Docker Hub organization access token", pattern: b("dckr_oat_([\\w-]{32})"), minEntropy: 3 },
    { anchor: gl("artifactory-api-key"), label: "a JFrog Artifactory API key", pattern: b("AKCp([A-Za-z0-9]{69})"), minEntropy: 4.5 },
    { anchor: gl("artifactory-reference-token"), label: "a JFrog Artifactory reference token", pattern: b("cmVmd([A-Za-z0-9]{59})"), minEntropy: 4.5 },
    {
        anchor: "trufflehog:AzureContainerRegistry",
        label: "an Azure Container Registry password",
        pattern: /(?<![A-Za-z0-9+/])([a-zA-Z0-9+/]{42})\+ACR[a-zA-Z0-9]{6}(?![A-Za-z0-9+/])/g,
        minEntropy: 3,
    },
    { anchor: gl("openshift-user-token"), label: "an OpenShift user token", pattern: /(?<![\w-])sha256~([\w-]{43})(?![\w-])/g, minEntropy: 3.5 },
    // Communication, e-mail and marketing services: the preset knows Slack and SendGrid.
    {
        anchor: "trufflehog:DiscordWebhook",
        label: "a Discord webhook URL",
        pattern: /https:\/\/discord(?:app)?\.com\/api\/webhooks\/[0-9]{18,19}\/([0-9a-zA-Z_-]{68})/g,
        minEntropy: 3,
    },
    { anchor: "trufflehog:Mailchimp", label: "a Mailchimp API key", pattern: b("([0-9a-f]{32})-us[0-9]{1,2}"), minEntropy: 3 },
    { anchor: gl("mailgun-private-api-token"), label: "a Mailgun API key", pattern: b("key-([a-f0-9]{32})"), keywords: ["mailgun"], minEntropy: 3 },
    { anchor: gl("sendinblue-api-token"), label: "a Brevo (Sendinblue) API key", pattern: b("xkeysib-([a-f0-9]{64}-[a-z0-9]{16})", "gi"), minEntropy: 3 },
    {
        anchor: gl("microsoft-teams-webhook"),
        label: "a Microsoft Teams webhook URL",
        pattern: /https:\/\/[a-z0-9]+\.webhook\.office\.com\/webhookb2\/[a-z0-9-]{36}@[a-z0-9-]{36}\/IncomingWebhook\/([a-z0-9]{32})\/[a-z0-9-]{36}/g,
        minEntropy: 3,
    },
    // Loose shapes: "SK" + 32 hex or a bot id + 35 characters is only a credential next to its vendor's name.
    // Gitleaks guards Telegram with the keyword "telegr"; for Twilio it has only entropy, and the keyword
    // is this pack's addition (32 hex digits after "SK" turn up in minified code and hashes).
    { anchor: gl("twilio-api-key"), label: "a Twilio API key", pattern: b("SK([0-9a-fA-F]{32})"), keywords: ["twilio"], minEntropy: 3 },
    { anchor: gl("telegram-bot-api-token"), label: "a Telegram bot token", pattern: b("[0-9]{5,16}:(A[a-zA-Z0-9_-]{34})"), keywords: ["telegr"], minEntropy: 3 },
    // Developer platforms and cloud services the preset does not cover.
    {
        anchor: gl("jwt"),
        label: "a JSON Web Token",
        pattern: b("ey[a-zA-Z0-9]{17,}\\.ey[a-zA-Z0-9/\\\\_-]{17,}\\.(?:[a-zA-Z0-9/\\\\_-]{10,}={0,2})?"),
        verify: isJwtHeader,
    },
    { anchor: gl("aws-amazon-bedrock-api-key-long-lived"), label: "an Amazon Bedrock API key", pattern: b("ABSK([A-Za-z0-9+/]{109,269})={0,2}"), minEntropy: 3 },
    { anchor: gl("azure-ad-client-secret"), label: "a Microsoft Entra ID client secret", pattern: b("([a-zA-Z0-9_~.]{3}\\dQ~[a-zA-Z0-9_~.-]{31,34})"), minEntropy: 3 },
    { anchor: gl("gcp-api-key"), label: "a Google API key", pattern: b("AIza([\\w-]{35})"), minEntropy: 3 },
    { anchor: gl("pypi-upload-token"), label: "a PyPI upload token", pattern: b("pypi-AgEIcHlwaS5vcmc([\\w-]{50,1000})"), minEntropy: 3 },
    { anchor: gl("pulumi-api-token"), label: "a Pulumi access token", pattern: b("pul-([a-f0-9]{40})"), minEntropy: 3 },
    { anchor: gl("rubygems-api-token"), label: "a RubyGems API key", pattern: b("rubygems_([a-f0-9]{48})"), minEntropy: 3 },
    { anchor: gl("atlassian-api-token"), label: "an Atlassian API token", pattern: b("ATATT3([\\w=-]{186})"), minEntropy: 3.5 },
    { anchor: gl("heroku-api-key-v2"), label: "a Heroku API key", pattern: b("HRKU-AA([\\w-]{58})"), minEntropy: 4 },
    { anchor: gl("digitalocean-pat"), label: "a DigitalOcean personal access token", pattern: b("do[por]_v1_([a-f0-9]{64})"), minEntropy: 3 },
    { anchor: gl("doppler-api-token"), label: "a Doppler API token", pattern: b("dp\\.pt\\.([a-z0-9]{43})", "gi"), minEntropy: 3 },
    { anchor: gl("hashicorp-tf-api-token"), label: "a Terraform Cloud API token", pattern: b("[a-z0-9]{14}\\.atlasv1\\.([a-z0-9=_-]{60,70})", "gi"), minEntropy: 3 },
    { anchor: gl("postman-api-token"), label: "a Postman API key", pattern: b("PMAK-([a-f0-9]{24}-[a-f0-9]{34})", "gi"), minEntropy: 3 },
    { anchor: gl("age-secret-key"), label: "an age secret key", pattern: b("AGE-SECRET-KEY-1([QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})") },
    { anchor: gl("new-relic-user-api-key"), label: "a New Relic user API key", pattern: b("NRAK-([a-z0-9]{27})", "gi"), minEntropy: 3 },
    { anchor: gl("sentry-user-token"), label: "a Sentry user token", pattern: b("sntryu_([a-f0-9]{64})"), minEntropy: 3 },
    { anchor: gl("dynatrace-api-token"), label: "a Dynatrace API token", pattern: b("dt0c01\\.[a-z0-9]{24}\\.([a-z0-9]{64})", "gi"), minEntropy: 3 },
    { anchor: gl("square-access-token"), label: "a Square access token", pattern: b("(?:EAAA|sq0atp-)([\\w-]{22,60})"), minEntropy: 3.5 },
    { anchor: gl("flyio-access-token"), label: "a Fly.io access token", pattern: b("fo1_([\\w-]{43})"), minEntropy: 3 },
    { anchor: gl("planetscale-api-token"), label: "a PlanetScale token", pattern: b("pscale_(?:tkn|pw|oauth)_([\\w=.-]{32,64})"), minEntropy: 3 },
];

/**
 * The rules of secretlint's recommended preset, by rule id, as the scanner reports them. Its AWS,
 * private-key and connection-string rules report the kinds the scanner also finds on its own, so
 * a value is reported once whichever finds it.
 */
export const PRESET_RULES: Readonly<Record<string, { kind: FindingKind; label: string }>> = Object.fromEntries(
    Object.entries({
        "1password": "a 1Password service account token",
        anthropic: "an Anthropic API key",
        aws: ["aws-secret-access-key", "an AWS secret access key"],
        basicauth: ["url-credentials", "a URL with a user:password part"],
        cloudflare: "a Cloudflare API token",
        "database-connection-string": ["url-credentials", "a database connection string with a password"],
        databricks: "a Databricks token",
        docker: "a Docker personal access token",
        figma: "a Figma access token",
        gcp: ["private-key", "a Google Cloud service account key"],
        github: "a GitHub token",
        gitlab: "a GitLab personal access token",
        grafana: "a Grafana token",
        groq: "a Groq API key",
        "hashicorp-vault": "a HashiCorp Vault token",
        huggingface: "a Hugging Face token",
        linear: "a Linear API key",
        notion: "a Notion integration token",
        npm: "an npm access token",
        openai: "an OpenAI API key",
        privatekey: ["private-key", "a private key"],
        sendgrid: "a SendGrid API key",
        shopify: "a Shopify access token",
        slack: "a Slack token or webhook URL",
        stripe: "a Stripe secret key",
        tailscale: "a Tailscale key",
        vercel: "a Vercel token",
    }).map(([rule, v]) => {
        const [kind, label] = typeof v === "string" ? (["token-format", v] as const) : (v as [FindingKind, string]);
        return [`@secretlint/secretlint-rule-${rule}`, { kind, label }];
    }),
);

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

/** True when a match of an own format passes that format's guards (`text` is the whole scanned text). */
export function passesGuards(format: TokenFormat, match: string, at: number, text: string): boolean {
    const measured = new RegExp(format.pattern.source, format.pattern.flags.replace("g", "")).exec(match)?.[1] ?? match;
    if (format.minEntropy !== undefined && shannonEntropy(measured) < format.minEntropy) {
        return false;
    }
    if (format.verify && !format.verify(match)) {
        return false;
    }
    if (format.keywords) {
        const around = text.slice(Math.max(0, at - 80), at + match.length + 80).toLowerCase();
        return format.keywords.some((k) => around.includes(k));
    }
    return true;
}

export const OWN_FORMAT_BY_ANCHOR: ReadonlyMap<string, TokenFormat> = new Map(OWN_TOKEN_FORMATS.map((f) => [f.anchor, f]));

/** `ghp_…(40 chars)`: enough to find the value, nothing of its secret part. */
export function maskToken(token: string): string {
    return `${token.slice(0, 4)}…(${token.length} chars)`;
}
