import { Statement } from "../../lib/iamDocument";
import { statementRule } from "../../lib/iamRule";

const GITHUB_PROVIDER = "token.actions.githubusercontent.com";
const SUB = `${GITHUB_PROVIDER}:sub`;

/** True when the trust names GitHub Actions' OIDC provider (by ARN or by host). */
function trustsGithubOidc(statement: Statement): boolean {
    return statement.principals.some((p) => p.type === "Federated" && p.value.trim().endsWith(GITHUB_PROVIDER));
}

/**
 * True when a `sub` value pins at least an owner: `repo:org/app:ref:refs/heads/main`,
 * `repo:org/app:environment:prod`, `repo:org/*`, or a customized subject template that names the
 * owner or repository (`repository_owner_id:123:...`, see GitHub's "Customizing the subject claims").
 * "*", "repo:*" or "repo:*\/app" let any owner in (Checkov CKV_AWS_358 fails the same values).
 */
export function pinsOwner(value: string): boolean {
    const v = value.trim();
    return /^repo:[^*?/]+\//.test(v) || /(?:^|:)(?:repository_owner|repository_owner_id|repository_id):[^*?:]+(?::|$)/.test(v);
}

export const requireGithubOidcSubjectCondition = statementRule({
    name: "require-github-oidc-subject-condition",
    description: `Roles trusted to GitHub Actions' OIDC provider must have a ${SUB} condition that names the repository owner (repo:<owner>/<repo>:...).`,
    enforcementLevel: "mandatory",
    severity: "critical",
    topics: ["iam", "trust", "ci"],
    rationale:
        "Every GitHub workflow in every repository gets a token from the same provider; without a sub condition any of them can assume the role.",
    anchors: ["Checkov CKV_AWS_358"],
    remediationSteps: `Add "Condition": {"StringLike": {"${SUB}": "repo:<owner>/<repo>:*"}} (or StringEquals with the branch or environment).`,
    kinds: ["trust"],
    checkStatement: (statement) => {
        if (statement.effect !== "Allow" || !trustsGithubOidc(statement) || statement.unknownFields.includes("Condition")) {
            return undefined;
        }
        const sub = statement.conditions.filter((c) => c.key.toLowerCase() === SUB && /^(?:StringEquals|StringLike)(?:IgnoreCase)?$/.test(c.operator.replace(/^ForAnyValue:/, "")));
        if (sub.length === 0) {
            return `trusts ${GITHUB_PROVIDER} with no ${SUB} condition: any repository on GitHub could assume the role`;
        }
        const open = sub.flatMap((c) => c.values).filter((v) => !pinsOwner(v));
        return open.length > 0 ? `trusts ${GITHUB_PROVIDER} with ${SUB} ${open.map((v) => `"${v}"`).join(", ")}, which names no repository owner` : undefined;
    },
});
