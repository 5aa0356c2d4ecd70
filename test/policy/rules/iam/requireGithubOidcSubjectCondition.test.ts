import { strict as assert } from "node:assert";
import { pinsOwner, requireGithubOidcSubjectCondition as rule } from "../../../../policy/rules/iam/requireGithubOidcSubjectCondition";
import { runPolicy, UNKNOWN, withProp } from "../../../helpers/policy";
import { githubOidcRole, githubOidcTrust, iamRole } from "../../../helpers/policyFixtures";

function withConditions(conditions: unknown) {
    const trust = githubOidcTrust();
    trust.Statement[0]!.Condition = conditions;
    return withProp(githubOidcRole(), "assumeRolePolicy", JSON.stringify(trust));
}

describe("rule: require-github-oidc-subject-condition", () => {
    it("passes a GitHub OIDC trust pinned to one repository's environment, and a Lambda trust", async () => {
        assert.deepEqual(await runPolicy(rule, githubOidcRole()), []);
        assert.deepEqual(await runPolicy(rule, iamRole()), []);
    });

    it("reports a trust with only the aud condition: any repository could assume the role", async () => {
        assert.deepEqual(await runPolicy(rule, withConditions({ StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" } })), [
            "assumeRolePolicy statement 0: trusts token.actions.githubusercontent.com with no token.actions.githubusercontent.com:sub condition: any repository on GitHub could assume the role",
        ]);
    });

    it("reports a sub condition that names no owner (\"repo:*\")", async () => {
        assert.deepEqual(await runPolicy(rule, withConditions({ StringLike: { "token.actions.githubusercontent.com:sub": "repo:*" } })), [
            'assumeRolePolicy statement 0: trusts token.actions.githubusercontent.com with token.actions.githubusercontent.com:sub "repo:*", which names no repository owner',
        ]);
    });

    it("passes a StringLike sub for every branch of one repository", async () => {
        assert.deepEqual(await runPolicy(rule, withConditions({ StringLike: { "token.actions.githubusercontent.com:sub": "repo:example-org/orders:*" } })), []);
    });

    it("tells owner-pinned subjects from open ones", () => {
        assert.equal(pinsOwner("repo:example-org/*"), true);
        assert.equal(pinsOwner("*"), false);
        assert.equal(pinsOwner("repo:*/orders:*"), false);
        assert.equal(pinsOwner("repository_owner_id:1234567:repository_id:7654321:environment:prod"), true);
        assert.equal(pinsOwner("repository_owner_id:*:environment:prod"), false);
    });

    it("does not report conditions unknown during preview", async () => {
        assert.deepEqual(await runPolicy(rule, withConditions(UNKNOWN.object)), []);
    });
});
