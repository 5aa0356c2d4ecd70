/**
 * What a name or a value says about itself: whether a name holds a secret (`DB_PASSWORD`,
 * `apiKey`, `PGPASSWORD`) or refers to one (`DB_SECRET_ARN`, `SECRET_TTL_SECONDS`), and whether a
 * value is a reference or placeholder (ARNs, `${...}`, `{{...}}`, `$VAR`, `$(command)`, masks,
 * `changeme`) rather than a literal. Used by ./secretScanner for named values and assignments.
 */
import { isPlaceholderValue } from "./examples";
import { isUnknown } from "./unknown";

/** Words that make a name password-like. */
export const SECRET_WORDS = new Set([
    "password", "passwd", "pwd", "pass", "passphrase", "secret", "secrets", "token", "apikey",
    "privatekey", "secretkey", "accesskey", "credential", "credentials", "creds", "clientsecret",
    // A personal access token: GITHUB_PAT, ADO_PAT, GITLAB_PAT (the whole word only: PATH, PATTERN are other words).
    "pat",
]);
/** Two-word forms: api_key, private_key, secret_key, access_key, signing_key, ... */
const SECRET_WORD_PAIRS = new Set(["api key", "private key", "secret key", "access key", "signing key", "encryption key", "master key", "account key"]);
/**
 * Password variables spelled as one word, which the splitter cannot cut: libpq's PGPASSWORD
 * (https://www.postgresql.org/docs/current/libpq-envars.html), sshpass's SSHPASS (`sshpass -e`),
 * redis-cli's REDISCLI_AUTH (https://redis.io/docs/latest/develop/tools/cli/), and any other
 * word ending in "password" or "passwd" (`DBPASSWORD`, `rootpasswd`). MYSQL_PWD splits on its own.
 */
const ONE_WORD_PASSWORD = /^[a-z0-9]+(?:password|passwd|passphrase)$/;
const PASSWORD_VARIABLES = new Set(["sshpass", "rediscli auth"]);
/**
 * A name whose last word is one of these refers to or configures a secret rather than holding it:
 * `DB_SECRET_ARN`, `SECRET_NAME`, `TOKEN_ID`, `SECRET_TTL_SECONDS`, `PASSWORD_MIN_LENGTH`.
 */
const REFERENCE_OR_SETTING_SUFFIXES = new Set([
    "arn", "arns", "name", "names", "id", "ids", "ref", "path", "file", "url", "uri", "endpoint",
    "region", "ttl", "seconds", "secs", "sec", "ms", "millis", "minutes", "mins", "hours", "days",
    "timeout", "interval", "expiry", "length", "len", "size", "count", "max", "min", "enabled",
    "enable", "disabled", "required", "mode", "type", "kind", "version", "header", "format", "policy",
    "rotation", "provider", "source", "field", "prefix", "suffix", "algorithm", "location", "store",
    "sig", "env", "var", "variable", "param", "parameter", "port", "host", "issuer", "audience", "scope",
    "scopes", "bucket", "table", "queue", "topic", "strategy", "lifetime", "age", "duration", "validity",
    // A hash, digest or fingerprint of a secret cannot be used in its place: `--discovery-token-ca-cert-hash`.
    "hash", "digest", "fingerprint", "thumbprint", "checksum",
]);

/** Splits `DB_PASSWORD`, `dbPassword`, `db-password`, `db.password` into lowercase words. */
export function nameWords(name: string): string[] {
    return name
        .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
        .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
        .split(/[^A-Za-z0-9]+/)
        .filter((w) => w.length > 0)
        .map((w) => w.toLowerCase());
}

/** The secret words and word pairs of a list of words: ["db", "api", "key"] gives ["api key"]. */
function secretTerms(words: readonly string[]): string[] {
    const pairs = words.slice(1).map((w, i) => `${words[i]} ${w}`).filter((pair) => SECRET_WORD_PAIRS.has(pair));
    return [...words.filter((w) => SECRET_WORDS.has(w)), ...pairs];
}

/** True when a name says it holds a secret (and does not end in a reference or setting word). */
export function isSecretLikeName(name: string): boolean {
    const words = nameWords(name);
    if (words.length === 0 || REFERENCE_OR_SETTING_SUFFIXES.has(words[words.length - 1]!) || words.includes("ttl")) {
        return false;
    }
    return secretTerms(words).length > 0 || words.some((w) => ONE_WORD_PASSWORD.test(w)) || PASSWORD_VARIABLES.has(words.join(" "));
}

/**
 * True when the value is the constant's own name in lowercase, as a key, header or attribute name:
 * `X_AWS_EC2_METADATA_TOKEN = "x-aws-ec2-metadata-token"` (AWS SDK),
 * `ATTR_ASPNETCORE_IDENTITY_PASSWORD_CHECK_RESULT = "aspnetcore.identity.password_check_result"`
 * (OpenTelemetry). Bundled dependencies are full of these. The value's words must all come from
 * the name, in order, so `JWT_SECRET = "my-jwt-signing-secret"` is still a literal.
 */
export function isOwnKeyName(name: string, value: string): boolean {
    if (!/^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)+$/.test(value)) {
        return false;
    }
    const words = nameWords(value);
    const spelled = words[0] === "x" ? words.slice(1) : words; // "x-" marks a custom HTTP header
    return spelled.length >= 2 && secretTerms(spelled).length > 0 && ` ${nameWords(name).join(" ")} `.includes(` ${spelled.join(" ")} `);
}

/** True when a name ends in `_ARN` (or `Arn`): it must hold an ARN, not the secret itself. */
export function endsInArn(name: string): boolean {
    const words = nameWords(name);
    return words[words.length - 1] === "arn";
}

/**
 * True for values that reference or stand in for a secret rather than being one: ARNs,
 * `${...}` / `$VAR` / `{{resolve:...}}` / `<password>` placeholders, masks (`****`), booleans.
 */
export function isReferenceOrPlaceholder(value: string): boolean {
    const v = value.trim();
    return (
        v === "" ||
        isUnknown(v) ||
        /^arn:aws[a-z-]*:/.test(v) ||
        /\$\{[^}]*\}/.test(v) ||
        /^\$[A-Za-z_][A-Za-z0-9_]*$/.test(v) ||
        // Command substitution: the shell computes the value at run time (`$(aws secretsmanager ...)`).
        /^\$\(.*\)$|^`.*`$/s.test(v) ||
        /\{\{\s*resolve:/.test(v) ||
        /^<[^>]+>$/.test(v) ||
        /^%\(?[A-Za-z_]+\)?s?%?$/.test(v) ||
        /^\*+$/.test(v) ||
        /^x{4,}$/i.test(v) ||
        /EXAMPLE|_VALUE$|_HERE$|PLACEHOLDER/.test(v) ||
        // SCREAMING_SNAKE identifiers name an environment variable or a key, they are not secrets.
        /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(v) ||
        /^--?[a-z]/.test(v) ||
        // KMS aliases and multi-Region key ids name a key; they grant nothing by themselves.
        /^alias\/[A-Za-z0-9/_-]+$/.test(v) ||
        /^mrk-[0-9a-f]{32}$/.test(v) ||
        /^\.{1,2}\//.test(v) ||
        /^(true|false|yes|no|on|off|null|none|undefined)$/i.test(v) ||
        isPlaceholderValue(v)
    );
}
