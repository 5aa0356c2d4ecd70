import { strict as assert } from "node:assert";
import { disallowPrivilegeEscalation as rule } from "../../../../policy/rules/iam/disallowPrivilegeEscalation";
import { isBroadResource } from "../../../../policy/lib/escalation";
import { actionFacts } from "../../../../policy/lib/iamActions";
import { ESCALATION_METHODS, EscalationMethod } from "../../../../policy/lib/privilegeEscalation";
import { runPolicy, UNKNOWN } from "../../../helpers/policy";
import { ACCOUNT, iamPolicy, iamRole, proxyRole, REGION } from "../../../helpers/policyFixtures";

type Statement = Record<string, unknown>;
const doc = (...Statement: Statement[]) => ({ Version: "2012-10-17", Statement });
const allow = (Action: string | string[], Resource: string | string[] = "*", extra: Statement = {}) => ({ Effect: "Allow", Action, Resource, ...extra });

/** The method numbers a document is reported for (the message names them as #n). */
async function reported(document: unknown, config: Record<string, unknown> = {}): Promise<number[]> {
    const messages = await runPolicy(rule, iamPolicy(document), config);
    assert.ok(messages.length <= 1, "one message per document");
    return [...(messages[0] ?? "").matchAll(/#(\d+)/g)].map((m) => Number(m[1]));
}

/** A document that grants exactly the method: its pivot on "*", the other actions on a named resource. */
function methodDocument(method: EscalationMethod, pivotResource = "*", rename: (action: string) => string = (a) => a): Statement[] {
    const others = method.actions.filter((a) => a !== method.pivot);
    return [allow(rename(method.pivot), pivotResource), ...(others.length > 0 ? [allow(others.map(rename), `arn:aws:lambda:${REGION}:${ACCOUNT}:function:tool`)] : [])];
}

/** A pattern that covers `action` without naming it: "iam:CreateAccessKey" gives "iam:CreateAcc*". */
const prefixPattern = (action: string) => `${action.slice(0, action.indexOf(":") + 7)}*`;

describe("rule: disallow-privilege-escalation", () => {
    it("passes the blueprint's roles", async () => {
        assert.deepEqual(await runPolicy(rule, iamRole()), []);
        assert.deepEqual(await runPolicy(rule, proxyRole()), []);
        assert.deepEqual(await runPolicy(rule, iamPolicy()), []);
    });

    it("names the method, the pivot's resource and the other actions", async () => {
        const messages = await runPolicy(rule, iamPolicy(doc(allow(["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"]))));
        assert.deepEqual(messages, [
            'policy allows privilege escalation by Rhino Security Labs\' method #15 "Passing a role to a new Lambda function, then invoking it" (iam:PassRole on "*" with lambda:CreateFunction, lambda:InvokeFunction)',
        ]);
    });

    it("reports \"*\" once, with every method by number", async () => {
        const ids = await reported(doc(allow("*")));
        assert.deepEqual(ids, ESCALATION_METHODS.map((m) => m.id));
    });

    describe("each of Rhino Security Labs' methods, generated from the data file at run time", () => {
        for (const method of ESCALATION_METHODS) {
            it(`#${method.id} ${method.title}: reported on "*", by wildcards that cover it, not on one named resource`, async () => {
                assert.ok((await reported(doc(...methodDocument(method)))).includes(method.id), "exact actions");
                const named = `arn:aws:iam::${ACCOUNT}:role/one-${method.id}`;
                assert.ok(!(await reported(doc(...methodDocument(method, named)))).includes(method.id), "pivot on one named resource");
                assert.ok(!(await reported(doc(...methodDocument(method, "*", (a) => a + "Nope")))).includes(method.id), "other actions");
                const known = await Promise.all(method.actions.map(actionFacts));
                if (known.every(Boolean)) {
                    // Expanded wildcards count: a prefix pattern and the service's "*".
                    assert.ok((await reported(doc(...methodDocument(method, "*", prefixPattern)))).includes(method.id), "prefix patterns");
                    assert.ok((await reported(doc(...methodDocument(method, "*", (a) => `${a.split(":")[0]}:*`)))).includes(method.id), "svc:*");
                }
                // An unconditional Deny of the pivot on "*" takes the method away.
                assert.ok(!(await reported(doc(...methodDocument(method), { Effect: "Deny", Action: method.pivot, Resource: "*" }))).includes(method.id), "denied");
                assert.ok(!(await reported(doc(...methodDocument(method)), { allowedMethods: [method.id] })).includes(method.id), "allowed by config");
            });
        }
    });

    it("judges a role's inline policies together, naming them", async () => {
        const role = iamRole();
        const inline = (name: string, ...statements: Statement[]) => ({ name, policy: JSON.stringify(doc(...statements)) });
        role.props.inlinePolicies = [...(role.props.inlinePolicies as unknown[]), inline("pass", allow("iam:PassRole")), inline("build", allow(["glue:CreateDevEndpoint"], `arn:aws:glue:${REGION}:${ACCOUNT}:devEndpoint/x`))];
        const messages = await runPolicy(rule, role);
        assert.equal(messages.length, 1);
        assert.match(messages[0]!, /^inlinePolicies\[0\]\.policy \+ inlinePolicies\[1\]\.policy \+ inlinePolicies\[2\]\.policy allows privilege escalation by Rhino Security Labs' method #19 /);
    });

    it("reports NotAction grants (everything but), and pivots on an ARN that names every role", async () => {
        assert.ok((await reported(doc({ Effect: "Allow", NotAction: ["s3:*"], Resource: "*" }))).includes(12));
        assert.deepEqual(await reported(doc(allow("iam:PutRolePolicy", `arn:aws:iam::${ACCOUNT}:role/*`))), [12]);
    });

    it("passes PassRole narrowed by iam:PassedToService to another service than the method's", async () => {
        const passToRds = allow("iam:PassRole", "*", { Condition: { StringEquals: { "iam:PassedToService": "rds.amazonaws.com" } } });
        assert.deepEqual(await reported(doc(passToRds, allow(["lambda:CreateFunction", "lambda:InvokeFunction", "ec2:RunInstances"]))), []);
        const passToLambda = allow("iam:PassRole", "*", { Condition: { StringLike: { "iam:PassedToService": "lambda.*" } } });
        assert.deepEqual(await reported(doc(passToLambda, allow(["lambda:CreateFunction", "lambda:InvokeFunction", "ec2:RunInstances"]))), [15]);
    });

    it("passes AWS's self-service credentials example, and delegated administration within a permissions boundary", async () => {
        const own = allow(["iam:CreateAccessKey", "iam:UpdateLoginProfile"], "arn:aws:iam::*:user/${aws:username}");
        assert.deepEqual(await reported(doc(own)), []);
        const boundary = allow(["iam:PutRolePolicy", "iam:AttachRolePolicy"], `arn:aws:iam::${ACCOUNT}:role/*`, {
            Condition: { StringEquals: { "iam:PermissionsBoundary": `arn:aws:iam::${ACCOUNT}:policy/team-boundary` } },
        });
        assert.deepEqual(await reported(doc(boundary)), []);
    });

    it("does not judge statements whose action, resource or condition is unknown during preview", async () => {
        assert.deepEqual(await reported(doc(allow(UNKNOWN.string))), []);
        assert.deepEqual(await reported(doc(allow("iam:CreatePolicyVersion", UNKNOWN.string))), []);
        assert.deepEqual(await reported(doc(allow("iam:CreatePolicyVersion", "*", { Condition: UNKNOWN.object }))), []);
    });

    it("tells broad resources from named ones and from the caller's own", () => {
        for (const r of ["*", `arn:aws:iam::${ACCOUNT}:role/*`, `arn:aws:iam::${ACCOUNT}:user/*`, "arn:aws:iam::*:policy/admin", `arn:aws:lambda:${REGION}:${ACCOUNT}:function:*`]) {
            assert.equal(isBroadResource(r), true, r);
        }
        for (const r of [`arn:aws:iam::${ACCOUNT}:role/orders-api`, "arn:aws:iam::*:user/${aws:username}", `arn:aws:lambda:${REGION}:${ACCOUNT}:function:orders-*`]) {
            assert.equal(isBroadResource(r), false, r);
        }
    });

    it("keeps the data file to the source's numbering: 28 methods, numbered 1 to 28, each with its pivot among its actions", () => {
        assert.deepEqual(ESCALATION_METHODS.map((m) => m.id), Array.from({ length: 28 }, (_, i) => i + 1));
        for (const m of ESCALATION_METHODS) {
            assert.ok(m.actions.includes(m.pivot), `#${m.id}`);
            assert.equal(m.passedTo !== undefined, m.actions.includes("iam:PassRole"), `#${m.id}`);
        }
    });
});
