import { strict as assert } from "node:assert";
import { disallowPrivilegeEscalationAcrossPolicies as rule } from "../../../../policy/rules/iam/disallowPrivilegeEscalationAcrossPolicies";
import { ESCALATION_METHODS } from "../../../../policy/lib/privilegeEscalation";
import { T } from "../../../../policy/lib/types";
import { runStackPolicy, TestResource, UNKNOWN } from "../../../helpers/policy";
import { ACCOUNT, iamRole, REGION } from "../../../helpers/policyFixtures";

const doc = (Action: string | string[], Resource: string = "*") => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action, Resource }] });
const FUNCTION_ARN = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:tool`;

/** A role, and one RolePolicy per document, each linked to the role by dependsOn (as the engine links `role: role.id`). */
function roleWith(...documents: string[]): TestResource[] {
    const role = { ...iamRole(), name: "worker-role", props: { ...iamRole().props, inlinePolicies: [] } };
    return [role, ...documents.map((policy, i) => ({ type: T.iamRolePolicy, name: `worker-${i}`, props: { role: UNKNOWN.string, policy }, dependsOn: ["worker-role"] }))];
}

const methodIds = (violations: { message: string }[]) => violations.flatMap((v) => [...v.message.matchAll(/#(\d+)/g)].map((m) => Number(m[1])));

describe("rule: disallow-privilege-escalation-across-policies", () => {
    it("reports PassRole in one RolePolicy and the compute creation in another, on the role", async () => {
        const violations = await runStackPolicy(rule, roleWith(doc("iam:PassRole"), doc(["lambda:CreateFunction", "lambda:InvokeFunction"], FUNCTION_ARN)));
        assert.deepEqual(violations, [
            {
                message:
                    'role worker-role: its policies together (RolePolicy worker-0, RolePolicy worker-1) allow privilege escalation by Rhino Security Labs\' method #15 "Passing a role to a new Lambda function, then invoking it" (iam:PassRole on "*" with lambda:CreateFunction, lambda:InvokeFunction)',
                urn: `urn:pulumi:test::test::${T.iamRole}::worker-role`,
            },
        ]);
    });

    it("joins an inline policy with a customer managed Policy attached to the role", async () => {
        const role = { ...iamRole(), name: "worker-role", props: { ...iamRole().props, inlinePolicies: [{ name: "pass", policy: doc("iam:PassRole") }] } };
        const policy = { type: T.iamPolicy, name: "build", props: { policy: doc("glue:CreateDevEndpoint", `arn:aws:glue:${REGION}:${ACCOUNT}:devEndpoint/x`) } };
        const attachment = { type: T.iamRolePolicyAttachment, name: "build-attach", props: { role: "worker", policyArn: UNKNOWN.string }, dependsOn: ["worker-role", "build"] };
        assert.deepEqual(methodIds(await runStackPolicy(rule, [role, policy, attachment])), [19]);
    });

    it("for each method of more than one action in the data file, reports the pivot and the other actions split in two", async () => {
        for (const method of ESCALATION_METHODS.filter((m) => m.actions.length > 1)) {
            const others = method.actions.filter((a) => a !== method.pivot);
            const ids = methodIds(await runStackPolicy(rule, roleWith(doc(method.pivot), doc(others, FUNCTION_ARN))));
            assert.ok(ids.includes(method.id), `#${method.id}`);
        }
    });

    it("leaves what one document grants alone to disallow-privilege-escalation, and passes a pivot on one named role", async () => {
        assert.deepEqual(await runStackPolicy(rule, roleWith(doc(["iam:PassRole", "ec2:RunInstances"]), doc("logs:PutLogEvents", FUNCTION_ARN))), []);
        const named = doc("iam:PassRole", `arn:aws:iam::${ACCOUNT}:role/build`);
        assert.deepEqual(await runStackPolicy(rule, roleWith(named, doc("ec2:RunInstances", FUNCTION_ARN))), []);
    });

    it("does not join policies of different roles, nor a policy whose role it cannot tell", async () => {
        const [role, pass, run] = roleWith(doc("iam:PassRole"), doc("ec2:RunInstances", FUNCTION_ARN));
        const other = { ...iamRole(), name: "other-role", props: { ...iamRole().props, inlinePolicies: [] } };
        assert.deepEqual(await runStackPolicy(rule, [role!, other, pass!, { ...run!, dependsOn: ["other-role"] }]), []);
        assert.deepEqual(await runStackPolicy(rule, [role!, other, pass!, { ...run!, dependsOn: ["worker-role", "other-role"] }]), []);
    });

    it("links by the role's name when there are no dependencies (a literal role name)", async () => {
        const [role, pass, run] = roleWith(doc("iam:PassRole"), doc("ec2:RunInstances", FUNCTION_ARN));
        const named = { ...role!, props: { ...role!.props, name: "worker" } };
        const literal = (r: TestResource) => ({ ...r, props: { ...r.props, role: "worker" }, dependsOn: [] });
        assert.deepEqual(methodIds(await runStackPolicy(rule, [named, literal(pass!), literal(run!)])), [3]);
    });

    it("accepts the methods a stack lists in allowedMethods", async () => {
        assert.deepEqual(await runStackPolicy(rule, roleWith(doc("iam:PassRole"), doc("ec2:RunInstances", FUNCTION_ARN)), { allowedMethods: [3] }), []);
    });
});
