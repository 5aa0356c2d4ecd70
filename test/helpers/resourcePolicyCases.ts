/**
 * Resource-policy exposure cases, generated at run time: every way of naming everyone crossed with
 * every condition that does not narrow the caller (reported), and every narrowing condition key of
 * policy/lib/resourcePolicy with a positive operator (passed). The rules for secrets, queues,
 * topics, buckets and keys run the same matrix on their own resource types.
 */
import { strict as assert } from "node:assert";
import type { BlueprintPolicy } from "../../policy/lib/rule";
import { NARROWING_CONDITION_KEYS } from "../../policy/lib/resourcePolicy";
import { runPolicy, UNKNOWN } from "./policy";
import { ACCOUNT } from "./policyFixtures";

type Statement = Record<string, unknown>;

/** A concrete, non-wildcard value for a narrowing key, shaped like what the key holds. */
function narrowingValue(key: string): string {
    const k = key.toLowerCase();
    if (k.endsWith("arn")) {
        return `arn:aws:iam::${ACCOUNT}:role/reader`;
    }
    if (k.includes("org")) {
        return k.endsWith("paths") ? "o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*" : "o-a1b2c3d4e5";
    }
    if (k.endsWith("vpce")) {
        return "vpce-0a1b2c3d4e5f60001";
    }
    if (k.endsWith("vpc")) {
        return "vpc-0a1b2c3d4e5f60001";
    }
    return ACCOUNT;
}

/** The ways to name every principal. */
export const EVERYONE: readonly { label: string; principal: Statement }[] = [
    { label: 'Principal "*"', principal: { Principal: "*" } },
    { label: '{"AWS": "*"}', principal: { Principal: { AWS: "*" } } },
    { label: '{"AWS": ["*"]}', principal: { Principal: { AWS: ["*"] } } },
    { label: "NotPrincipal", principal: { NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:role/blocked` } } },
];

/** Conditions that leave the statement open to everyone. */
export const OPEN_CONDITIONS: readonly { label: string; condition?: Statement }[] = [
    { label: "no condition" },
    { label: "a transport condition", condition: { Bool: { "aws:SecureTransport": "true" } } },
    { label: "aws:SourceAccount with IfExists", condition: { StringEqualsIfExists: { "aws:SourceAccount": ACCOUNT } } },
    { label: "aws:PrincipalOrgID with ForAllValues", condition: { "ForAllValues:StringEquals": { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } },
    { label: "a negated aws:PrincipalAccount", condition: { StringNotEquals: { "aws:PrincipalAccount": ACCOUNT } } },
    { label: "a wildcard aws:SourceArn", condition: { ArnLike: { "aws:SourceArn": "*" } } },
    { label: "aws:ResourceAccount (always the resource's own)", condition: { StringEquals: { "aws:ResourceAccount": ACCOUNT } } },
];

/** Conditions that narrow the caller: every key of the library, with the operators that narrow it. */
export function narrowingConditions(): { label: string; condition: Statement }[] {
    return NARROWING_CONDITION_KEYS.flatMap((key) => {
        const operators = key.endsWith("arn") ? ["ArnEquals", "ArnLike", "StringLike"] : ["StringEquals", "StringLike", "ForAnyValue:StringEquals"];
        // Keys are case-insensitive in AWS: write them as the docs do (aws:SourceArn) and in upper case.
        return operators.map((operator, i) => ({
            label: `${operator} ${key}`,
            condition: { [operator]: { [i === 1 ? key.toUpperCase() : key]: narrowingValue(key) } },
        }));
    });
}

export interface ExposureSpec {
    rule: BlueprintPolicy;
    /** Builds the resource under test around a policy document (one per resource type the rule reads). */
    resources: readonly ((policy: string) => { type: string; props: Record<string, unknown> })[];
    /** An action of the service, e.g. "sqs:SendMessage". */
    action: string;
    /** The resource ARN statements name. */
    arn: string;
}

const doc = (statement: Statement) => JSON.stringify({ Version: "2012-10-17", Statement: [statement] });

/** Registers the generated cases as mocha tests. */
export function describeExposureCases(spec: ExposureSpec): void {
    const base = { Effect: "Allow", Action: spec.action, Resource: spec.arn };
    describe("cases generated from every way to name everyone and every condition", () => {
        it("reports everyone with each condition that narrows nothing, on every resource type the rule reads", async () => {
            const missed: string[] = [];
            for (const make of spec.resources) {
                for (const { label, principal } of EVERYONE) {
                    for (const open of OPEN_CONDITIONS) {
                        const statement = { ...base, ...principal, ...(open.condition ? { Condition: open.condition } : {}) };
                        if ((await runPolicy(spec.rule, make(doc(statement)))).length !== 1) {
                            missed.push(`${make("{}").type}: ${label} with ${open.label}`);
                        }
                    }
                }
            }
            assert.deepEqual(missed, []);
        });

        it("passes everyone narrowed by each narrowing condition key, and named principals", async () => {
            const flagged: string[] = [];
            for (const make of spec.resources) {
                for (const { label, condition } of narrowingConditions()) {
                    const statement = { ...base, Principal: { AWS: "*" }, Condition: { ...condition, Bool: { "aws:SecureTransport": "true" } } };
                    if ((await runPolicy(spec.rule, make(doc(statement)))).length !== 0) {
                        flagged.push(`${make("{}").type}: ${label}`);
                    }
                }
                for (const principal of [{ AWS: `arn:aws:iam::${ACCOUNT}:root` }, { AWS: ACCOUNT }, { Service: "events.amazonaws.com" }]) {
                    if ((await runPolicy(spec.rule, make(doc({ ...base, Principal: principal })))).length !== 0) {
                        flagged.push(`${make("{}").type}: ${JSON.stringify(principal)}`);
                    }
                }
            }
            assert.deepEqual(flagged, []);
        });

        it("does not judge Deny statements, or a principal or condition unknown during preview", async () => {
            for (const make of spec.resources) {
                for (const statement of [
                    { ...base, Effect: "Deny", Principal: "*" },
                    { ...base, Principal: UNKNOWN.string },
                    { ...base, Principal: "*", Condition: UNKNOWN.object },
                ]) {
                    assert.deepEqual(await runPolicy(spec.rule, make(doc(statement))), [], JSON.stringify(statement));
                }
            }
        });
    });
}
