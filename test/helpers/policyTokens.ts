/**
 * Credential-shaped values for the scanner's tests, made at run time from random bytes: the
 * repository holds no token literal, not even a fake one (a committed one would be flagged by
 * every secret scanner, ours included). One generator per gitleaks rule id of
 * policy/lib/tokenFormats.ts.
 */
import { randomBytes, randomInt } from "node:crypto";

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
const HEX = "0123456789abcdef";
const ALPHA = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const BECH32 = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L";

/** `n` random characters of `alphabet`. */
export function randomChars(alphabet: string, n: number): string {
    return Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join("");
}
const digits = (n: number) => `${randomInt(1, 10)}${randomChars("0123456789", n - 1)}`;
const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");

/** Prefixes split so that no line of this file looks like a token either. */
const p = (...parts: string[]) => parts.join("");

export const TOKEN_GENERATORS: Record<string, () => string> = {
    "github-pat": () => p("gh", "p_") + randomChars(ALNUM, 36),
    "github-fine-grained-pat": () => p("github", "_pat_") + randomChars(ALNUM, 22) + "_" + randomChars(ALNUM, 59),
    "github-oauth": () => p("gh", "o_") + randomChars(ALNUM, 36),
    "github-app-token": () => p("gh", "s_") + randomChars(ALNUM, 36),
    "github-refresh-token": () => p("gh", "r_") + randomChars(ALNUM, 36),
    "gitlab-pat": () => p("gl", "pat-") + randomChars(ALNUM, 20),
    "gitlab-runner-authentication-token": () => p("gl", "rt-") + randomChars(ALNUM, 20),
    "gitlab-deploy-token": () => p("gl", "dt-") + randomChars(ALNUM, 20),
    "slack-bot-token": () => p("xo", "xb-") + digits(12) + "-" + digits(13) + "-" + randomChars(ALNUM, 24),
    "slack-user-token": () => p("xo", "xp-") + digits(12) + "-" + digits(12) + "-" + digits(13) + "-" + randomChars(HEX, 32),
    "slack-app-token": () => p("xa", "pp-1-") + "A0" + randomChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 9) + "-" + digits(13) + "-" + randomChars(HEX, 64),
    "slack-webhook-url": () => p("https://hooks.", "slack.com/services/") + "T" + randomChars(ALNUM, 10) + "/B" + randomChars(ALNUM, 10) + "/" + randomChars(ALNUM, 24),
    "stripe-access-token": () => p("sk", "_live_") + randomChars(ALNUM, 24),
    jwt: () => `${b64url({ alg: "HS256", typ: "JWT" })}.${b64url({ sub: randomChars(ALNUM, 12), iat: 1700000000, name: "someone" })}.${randomBytes(32).toString("base64url")}`,
    "gcp-api-key": () => p("AI", "za") + randomChars(ALNUM + "-_", 35),
    "npm-access-token": () => p("np", "m_") + randomChars(ALNUM, 36),
    "pypi-upload-token": () => p("pypi-", "AgEIcHlwaS5vcmc") + randomChars(ALNUM, 60),
    "pulumi-api-token": () => p("pu", "l-") + randomChars(HEX, 40),
    "openai-api-key": () => p("sk", "-proj-") + randomChars(ALNUM, 58) + p("T3Blbk", "FJ") + randomChars(ALNUM, 58),
    "anthropic-api-key": () => p("sk-", "ant-api03-") + randomChars(ALNUM, 93) + "AA",
    "sendgrid-api-token": () => p("S", "G.") + randomChars(ALNUM, 22) + "." + randomChars(ALNUM, 43),
    "shopify-access-token": () => p("shp", "at_") + randomChars(HEX, 32),
    "digitalocean-pat": () => p("do", "p_v1_") + randomChars(HEX, 64),
    "doppler-api-token": () => p("dp.", "pt.") + randomChars(ALNUM, 43),
    "hashicorp-tf-api-token": () => randomChars(LOWER_ALNUM, 14) + p(".atlas", "v1.") + randomChars(ALNUM, 67),
    "vault-service-token": () => p("hv", "s.") + randomChars(ALNUM, 95),
    "linear-api-key": () => p("lin", "_api_") + randomChars(ALNUM, 40),
    "postman-api-token": () => p("PM", "AK-") + randomChars(HEX, 24) + "-" + randomChars(HEX, 34),
    "databricks-api-token": () => p("da", "pi") + randomChars(HEX, 32),
    "age-secret-key": () => p("AGE-SECRET", "-KEY-1") + randomChars(BECH32, 58),
    "grafana-service-account-token": () => p("gl", "sa_") + randomChars(ALNUM, 32) + "_" + randomChars(HEX, 8),
    "new-relic-user-api-key": () => p("NR", "AK-") + randomChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 27),
    "sentry-user-token": () => p("sntr", "yu_") + randomChars(HEX, 64),
    "dynatrace-api-token": () => p("dt0", "c01.") + randomChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 24) + "." + randomChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 64),
    "square-access-token": () => p("EA", "AA") + randomChars(ALNUM + "-_", 60),
    "flyio-access-token": () => p("fo", "1_") + randomChars(ALNUM, 43),
    "planetscale-api-token": () => p("pscale", "_tkn_") + randomChars(ALNUM, 43),
    "rubygems-api-token": () => p("ruby", "gems_") + randomChars(HEX, 48),
    "sendinblue-api-token": () => p("xkey", "sib-") + randomChars(HEX, 64) + "-" + randomChars(ALNUM, 16),
    "huggingface-access-token": () => p("h", "f_") + randomChars(ALPHA, 34),
    "twilio-api-key": () => "SK" + randomChars(HEX, 32),
    "telegram-bot-api-token": () => digits(10) + ":A" + randomChars(ALNUM, 34),
};

/** The formats whose regex alone is too loose: they count only next to one of these words. */
export const TOKEN_KEYWORD: Record<string, string> = {
    "twilio-api-key": "twilio",
    "telegram-bot-api-token": "telegram",
};
