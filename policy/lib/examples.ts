/**
 * Values that look like a credential but are documented examples or unrendered templates, each
 * with the rule of another tool that says so. A false alarm costs trust like a miss costs safety.
 */

/**
 * AWS's documentation examples end in EXAMPLE (the access key id `AKIA…EXAMPLE`) or EXAMPLEKEY (its secret
 * key): gitleaks' aws-access-token allowlist (`.+EXAMPLE$`), extended to the secret key's suffix
 * that secretlint's AWS rule allows (`wJalr...EXAMPLEKEY`).
 */
const AWS_EXAMPLE = /EXAMPLE(?:KEY)?$/;

/**
 * Template variables not rendered yet: `{{ token }}` (Jinja, Mustache, Go templates, Helm),
 * `${TOKEN}` / `${var.token}` (shell, Terraform, CloudFormation Sub), `<your-token>`, `%(token)s`.
 * detect-secrets' `is_templated_secret` filter (detect_secrets/filters/heuristic.py) skips the same
 * shapes; a template that wraps a literal (`prefix-{{ x }}`) still holds no credential.
 */
const TEMPLATE = /\{\{[^{}]*\}\}|\$\{[^}]*\}|<[A-Za-z][\w .-]*>|%\([A-Za-z_]\w*\)s/;

/**
 * Words people write where the secret goes: `changeme`, `your-api-key`, `replace_me`, `xxxxxxxx`.
 * The list follows gitleaks' generic-api-key stopwords for placeholders and detect-secrets'
 * `is_likely_id_string`/templated filters; it matches whole values only, so a password that merely
 * contains "change" is still a literal.
 */
const PLACEHOLDER_WORD =
    /^(?:change[_-]?me|changeit|replace[_-]?me|to[_-]?do|fixme|placeholder|dummy|redacted|not[_-]?set|unset|none|null|nil|empty|your[_-]?[a-z_-]*|my[_-]?(?:password|secret|token|api[_-]?key)|(?:password|secret|token)[_-]?here|x{3,}|\*{3,}|\.{3,}|-+)$/i;

/** True when a matched token is a documented example value or an unrendered template. */
export function isDocumentedExample(token: string): boolean {
    return AWS_EXAMPLE.test(token) || TEMPLATE.test(token);
}

/** True when a whole value is a placeholder word or an unrendered template rather than a secret. */
export function isPlaceholderValue(value: string): boolean {
    const v = value.trim();
    return PLACEHOLDER_WORD.test(v) || TEMPLATE.test(v) || AWS_EXAMPLE.test(v);
}

/**
 * The storage emulator's account: Azurite and the Azure Storage Emulator accept one well-known
 * account (`devstoreaccount1`) whose key Microsoft publishes
 * (https://learn.microsoft.com/azure/storage/common/storage-use-azurite#well-known-storage-account-and-key);
 * a connection string for it reaches no cloud account.
 */
export function isStorageEmulatorAccount(pairs: readonly { name: string; value: string }[]): boolean {
    return pairs.some((p) => (/^AccountName$/i.test(p.name) && p.value === "devstoreaccount1") || (/^UseDevelopmentStorage$/i.test(p.name) && /^true$/i.test(p.value)));
}
