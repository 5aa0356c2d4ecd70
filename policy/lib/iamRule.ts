/**
 * The loop every IAM document rule shares: find the documents in a resource (./iamSources), parse
 * them (./iamDocument), and hand each document, or each statement, of the wanted kinds to the rule.
 */
import type { PolicyConfigSchema } from "@pulumi/policy";
import { describeStatement, parsePolicyDocument, PolicyDocument, Statement } from "./iamDocument";
import { DOCUMENT_TYPES, documentSources, DocumentKind, DocumentSource } from "./iamSources";
import { BlueprintResourcePolicy, resourceRule, Severity } from "./rule";

type Verdict = string | undefined;

interface DocumentRuleBase {
    name: string;
    description: string;
    enforcementLevel: "advisory" | "mandatory";
    severity: Severity;
    topics: readonly string[];
    rationale: string;
    anchors?: readonly string[];
    configSchema?: PolicyConfigSchema;
    remediationSteps?: string;
    /** The document kinds the rule reads; see ./iamSources for why kinds differ. */
    kinds: readonly DocumentKind[];
    /** Narrows the resource types (default: every type ./iamSources reads), e.g. to SQS queues and their policies. */
    types?: readonly string[];
}

export interface StatementRuleSpec<C> extends DocumentRuleBase {
    /** Returns a problem description for a statement, or undefined when it is fine (may be async: ./iamActions is). */
    checkStatement: (statement: Statement, source: DocumentSource, config: C) => Verdict | Promise<Verdict>;
}

export interface DocumentRuleSpec<C> extends DocumentRuleBase {
    /** Returns the problems of a whole document, for rules where statements combine (an action here, another there). */
    checkDocument: (document: PolicyDocument, source: DocumentSource, config: C) => Promise<string[]>;
}

/** A rule that reads whole documents; messages are prefixed with where the document is. */
export function documentRule<C extends object = Record<string, never>>(spec: DocumentRuleSpec<C>): BlueprintResourcePolicy {
    const { kinds, types, checkDocument, ...policy } = spec;
    return resourceRule<C>({
        ...policy,
        types: types ?? DOCUMENT_TYPES,
        check: async (props, report, { type, config }) => {
            for (const source of documentSources(type, props)) {
                if (kinds.includes(source.kind)) {
                    for (const problem of await checkDocument(parsePolicyDocument(source.document), source, config)) {
                        report(`${source.location} ${problem}`);
                    }
                }
            }
        },
    });
}

/** A rule that judges statements one by one; messages name the statement. */
export function statementRule<C extends object = Record<string, never>>(spec: StatementRuleSpec<C>): BlueprintResourcePolicy {
    const { checkStatement, ...rest } = spec;
    return documentRule<C>({
        ...rest,
        checkDocument: async (document, source, config) => {
            const problems: string[] = [];
            for (const statement of document.statements) {
                const problem = await checkStatement(statement, source, config);
                if (problem) {
                    problems.push(`${describeStatement(statement)}: ${problem}`);
                }
            }
            return problems;
        },
    });
}
