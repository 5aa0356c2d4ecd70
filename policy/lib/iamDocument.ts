/**
 * IAM policy document parsing: one normalized shape for every way a document reaches a policy.
 *
 * Documents arrive as JSON strings or objects; `Statement`, `Action`, `NotAction`, `Resource`,
 * `NotResource` and `Principal` values may be a scalar or an array; keys are case-sensitive in AWS
 * but we accept any case, since a rule should not be dodged by `"action"`. Parts not known during
 * preview (the SDK's sentinels) are dropped from the lists and recorded in `unknownFields`, so
 * rules check what is known and never flag what is not.
 */
import { asArray, asRecord, isUnknown } from "./unknown";

export type Effect = "Allow" | "Deny";

export interface Principal {
    /** "*" for `Principal: "*"`, else the key: "AWS", "Service", "Federated", "CanonicalUser". */
    type: string;
    value: string;
}

export interface Condition {
    operator: string;
    key: string;
    values: string[];
}

export interface Statement {
    /** Position in the document, for messages. */
    index: number;
    sid?: string;
    /** `undefined` when the effect is missing, unknown or not Allow/Deny. */
    effect?: Effect;
    actions: string[];
    notActions: string[];
    resources: string[];
    notResources: string[];
    principals: Principal[];
    notPrincipals: Principal[];
    conditions: Condition[];
    /** Fields whose value (or one of whose elements) is unknown during preview. */
    unknownFields: string[];
}

export interface PolicyDocument {
    statements: Statement[];
    /** The whole document (or its Statement list) is unknown during preview. */
    unknown: boolean;
    /** Why the document could not be read (invalid JSON, no Statement...). Rules do not flag these. */
    errors: string[];
}

/** Looks a key up case-insensitively (AWS is case-sensitive, forks are not always careful). */
function field(record: Record<string, unknown>, name: string): unknown {
    if (name in record) {
        return record[name];
    }
    const lower = name.toLowerCase();
    const key = Object.keys(record).find((k) => k.toLowerCase() === lower);
    return key === undefined ? undefined : record[key];
}

function strings(value: unknown, fieldName: string, unknownFields: string[]): string[] {
    if (isUnknown(value)) {
        unknownFields.push(fieldName);
        return [];
    }
    const out: string[] = [];
    for (const element of asArray(value)) {
        if (isUnknown(element)) {
            if (!unknownFields.includes(fieldName)) {
                unknownFields.push(fieldName);
            }
        } else if (typeof element === "string") {
            out.push(element);
        }
    }
    return out;
}

function principals(value: unknown, fieldName: string, unknownFields: string[]): Principal[] {
    if (value === undefined || value === null) {
        return [];
    }
    if (isUnknown(value)) {
        unknownFields.push(fieldName);
        return [];
    }
    if (typeof value === "string") {
        return [{ type: value === "*" ? "*" : "AWS", value }];
    }
    const record = asRecord(value);
    if (!record) {
        return [];
    }
    return Object.entries(record).flatMap(([type, values]) =>
        strings(values, fieldName, unknownFields).map((v) => ({ type, value: v })),
    );
}

function conditions(value: unknown, unknownFields: string[]): Condition[] {
    if (isUnknown(value)) {
        unknownFields.push("Condition");
        return [];
    }
    const out: Condition[] = [];
    for (const [operator, block] of Object.entries(asRecord(value) ?? {})) {
        for (const [key, values] of Object.entries(asRecord(block) ?? {})) {
            out.push({ operator, key, values: strings(values, "Condition", unknownFields).map(String) });
        }
    }
    return out;
}

function effect(value: unknown): Effect | undefined {
    if (typeof value !== "string") {
        return undefined;
    }
    const lower = value.toLowerCase();
    return lower === "allow" ? "Allow" : lower === "deny" ? "Deny" : undefined;
}

function statement(raw: unknown, index: number): Statement | undefined {
    const record = asRecord(raw);
    if (!record) {
        return undefined;
    }
    const unknownFields: string[] = [];
    const sid = field(record, "Sid");
    const rawEffect = field(record, "Effect");
    if (isUnknown(rawEffect)) {
        unknownFields.push("Effect");
    }
    return {
        index,
        sid: typeof sid === "string" && !isUnknown(sid) ? sid : undefined,
        effect: effect(rawEffect),
        actions: strings(field(record, "Action"), "Action", unknownFields),
        notActions: strings(field(record, "NotAction"), "NotAction", unknownFields),
        resources: strings(field(record, "Resource"), "Resource", unknownFields),
        notResources: strings(field(record, "NotResource"), "NotResource", unknownFields),
        principals: principals(field(record, "Principal"), "Principal", unknownFields),
        notPrincipals: principals(field(record, "NotPrincipal"), "NotPrincipal", unknownFields),
        conditions: conditions(field(record, "Condition"), unknownFields),
        unknownFields,
    };
}

/** Parses a policy document given as a JSON string or an object. Never throws. */
export function parsePolicyDocument(document: unknown): PolicyDocument {
    if (isUnknown(document)) {
        return { statements: [], unknown: true, errors: [] };
    }
    let parsed: unknown = document;
    if (typeof document === "string") {
        if (document.trim() === "") {
            return { statements: [], unknown: false, errors: ["the document is empty"] };
        }
        try {
            parsed = JSON.parse(document);
        } catch (e) {
            return { statements: [], unknown: false, errors: [`the document is not valid JSON: ${(e as Error).message}`] };
        }
    }
    const record = asRecord(parsed);
    if (!record) {
        return { statements: [], unknown: false, errors: ["the document is not a JSON object"] };
    }
    const rawStatements = field(record, "Statement");
    if (isUnknown(rawStatements)) {
        return { statements: [], unknown: true, errors: [] };
    }
    if (rawStatements === undefined) {
        return { statements: [], unknown: false, errors: ["the document has no Statement"] };
    }
    const statements = asArray(rawStatements)
        .map((s, i) => statement(s, i))
        .filter((s): s is Statement => s !== undefined);
    return { statements, unknown: false, errors: [] };
}

/** Case-insensitive IAM wildcard match (`*` any run, `?` one character), as AWS matches actions. */
export function wildcardMatch(pattern: string, value: string): boolean {
    const regex = pattern
        .split("")
        .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
        .join("");
    return new RegExp(`^${regex}$`, "i").test(value);
}

/**
 * True for `"*"` and for ARNs that name no region, account or resource, which grant the same:
 * `arn:aws:logs:*:*:*` (a staple of public Lambda samples), `arn:aws:s3:::*`, `arn:*:*:*:*:*`.
 * An ARN that names the account (`arn:aws:logs:eu-west-1:123456789012:*`) is left to review.
 */
export function isWildcardResource(resource: string): boolean {
    const parts = resource.trim().split(":");
    if (parts.length === 1) {
        return parts[0] === "*";
    }
    if (parts[0] !== "arn" || parts.length < 6) {
        return false;
    }
    const unnamed = (part: string) => part === "" || part === "*";
    const resourcePart = parts.slice(5).join(":");
    return unnamed(parts[3]!) && unnamed(parts[4]!) && /^\*(?:[:/]\*)*$/.test(resourcePart);
}

/**
 * True for "*" and for ARNs whose wildcard leaves the region, the account or the whole resource part
 * open: "arn:aws:ssm:*:*:parameter/*", "arn:aws:kms:us-east-1:123456789012:key/*",
 * "arn:aws:secretsmanager:*:123456789012:secret:orders-*" (every Region), "arn:aws:kms:eu-west-1:*:key/k"
 * (every account). A name prefix in a named Region and account ("secret:orders-*") is scoped.
 */
export function isUnscopedResource(resource: string): boolean {
    const r = resource.trim();
    if (r === "*") {
        return true;
    }
    const parts = r.split(":");
    if (parts[0] !== "arn") {
        return false;
    }
    if (parts.length < 6) {
        return parts[parts.length - 1] === "*";
    }
    // Services whose ARNs carry no Region or account (S3) leave those parts empty, not "*".
    const open = (part: string) => part.includes("*") || part.includes("?");
    if (open(parts[3]!) || open(parts[4]!)) {
        return true;
    }
    const resourcePart = parts.slice(5).join(":");
    return /^(?:[A-Za-z-]+[:/])?\*(?:[:/]\*)*$/.test(resourcePart);
}

/** True when one of the statement's `Action` patterns grants `action` (e.g. "secretsmanager:*" grants GetSecretValue). */
export function grantsAction(statement: Statement, action: string): boolean {
    return statement.actions.some((pattern) => wildcardMatch(pattern, action));
}

/** A label for messages: `statement 2 ("ReadSecret")`. */
export function describeStatement(statement: Statement): string {
    return statement.sid ? `statement ${statement.index} ("${statement.sid}")` : `statement ${statement.index}`;
}
