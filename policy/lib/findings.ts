/** What the secret scanner reports: a kind, a message safe to print, and the rule of another tool it follows. */
export type FindingKind =
    | "token-format"
    | "aws-access-key-id"
    | "aws-secret-access-key"
    | "private-key"
    | "url-credentials"
    | "connection-string-password"
    | "password-like-name"
    | "password-hash";

export interface Finding {
    kind: FindingKind;
    /** Safe to print: names the finding, never echoes the secret. */
    message: string;
    /** The rule of another tool this finding follows, e.g. "gitleaks:gitlab-ptt", "@secretlint/secretlint-rule-github". */
    anchor?: string;
}
