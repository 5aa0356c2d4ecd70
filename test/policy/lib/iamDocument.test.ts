import { strict as assert } from "node:assert";
import { describeStatement, grantsAction, parsePolicyDocument, wildcardMatch } from "../../../policy/lib/iamDocument";
import { UNKNOWN } from "../../helpers/policy";
import { runtimePolicy } from "../../helpers/policyFixtures";

describe("lib: iamDocument", () => {
    it("parses a JSON string and an object document to the same statements", () => {
        const fromString = parsePolicyDocument(JSON.stringify(runtimePolicy()));
        const fromObject = parsePolicyDocument(runtimePolicy());
        assert.deepEqual(fromString, fromObject);
        assert.equal(fromObject.statements.length, 5);
        assert.deepEqual(fromObject.errors, []);
    });

    it("normalizes a scalar Statement, Action and Resource to arrays", () => {
        const doc = parsePolicyDocument({ Statement: { Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" } });
        assert.deepEqual(doc.statements[0]!.actions, ["s3:GetObject"]);
        assert.deepEqual(doc.statements[0]!.resources, ["arn:aws:s3:::b/*"]);
    });

    it("reads NotAction, NotResource, Deny and conditions", () => {
        const doc = parsePolicyDocument({
            Statement: [
                {
                    Sid: "DenyOutsideVpc",
                    Effect: "Deny",
                    NotAction: ["iam:*"],
                    NotResource: "arn:aws:s3:::b",
                    Condition: { StringNotEquals: { "aws:SourceVpc": ["vpc-1", "vpc-2"] } },
                },
            ],
        });
        const s = doc.statements[0]!;
        assert.equal(s.effect, "Deny");
        assert.deepEqual(s.notActions, ["iam:*"]);
        assert.deepEqual(s.notResources, ["arn:aws:s3:::b"]);
        assert.deepEqual(s.conditions, [{ operator: "StringNotEquals", key: "aws:SourceVpc", values: ["vpc-1", "vpc-2"] }]);
        assert.equal(describeStatement(s), 'statement 0 ("DenyOutsideVpc")');
    });

    it("reads string, wildcard and map principals", () => {
        const doc = parsePolicyDocument({
            Statement: [
                { Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" },
                { Effect: "Allow", Principal: { AWS: ["arn:aws:iam::123456789012:root", "*"], Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" },
            ],
        });
        assert.deepEqual(doc.statements[0]!.principals, [{ type: "*", value: "*" }]);
        assert.deepEqual(doc.statements[1]!.principals, [
            { type: "AWS", value: "arn:aws:iam::123456789012:root" },
            { type: "AWS", value: "*" },
            { type: "Service", value: "lambda.amazonaws.com" },
        ]);
    });

    it("accepts keys in any case and an effect in any case", () => {
        const doc = parsePolicyDocument({ statement: [{ effect: "allow", action: "*", resource: "*" }] });
        assert.equal(doc.statements[0]!.effect, "Allow");
        assert.deepEqual(doc.statements[0]!.actions, ["*"]);
    });

    it("reports invalid JSON and missing statements as errors, without statements", () => {
        assert.match(parsePolicyDocument("{not json").errors[0]!, /not valid JSON/);
        assert.match(parsePolicyDocument({ Version: "2012-10-17" }).errors[0]!, /no Statement/);
        assert.match(parsePolicyDocument(42).errors[0]!, /not a JSON object/);
    });

    it("marks a document unknown during preview and drops unknown elements", () => {
        assert.equal(parsePolicyDocument(UNKNOWN.string).unknown, true);
        const doc = parsePolicyDocument({ Statement: [{ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: [UNKNOWN.string] }] });
        assert.deepEqual(doc.statements[0]!.resources, []);
        assert.deepEqual(doc.statements[0]!.unknownFields, ["Resource"]);
    });

    it("matches actions with IAM wildcards, case-insensitively", () => {
        assert.equal(wildcardMatch("secretsmanager:*", "secretsmanager:GetSecretValue"), true);
        assert.equal(wildcardMatch("secretsmanager:Get*", "secretsmanager:getsecretvalue"), true);
        assert.equal(wildcardMatch("kms:?ecrypt", "kms:Decrypt"), true);
        assert.equal(wildcardMatch("kms:Encrypt", "kms:Decrypt"), false);
        const s = parsePolicyDocument({ Statement: { Effect: "Allow", Action: ["*"], Resource: "*" } }).statements[0]!;
        assert.equal(grantsAction(s, "rds-db:connect"), true);
    });
});
