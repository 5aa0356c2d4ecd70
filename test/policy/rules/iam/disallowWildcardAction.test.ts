import { strict as assert } from "node:assert";
import { disallowWildcardAction } from "../../../../policy/rules/iam/disallowWildcardAction";
import { runPolicy, UNKNOWN } from "../../../helpers/policy";
import { iamPolicy, iamRole, kmsKey, proxyRole, vpcEndpoint } from "../../../helpers/policyFixtures";

const allowAll = (action: unknown) => ({ Version: "2012-10-17", Statement: { Effect: "Allow", Action: action, Resource: "*" } });

describe("rule: disallow-wildcard-action", () => {
    it("passes the blueprint's roles, key policy and endpoint policy", async () => {
        for (const resource of [iamRole(), proxyRole(), kmsKey(), vpcEndpoint()]) {
            assert.deepEqual(await runPolicy(disallowWildcardAction, resource), [], resource.name);
        }
    });

    it("reports a scalar \"*\" action in a JSON string document", async () => {
        assert.deepEqual(await runPolicy(disallowWildcardAction, iamPolicy(JSON.stringify(allowAll("*")))), [
            'policy statement 0: allows every action ("*")',
        ]);
    });

    it("reports \"*:*\" inside an action array in an object document", async () => {
        assert.equal((await runPolicy(disallowWildcardAction, iamPolicy(allowAll(["s3:GetObject", "*:*"])))).length, 1);
    });

    it("reports a role inline policy and names where it is", async () => {
        const role = iamRole();
        role.props.inlinePolicies = [{ name: "admin", policy: JSON.stringify(allowAll("*")) }];
        assert.deepEqual(await runPolicy(disallowWildcardAction, role), ['inlinePolicies[0].policy statement 0: allows every action ("*")']);
    });

    it("does not report a Deny statement with \"*\"", async () => {
        const deny = { Statement: [{ Effect: "Deny", Action: "*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } }] };
        assert.deepEqual(await runPolicy(disallowWildcardAction, iamPolicy(deny)), []);
    });

    it("does not throw or report when the document is unknown during preview", async () => {
        assert.deepEqual(await runPolicy(disallowWildcardAction, iamPolicy(UNKNOWN.string)), []);
    });
});
