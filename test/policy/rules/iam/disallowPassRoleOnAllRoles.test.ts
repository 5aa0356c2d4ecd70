import { strict as assert } from "node:assert";
import { disallowPassRoleOnAllRoles as rule, namesEveryRole } from "../../../../policy/rules/iam/disallowPassRoleOnAllRoles";
import { runPolicy } from "../../../helpers/policy";
import { ACCOUNT, iamPolicy, iamRole, proxyRole } from "../../../helpers/policyFixtures";

const passRole = (resource: unknown, action: unknown = "iam:PassRole") => ({ Statement: [{ Effect: "Allow", Action: action, Resource: resource }] });

describe("rule: disallow-pass-role-on-all-roles", () => {
    it("passes the blueprint's roles, which pass no role", async () => {
        assert.deepEqual(await runPolicy(rule, iamRole()), []);
        assert.deepEqual(await runPolicy(rule, proxyRole()), []);
    });

    it("passes iam:PassRole on one named role", async () => {
        assert.deepEqual(await runPolicy(rule, iamPolicy(passRole(`arn:aws:iam::${ACCOUNT}:role/orders-migrate`))), []);
    });

    it("reports iam:PassRole on \"*\"", async () => {
        assert.deepEqual(await runPolicy(rule, iamPolicy(passRole("*"))), ['policy statement 0: allows iam:PassRole on "*" (every role)']);
    });

    it("reports iam:PassRole on every role of the account, also through iam:Pass*", async () => {
        assert.equal((await runPolicy(rule, iamPolicy(passRole(`arn:aws:iam::${ACCOUNT}:role/*`, "iam:Pass*")))).length, 1);
    });

    it("tells every-role resources from prefixes", () => {
        assert.equal(namesEveryRole("arn:aws:iam::*:role/*"), true);
        assert.equal(namesEveryRole(`arn:aws:iam::${ACCOUNT}:*`), true);
        assert.equal(namesEveryRole(`arn:aws:iam::${ACCOUNT}:role/orders-*`), false);
        assert.equal(namesEveryRole(`arn:aws:s3:::bucket/*`), false);
    });

    it("does not report a Deny", async () => {
        const doc = { Statement: [{ Effect: "Deny", Action: "iam:PassRole", Resource: "*" }] };
        assert.deepEqual(await runPolicy(rule, iamPolicy(doc)), []);
    });
});
