/**
 * The loop every IAM document rule shares: find the documents in a resource (./iamSources), parse
 * them (./iamDocument), and hand each statement of the wanted kinds to the rule's check.
 */
import type { PolicyConfigSchema } from "@pulumi/policy";
import { describeStatement, parsePolicyDocument, Statement } from "./iamDocument";
import { DOCUMENT_TYPES, documentSources, DocumentKind, DocumentSource } from "./iamSources";
import { BlueprintResourcePolicy, resourceRule, Severity } from "./rule";

export interface StatementRuleSpec<C> {
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
    /** Returns a problem description for a statement, or undefined when it is fine. */
    checkStatement: (statement: Statement, source: DocumentSource, config: C) => string | undefined;
}

export function statementRule<C extends object = Record<string, never>>(spec: StatementRuleSpec<C>): BlueprintResourcePolicy {
    const { kinds, checkStatement, ...policy } = spec;
    return resourceRule<C>({
        ...policy,
        types: DOCUMENT_TYPES,
        check: (props, report, { type, config }) => {
            for (const source of documentSources(type, props)) {
                if (!kinds.includes(source.kind)) {
                    continue;
                }
                for (const statement of parsePolicyDocument(source.document).statements) {
                    const problem = checkStatement(statement, source, config);
                    if (problem) {
                        report(`${source.location} ${describeStatement(statement)}: ${problem}`);
                    }
                }
            }
        },
    });
}
