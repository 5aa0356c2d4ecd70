/**
 * When a resource policy statement (a secret's, a queue's, a topic's, a bucket's, a key's) lets
 * everyone in: Allow to `Principal "*"`, `{"AWS": "*"}` or everyone-but (`NotPrincipal`), with no
 * condition that narrows the caller to an account, an organization, a source resource or a network.
 *
 * The narrowing keys follow Prowler's `is_condition_block_restrictive` and
 * `is_condition_block_restrictive_organization` (prowler/providers/aws/services/iam/lib/policy.py),
 * the logic behind its `*_not_publicly_accessible` checks, with two differences:
 * - any value counts (Prowler compares with the audited account, which a preview does not know),
 *   except a value that is only wildcards ("*" narrows nothing);
 * - `aws:ResourceAccount` / `s3:ResourceAccount` do not count: in the resource's own policy they
 *   always equal the resource's account, so they narrow nothing either.
 * `kms:CallerAccount` is added for key policies: AWS's own key policies pair "*" with it.
 */
import { Condition, Statement } from "./iamDocument";
import { statementRule } from "./iamRule";
import { BlueprintResourcePolicy } from "./rule";

/** Condition keys (lowercase) that narrow who may call, with the operators that can narrow them. */
export const NARROWING_CONDITION_KEYS: readonly string[] = [
    "aws:sourceaccount",
    "aws:sourceowner",
    "aws:sourcearn",
    "aws:sourceorgid",
    "aws:sourceorgpaths",
    "aws:sourcevpc",
    "aws:sourcevpce",
    "aws:principalaccount",
    "aws:principalarn",
    "aws:principalorgid",
    "aws:principalorgpaths",
    "aws:userid",
    "aws:username",
    "lambda:eventsourcetoken",
    "kms:calleraccount",
];

/**
 * Positive matches only. `...IfExists` passes when the key is absent (a direct call has no
 * aws:SourceArn) and `ForAllValues:` passes on an absent key too; `StringNotEquals` and friends
 * let in everyone but the named ones.
 */
const NARROWING_OPERATOR = /^(?:ForAnyValue:)?(?:StringEquals|StringEqualsIgnoreCase|StringLike|ArnEquals|ArnLike)$/i;

/** True when the condition narrows the caller (see the file comment). */
export function isNarrowingCondition(condition: Condition): boolean {
    return (
        NARROWING_CONDITION_KEYS.includes(condition.key.toLowerCase()) &&
        NARROWING_OPERATOR.test(condition.operator) &&
        condition.values.length > 0 &&
        condition.values.every((v) => !/^[*?]*$/.test(v.trim()))
    );
}

/** How the statement names everyone (`Principal "*"`), or undefined when it names someone. */
export function everyonePrincipal(statement: Statement): string | undefined {
    if (statement.notPrincipals.length > 0) {
        return "every principal but the NotPrincipal ones";
    }
    const wildcard = statement.principals.find((p) => p.value.trim() === "*" && (p.type === "*" || p.type.toUpperCase() === "AWS"));
    return wildcard === undefined ? undefined : wildcard.type === "*" ? 'Principal "*"' : '{"AWS": "*"}';
}

/**
 * Why the statement opens the resource to everyone, or undefined. Statements with parts unknown
 * during preview (principal, condition) are not judged: the rule never flags what it cannot see.
 */
export function publicAccess(statement: Statement): string | undefined {
    if (statement.effect !== "Allow" || statement.unknownFields.some((f) => ["Principal", "NotPrincipal", "Condition"].includes(f))) {
        return undefined;
    }
    const everyone = everyonePrincipal(statement);
    if (everyone === undefined || statement.conditions.some(isNarrowingCondition)) {
        return undefined;
    }
    const actions = statement.actions.length > 0 ? statement.actions.map((a) => `"${a}"`).join(", ") : "every action but the NotAction ones";
    const why = statement.conditions.length > 0 ? "no condition that narrows the caller (account, organization, source ARN or VPC endpoint)" : "no condition";
    return `allows ${actions} to ${everyone} with ${why}`;
}

export interface ExposureRuleSpec {
    name: string;
    /** What the policies belong to, as the description's subject: "SQS queue policies". */
    subject: string;
    /** What a narrowing condition may name, for the description: "a source ARN, account, organization or VPC endpoint". */
    narrowTo: string;
    topics: readonly string[];
    rationale: string;
    anchors: readonly string[];
    remediationSteps: string;
    /** The resource types whose policy the rule reads (./iamSources RESOURCE_POLICY_TYPES). */
    types: readonly string[];
}

/** A rule that reports the resource policies of one service opened to everyone by `publicAccess`. */
export function exposureRule(spec: ExposureRuleSpec): BlueprintResourcePolicy {
    const { subject, narrowTo, ...rest } = spec;
    return statementRule({
        ...rest,
        description: `${subject} must not Allow Principal "*" (or {"AWS": "*"}, or Allow with NotPrincipal) without a condition that narrows the caller to ${narrowTo}.`,
        enforcementLevel: "mandatory",
        severity: "critical",
        kinds: ["resource"],
        checkStatement: publicAccess,
    });
}
