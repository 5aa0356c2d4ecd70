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
    /**
     * Judge the resource's documents of the wanted kinds as one (a role's inline policies all apply
     * to the role): `checkDocument` gets their statements together, under their joined locations.
     */
    together?: boolean;
}

/** The documents of one resource as one: statements concatenated, locations joined. */
function merged(sources: DocumentSource[]): { source: DocumentSource; document: PolicyDocument }[] {
    const parsed = sources.map((source) => ({ source, document: parsePolicyDocument(source.document) }));
    if (parsed.length < 2) {
        return parsed;
    }
    return [
        {
            source: { ...parsed[0]!.source, location: parsed.map((p) => p.source.location).join(" + ") },
            document: {
                statements: parsed.flatMap((p) => p.document.statements),
                unknown: parsed.some((p) => p.document.unknown),
                errors: parsed.flatMap((p) => p.document.errors),
            },
        },
    ];
}

/** A rule that reads whole documents; messages are prefixed with where the document is. */
export function documentRule<C extends object = Record<string, never>>(spec: DocumentRuleSpec<C>): BlueprintResourcePolicy {
    const { kinds, types, checkDocument, together, ...policy } = spec;
    return resourceRule<C>({
        ...policy,
        types: types ?? DOCUMENT_TYPES,
        check: async (props, report, { type, config }) => {
            const sources = documentSources(type, props).filter((s) => kinds.includes(s.kind));
            const documents = together ? merged(sources) : sources.map((source) => ({ source, document: parsePolicyDocument(source.document) }));
            for (const { source, document } of documents) {
                for (const problem of await checkDocument(document, source, config)) {
                    report(`${source.location} ${problem}`);
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
