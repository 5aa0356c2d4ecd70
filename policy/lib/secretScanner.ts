/**
 * The secret scanner for the places a fork tends to paste credentials: Lambda environment variables
 * and code, tags, stage variables, SSM parameters, EC2 user data, ECS container definitions.
 *
 * It looks for three things:
 * - values that are secrets whatever their name: the token formats secretlint finds (./tokens:
 *   its recommended preset and the own formats of ./tokenFormats), AWS access key ids and secret
 *   keys, private keys, URLs with a `user:password@` part, connection strings with a password;
 * - literal values under password-like names (./secretNames: `DB_PASSWORD`, `apiKey`, `PGPASSWORD`...);
 * - the same inside every layer a value can wrap (./decode: JSON, YAML, base64, gzip, shell lines,
 *   cloud-init, ECS agent auth data, connection strings), and in quoted and shell assignments, with
 *   one assignment scanner for named values, user data and code.
 *
 * False positives cost trust, so the exemptions are deliberate: names that end in a reference or
 * setting word (`_ARN`, `_NAME`, `_ID`, `_TTL_SECONDS`...) are not password-like; values that are
 * references or placeholders (ARNs, `${...}`, `{{resolve:...}}`, `$VAR`, masks) or booleans are not
 * literals; KMS aliases are references; settings AWS documents for its own Lambda extensions
 * (./awsDocumentedVariables) are not password-like; constants holding their own name (`X_AWS_EC2_METADATA_TOKEN = "x-aws-ec2-metadata-token"`)
 * are key names; unknown preview values are never flagged. Look-alikes such as handler names, git SHAs
 * (lowercase hex) and UUIDs match no pattern.
 */
import { isAwsDocumentedLambdaVariable } from "./awsDocumentedVariables";
import { isDocumentedExample } from "./examples";
import type { Finding, FindingKind } from "./findings";
import { decodeLayers } from "./decode/layers";
import { endsInArn, isOwnKeyName, isReferenceOrPlaceholder, isSecretLikeName, nameWords, SECRET_WORDS } from "./secretNames";
import { findTokenFindings } from "./tokens";
import { isUnknown } from "./unknown";

export type { Finding, FindingKind };

/**
 * Access key ids only: long-term (AKIA), temporary (ASIA) and the two internal prefixes gitleaks
 * keeps (ABIA, ACCA), in AWS's base32 alphabet (gitleaks aws-access-token). The unique ids of users
 * (AIDA), roles (AROA), groups (AGPA), policies (ANPA, ANVA), instance profiles (AIPA) and public
 * keys (APKA) share the shape but grant nothing, and appear in policies and outputs by design
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids).
 */
const ACCESS_KEY_ID = /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b/g;
const PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/;
/**
 * scheme://user:password@ — the password part is checked against placeholders separately. The user
 * may be empty: `redis://:password@host` is how Redis URLs carry a password without a user.
 */
const URL_CREDENTIALS = /\b[a-z][a-z0-9+.-]*:\/\/([^\s:/@'"]*):([^\s@/'"]+)@/gi;
/** `?password=...`, `;Password=...`, `&pwd=...` in JDBC URLs, ADO/ODBC strings and query strings. */
const CONNECTION_PASSWORD = /(?:^|[?;&\s-])(?:password|passwd|pwd)=([^&;\s'"]+)/gi;
const SECRET_ACCESS_KEY_VALUE = /^[A-Za-z0-9/+]{40}$/;
const SECRET_ACCESS_KEY_IN_TEXT = /(?:aws_?secret_?access_?key|secretAccessKey|aws_?secret_?key)["']?\s*[:=]\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/i;

function looksLikeSecretAccessKey(value: string): boolean {
    // 40 base64 characters with mixed case and a digit: excludes git SHAs (lowercase hex) and words.
    return SECRET_ACCESS_KEY_VALUE.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value) && /[0-9]/.test(value) && !isDocumentedExample(value);
}

/** Findings of the checks the scanner makes itself, on one text (no decoding). */
function ownValueFindings(value: string): Finding[] {
    const findings: Finding[] = [];
    if ([...value.matchAll(ACCESS_KEY_ID)].some((m) => !isDocumentedExample(m[0]))) {
        findings.push({ kind: "aws-access-key-id", message: "contains an AWS access key id", anchor: "gitleaks:aws-access-token" });
    }
    const named = SECRET_ACCESS_KEY_IN_TEXT.exec(value)?.[1];
    if (looksLikeSecretAccessKey(value.trim()) || (named !== undefined && !isDocumentedExample(named))) {
        findings.push({ kind: "aws-secret-access-key", message: "contains what looks like an AWS secret access key" });
    }
    if (PRIVATE_KEY.test(value)) {
        findings.push({ kind: "private-key", message: "contains a private key" });
    }
    for (const match of value.matchAll(URL_CREDENTIALS)) {
        if (!isReferenceOrPlaceholder(decodeURIComponentSafe(match[2]!))) {
            findings.push({ kind: "url-credentials", message: "contains a URL with a user:password part" });
            break;
        }
    }
    for (const match of value.matchAll(CONNECTION_PASSWORD)) {
        if (!isReferenceOrPlaceholder(match[1]!)) {
            const jdbc = /jdbc:/i.test(value);
            findings.push({
                kind: "connection-string-password",
                message: jdbc ? "contains a JDBC URL with a password" : "contains a connection string with a password",
            });
            break;
        }
    }
    return findings;
}

/**
 * The scanner's own findings plus the token formats secretlint finds (./tokens); a kind the
 * scanner found itself is not reported again by secretlint. `context` is text scanned for tokens
 * only (a variable's name), so that a vendor keyword in the name counts for loose formats.
 */
async function valueFindings(value: string, context = ""): Promise<Finding[]> {
    const own = ownValueFindings(value);
    const kinds = new Set(own.map((f) => f.kind));
    const tokens = (await findTokenFindings(context + value)).filter((f) => !kinds.has(f.kind));
    return [...own, ...tokens];
}

/** Findings for values that are secrets whatever name they carry, decoded layers included. */
export async function scanValue(value: string): Promise<Finding[]> {
    if (isUnknown(value)) {
        return [];
    }
    const direct = await valueFindings(value);
    return direct.length > 0 ? direct : scanDecoded(value);
}

function decodeURIComponentSafe(s: string): string {
    try {
        return decodeURIComponent(s);
    } catch {
        return s;
    }
}

/** The password-like-name finding for one literal, or none. */
function namedLiteralFindings(name: string, text: string): Finding[] {
    if (isAwsDocumentedLambdaVariable(name)) {
        return [];
    }
    if (isSecretLikeName(name) && !isReferenceOrPlaceholder(text) && !isOwnKeyName(name, text)) {
        return [{ kind: "password-like-name", message: "has a password-like name and holds a literal value" }];
    }
    const words = nameWords(name);
    if (endsInArn(name) && words.some((w) => SECRET_WORDS.has(w)) && !isReferenceOrPlaceholder(text)) {
        return [{ kind: "password-like-name", message: "should hold an ARN but holds a literal value" }];
    }
    return [];
}

/**
 * Findings for one named value (an environment variable, a tag, a stage variable, a parameter).
 * Numbers count as literals under password-like names (`PIN=1234`); booleans never do.
 */
export async function scanNamedValue(name: string, value: unknown, depth = 0): Promise<Finding[]> {
    if (value === undefined || value === null || typeof value === "boolean" || isUnknown(value)) {
        return [];
    }
    if (typeof value !== "string" && typeof value !== "number") {
        return [];
    }
    const text = String(value);
    const findings = await valueFindings(text, `${name}=`);
    if (findings.length > 0) {
        return findings;
    }
    const named = namedLiteralFindings(name, text);
    if (named.length > 0) {
        return named;
    }
    return typeof value === "string" ? scanDecoded(text, depth) : [];
}

/**
 * A value that is itself a document or an encoding of one: every decoder of ./decode that
 * recognises it gives named values (scanned as such) and inner texts (scanned again, decoders
 * included, to a bounded depth: base64 of gzip of JSON is three layers). Anything else goes
 * through the same assignment scanner as user data, so the two scanners agree.
 */
async function scanDecoded(text: string, depth = 0): Promise<Finding[]> {
    if (depth <= MAX_DEPTH) {
        for (const layer of decodeLayers(text)) {
            for (const { name, value, where } of layer.named) {
                const found = await scanNamedValue(name, value, depth + 1);
                if (found.length > 0) {
                    return found.map((f) => ({ ...f, message: `${where} ${f.message}` }));
                }
            }
            for (const { text: inner, where } of layer.texts) {
                const direct = await valueFindings(inner);
                const found = direct.length > 0 ? direct : await scanDecoded(inner, depth + 1);
                if (found.length > 0) {
                    return found.map((f) => ({ ...f, message: `${where} ${f.message}` }));
                }
            }
            if (layer.findings.length > 0) {
                return layer.findings;
            }
        }
    }
    return /[=:\n]/.test(text) ? scanAssignments(text, { yaml: true }) : [];
}

/** Layers deep enough for base64 of gzip of a JSON document; deeper nesting is not a config anyone writes. */
const MAX_DEPTH = 3;

/** `name = "value"`, `name: 'value'`, `"name": "value"`: quoted literals in code and config files. */
const QUOTED_ASSIGNMENT = /(?<![\w$-])["']?([A-Za-z_][A-Za-z0-9_]*)["']?\s*[:=]\s*(["'])([^"'\n\\]{6,})\2/g;
/** `export DB_PASSWORD=value` and `DB_PASSWORD=value` in shell scripts and .env files. */
const SHELL_ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=([^\s"'$`#;]{6,})\s*$/gm;
/**
 * Unquoted shell assignments in the middle of a line, after a word that makes them one:
 * `docker run -e DB_PASSWORD=... image`, `export TOKEN=...; next`, `env API_KEY=... cmd`,
 * `--build-arg NPM_TOKEN=...`. Bare `a=b` mid-line is left alone: minified code is full of it.
 */
const INLINE_SHELL_ASSIGNMENT =
    /(?:^|[\s;&|(])(?:export|-e|--env|--build-arg|env|set)[\s=]+([A-Za-z_][A-Za-z0-9_]*)=([^\s"'$`#;&|)]{6,})/gm;
/** `password: value` on a line of its own (YAML, cloud-config, properties with a colon). */
const YAML_ASSIGNMENT = /^[ \t]*(?:-[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*:[ \t]+([^\s#'"{[|>&*!][^\s#]{5,})[ \t]*$/gm;
/** `spring.datasource.password=value` on a line of its own (Java properties, dotted .env-style keys). */
const PROPERTIES_ASSIGNMENT = /^[ \t]*([A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)+)[ \t]*=[ \t]*([^\s#'"$`]{6,})[ \t]*$/gm;

/** `CREATE USER ... IDENTIFIED BY 'literal'` / `ALTER USER ... IDENTIFIED WITH plugin BY 'literal'` in SQL. */
const SQL_IDENTIFIED_BY = /\bIDENTIFIED\s+(?:WITH\s+\S+\s+)?BY\s+'([^'\n]+)'/i;

/**
 * Literal values assigned to password-like names in a text: SQL `IDENTIFIED BY`, quoted
 * assignments, shell assignments (whole-line and inline), and with `yaml` unquoted `key: value`
 * lines. Returns the first finding only.
 */
function scanAssignments(text: string, options: { yaml: boolean }): Finding[] {
    const assigned = (name: string, value: string) =>
        isSecretLikeName(name) && !isAwsDocumentedLambdaVariable(name) && !isReferenceOrPlaceholder(value) && !/\s/.test(value) && !isOwnKeyName(name, value);
    const sql = SQL_IDENTIFIED_BY.exec(text);
    if (sql && !isReferenceOrPlaceholder(sql[1]!)) {
        return [{ kind: "password-like-name", message: "sets a literal database password in SQL (IDENTIFIED BY)" }];
    }
    const patterns = options.yaml
        ? [QUOTED_ASSIGNMENT, SHELL_ASSIGNMENT, INLINE_SHELL_ASSIGNMENT, YAML_ASSIGNMENT, PROPERTIES_ASSIGNMENT]
        : [QUOTED_ASSIGNMENT, SHELL_ASSIGNMENT, INLINE_SHELL_ASSIGNMENT];
    for (const pattern of patterns) {
        for (const match of text.matchAll(pattern)) {
            const name = match[1]!;
            const value = pattern === QUOTED_ASSIGNMENT ? match[3]! : match[2]!;
            // YAML keys may be dotted (`spring.datasource.password`): the last segment names the value.
            const key = pattern === YAML_ASSIGNMENT || pattern === PROPERTIES_ASSIGNMENT ? name.split(".").pop()! : name;
            if (assigned(key, value)) {
                return [{ kind: "password-like-name", message: `assigns a literal to the password-like name "${name}"` }];
            }
        }
    }
    return [];
}

/**
 * Findings in free text (a code bundle file, EC2 user data): the value patterns anywhere, plus
 * literals (6+ characters, no spaces) assigned to password-like names. `yaml` adds unquoted
 * `key: value` lines and the decoders (shell lines, cloud-init, ECS agent settings), for user data
 * and documents; code bundles leave it off (object literals, and megabytes of minified code).
 */
export async function scanText(text: string, options: { yaml?: boolean } = {}): Promise<Finding[]> {
    const findings = (await valueFindings(text)).filter((f) => f.kind !== "aws-secret-access-key" || SECRET_ACCESS_KEY_IN_TEXT.test(text));
    if (!options.yaml) {
        return [...findings, ...scanAssignments(text, { yaml: false })];
    }
    // Decoders first (cloud-init, ECS agent data, shell lines, documents): their messages say where
    // the credential is; scanDecoded falls back to the assignment scanner.
    return findings.length > 0 ? findings : scanDecoded(text);
}
