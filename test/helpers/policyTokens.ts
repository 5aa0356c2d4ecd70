/**
 * Credential-shaped values for the scanner's tests, made at run time from random bytes: the
 * repository holds no token literal, not even a fake one (a committed one would be flagged by
 * every secret scanner, ours included). One generator per format: the own formats of
 * policy/lib/tokenFormats.ts (by anchor) and the preset formats the classes need, each
 * with the rule expected to find it (`TOKEN_ANCHOR`).
 */
import { randomBytes, randomInt } from "node:crypto";

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
const HEX = "0123456789abcdef";
const BECH32 = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L";

/** `n` random characters of `alphabet`. */
export function randomChars(alphabet: string, n: number): string {
    return Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join("");
}
const digits = (n: number) => `${randomInt(1, 10)}${randomChars("0123456789", n - 1)}`;
const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");

/** Prefixes split so that no line of this file looks like a token either. */
const p = (...parts: string[]) => parts.join("");

const uuid = () => [8, 4, 4, 4, 12].map((n) => randomChars(HEX, n)).join("-");
const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const preset = (rule: string) => `@secretlint/secretlint-rule-${rule}`;

interface TokenSpec {
    /** The rule that must find it: a secretlint preset rule id or an own format's anchor. */
    anchor: string;
    /** The class of issue 20 it belongs to, for the per-class tests. */
    family: "communication" | "access-token" | "registry" | "platform";
    make: () => string;
}

export const TOKENS: Record<string, TokenSpec> = {
    // Personal access tokens and CI tokens.
    "github-pat": { anchor: preset("github"), family: "access-token", make: () => p("gh", "p_") + randomChars(ALNUM, 36) },
    "github-fine-grained-pat": { anchor: preset("github"), family: "access-token", make: () => p("github", "_pat_") + randomChars(ALNUM, 22) + "_" + randomChars(ALNUM, 59) },
    "github-oauth": { anchor: preset("github"), family: "access-token", make: () => p("gh", "o_") + randomChars(ALNUM, 36) },
    "github-app-token": { anchor: preset("github"), family: "access-token", make: () => p("gh", "s_") + randomChars(ALNUM, 36) },
    "gitlab-pat": { anchor: preset("gitlab"), family: "access-token", make: () => p("gl", "pat-") + randomChars(ALNUM, 20) },
    "gitlab-ptt": { anchor: "gitleaks:gitlab-ptt", family: "access-token", make: () => p("gl", "ptt-") + randomChars(HEX, 40) },
    "gitlab-rrt": { anchor: "gitleaks:gitlab-rrt", family: "access-token", make: () => p("GR13", "48941") + randomChars(ALNUM, 20) },
    "gitlab-runner-authentication-token": { anchor: "gitleaks:gitlab-runner-authentication-token", family: "access-token", make: () => p("gl", "rt-") + randomChars(ALNUM, 20) },
    "gitlab-runner-authentication-token-routable": {
        anchor: "gitleaks:gitlab-runner-authentication-token-routable",
        family: "access-token",
        make: () => p("gl", "rt-t1_") + randomChars(ALNUM, 40) + "." + randomChars(LOWER_ALNUM, 9),
    },
    "circleci-pat": { anchor: "trufflehog:CircleCI", family: "access-token", make: () => p("CCI", "PAT_") + randomChars(ALNUM, 22) + "_" + randomChars(HEX, 40) },
    "buildkite-token": { anchor: "trufflehog:Buildkite", family: "access-token", make: () => p("bk", "ua_") + randomChars(LOWER_ALNUM, 40) },
    "harness-api-key": { anchor: "gitleaks:harness-api-key", family: "access-token", make: () => p("pa", "t.") + randomChars(ALNUM, 22) + "." + randomChars(ALNUM, 24) + "." + randomChars(ALNUM, 20) },
    "octopus-deploy-api-key": { anchor: "gitleaks:octopus-deploy-api-key", family: "access-token", make: () => p("AP", "I-") + randomChars(UPPER_ALNUM, 26) },
    "gitlab-deploy-token": { anchor: "gitleaks:gitlab-deploy-token", family: "access-token", make: () => p("gl", "dt-") + randomChars(ALNUM, 20) },
    "gitlab-cicd-job-token": { anchor: "gitleaks:gitlab-cicd-job-token", family: "access-token", make: () => p("gl", "cbt-") + randomChars(ALNUM, 2) + "_" + randomChars(ALNUM, 20) },
    "gitlab-feed-token": { anchor: "gitleaks:gitlab-feed-token", family: "access-token", make: () => p("gl", "ft-") + randomChars(ALNUM, 20) },
    "gitlab-incoming-mail-token": { anchor: "gitleaks:gitlab-incoming-mail-token", family: "access-token", make: () => p("gl", "imt-") + randomChars(ALNUM, 25) },
    "gitlab-kubernetes-agent-token": { anchor: "gitleaks:gitlab-kubernetes-agent-token", family: "access-token", make: () => p("gl", "agent-") + randomChars(ALNUM, 50) },
    "gitlab-oauth-app-secret": { anchor: "gitleaks:gitlab-oauth-app-secret", family: "access-token", make: () => p("gl", "oas-") + randomChars(ALNUM, 64) },
    "gitlab-scim-token": { anchor: "gitleaks:gitlab-scim-token", family: "access-token", make: () => p("gl", "soat-") + randomChars(ALNUM, 20) },
    "gitlab-feature-flag-client-token": { anchor: "gitleaks:gitlab-feature-flag-client-token", family: "access-token", make: () => p("gl", "ffct-") + randomChars(ALNUM, 20) },
    "npm-access-token": { anchor: preset("npm"), family: "access-token", make: () => p("np", "m_") + randomChars(ALNUM, 36) },
    "pypi-upload-token": { anchor: "gitleaks:pypi-upload-token", family: "access-token", make: () => p("pypi-", "AgEIcHlwaS5vcmc") + randomChars(ALNUM, 60) },
    "rubygems-api-token": { anchor: "gitleaks:rubygems-api-token", family: "access-token", make: () => p("ruby", "gems_") + randomChars(HEX, 48) },
    "atlassian-api-token": { anchor: "gitleaks:atlassian-api-token", family: "access-token", make: () => p("ATA", "TT3") + randomChars(ALNUM, 186) },
    // Container registries and artifact stores.
    "docker-pat": { anchor: preset("docker"), family: "registry", make: () => p("dckr", "_pat_") + randomChars(ALNUM, 27) },
    "docker-oat": { anchor: "trufflehog:DockerHub", family: "registry", make: () => p("dckr", "_oat_") + randomChars(ALNUM, 32) },
    "artifactory-api-key": { anchor: "gitleaks:artifactory-api-key", family: "registry", make: () => p("AK", "Cp") + randomChars(ALNUM, 69) },
    "artifactory-reference-token": { anchor: "gitleaks:artifactory-reference-token", family: "registry", make: () => p("cmV", "md") + randomChars(ALNUM, 59) },
    "azure-container-registry-password": { anchor: "trufflehog:AzureContainerRegistry", family: "registry", make: () => randomChars(ALNUM, 42) + p("+A", "CR") + randomChars(ALNUM, 6) },
    "openshift-user-token": { anchor: "gitleaks:openshift-user-token", family: "registry", make: () => p("sha", "256~") + randomChars(ALNUM + "_-", 43) },
    // Communication, e-mail and marketing services.
    "discord-webhook": {
        anchor: "trufflehog:DiscordWebhook",
        family: "communication",
        make: () => p("https://discord.com/api/", "webhooks/") + digits(18) + "/" + randomChars(ALNUM, 68),
    },
    "slack-bot-token": { anchor: preset("slack"), family: "communication", make: () => p("xo", "xb-") + digits(12) + "-" + digits(13) + "-" + randomChars(ALNUM, 24) },
    "slack-user-token": { anchor: preset("slack"), family: "communication", make: () => p("xo", "xp-") + digits(12) + "-" + digits(12) + "-" + digits(13) + "-" + randomChars(HEX, 32) },
    "slack-webhook-url": { anchor: preset("slack"), family: "communication", make: () => p("https://hooks.", "slack.com/services/") + "T" + randomChars(UPPER_ALNUM, 10) + "/B" + randomChars(UPPER_ALNUM, 10) + "/" + randomChars(ALNUM, 24) },
    "sendgrid-api-token": { anchor: preset("sendgrid"), family: "communication", make: () => p("S", "G.") + randomChars(ALNUM, 22) + "." + randomChars(ALNUM, 43) },
    "mailchimp-api-key": { anchor: "trufflehog:Mailchimp", family: "communication", make: () => randomChars(HEX, 32) + p("-u", "s") + digits(2) },
    "mailgun-private-api-token": { anchor: "gitleaks:mailgun-private-api-token", family: "communication", make: () => p("ke", "y-") + randomChars(HEX, 32) },
    "sendinblue-api-token": { anchor: "gitleaks:sendinblue-api-token", family: "communication", make: () => p("xkey", "sib-") + randomChars(HEX, 64) + "-" + randomChars(ALNUM, 16) },
    "microsoft-teams-webhook": {
        anchor: "gitleaks:microsoft-teams-webhook",
        family: "communication",
        make: () => `https://${randomChars(LOWER_ALNUM, 8)}${p(".webhook.", "office.com/webhookb2/")}${uuid()}@${uuid()}/IncomingWebhook/${randomChars(HEX, 32)}/${uuid()}`,
    },
    "twilio-api-key": { anchor: "gitleaks:twilio-api-key", family: "communication", make: () => "SK" + randomChars(HEX, 32) },
    "telegram-bot-api-token": { anchor: "gitleaks:telegram-bot-api-token", family: "communication", make: () => digits(10) + ":A" + randomChars(ALNUM, 34) },
    // Developer platforms and cloud services.
    "stripe-access-token": { anchor: preset("stripe"), family: "platform", make: () => p("sk", "_live_") + randomChars(ALNUM, 24) },
    jwt: { anchor: "gitleaks:jwt", family: "platform", make: () => `${b64url({ alg: "HS256", typ: "JWT" })}.${b64url({ sub: randomChars(ALNUM, 12), iat: 1700000000, name: "someone" })}.${randomBytes(32).toString("base64url")}` },
    "bedrock-api-key": { anchor: "gitleaks:aws-amazon-bedrock-api-key-long-lived", family: "platform", make: () => p("AB", "SK") + randomChars(ALNUM, 130) },
    "entra-client-secret": { anchor: "gitleaks:azure-ad-client-secret", family: "platform", make: () => randomChars(ALNUM, 3) + digits(1) + p("Q", "~") + randomChars(ALNUM, 34) },
    "gcp-api-key": { anchor: "gitleaks:gcp-api-key", family: "platform", make: () => p("AI", "za") + randomChars(ALNUM + "-_", 35) },
    "pulumi-api-token": { anchor: "gitleaks:pulumi-api-token", family: "platform", make: () => p("pu", "l-") + randomChars(HEX, 40) },
    "openai-api-key": { anchor: preset("openai"), family: "platform", make: () => p("sk", "-proj-") + randomChars(ALNUM, 58) + p("T3Blbk", "FJ") + randomChars(ALNUM, 58) },
    "heroku-api-key-v2": { anchor: "gitleaks:heroku-api-key-v2", family: "platform", make: () => p("HRKU", "-AA") + randomChars(ALNUM, 58) },
    "digitalocean-pat": { anchor: "gitleaks:digitalocean-pat", family: "platform", make: () => p("do", "p_v1_") + randomChars(HEX, 64) },
    "doppler-api-token": { anchor: "gitleaks:doppler-api-token", family: "platform", make: () => p("dp.", "pt.") + randomChars(ALNUM, 43) },
    "hashicorp-tf-api-token": { anchor: "gitleaks:hashicorp-tf-api-token", family: "platform", make: () => randomChars(LOWER_ALNUM, 14) + p(".atlas", "v1.") + randomChars(ALNUM, 67) },
    "postman-api-token": { anchor: "gitleaks:postman-api-token", family: "platform", make: () => p("PM", "AK-") + randomChars(HEX, 24) + "-" + randomChars(HEX, 34) },
    "age-secret-key": { anchor: "gitleaks:age-secret-key", family: "platform", make: () => p("AGE-SECRET", "-KEY-1") + randomChars(BECH32, 58) },
    "new-relic-user-api-key": { anchor: "gitleaks:new-relic-user-api-key", family: "platform", make: () => p("NR", "AK-") + randomChars(UPPER_ALNUM, 27) },
    "sentry-user-token": { anchor: "gitleaks:sentry-user-token", family: "platform", make: () => p("sntr", "yu_") + randomChars(HEX, 64) },
    "dynatrace-api-token": { anchor: "gitleaks:dynatrace-api-token", family: "platform", make: () => p("dt0", "c01.") + randomChars(UPPER_ALNUM, 24) + "." + randomChars(UPPER_ALNUM, 64) },
    "square-access-token": { anchor: "gitleaks:square-access-token", family: "platform", make: () => p("EA", "AA") + randomChars(ALNUM + "-_", 60) },
    "flyio-access-token": { anchor: "gitleaks:flyio-access-token", family: "platform", make: () => p("fo", "1_") + randomChars(ALNUM, 43) },
    "planetscale-api-token": { anchor: "gitleaks:planetscale-api-token", family: "platform", make: () => p("pscale", "_tkn_") + randomChars(ALNUM, 43) },
};

/** Generators by name, for rule tests that need one token of a kind. */
export const TOKEN_GENERATORS: Record<string, () => string> = Object.fromEntries(Object.entries(TOKENS).map(([name, spec]) => [name, spec.make]));

/** The formats whose regex alone is too loose: they count only next to one of these words. */
export const TOKEN_KEYWORD: Record<string, string> = {
    "twilio-api-key": "twilio",
    "telegram-bot-api-token": "telegram",
    "mailgun-private-api-token": "mailgun",
};
