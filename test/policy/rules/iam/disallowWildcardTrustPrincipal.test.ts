import { strict as assert } from "node:assert";
import { disallowWildcardTrustPrincipal } from "../../../../policy/rules/iam/disallowWildcardTrustPrincipal";
import { runPolicy, UNKNOWN, withProp } from "../../../helpers/policy";
import { iamRole, proxyRole, vpcEndpoint } from "../../../helpers/policyFixtures";

const trust = (principal: unknown, extra: Record<string, unknown> = {}) => ({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole", ...extra }],
});

describe("rule: disallow-wildcard-trust-principal", () => {
    it("passes the blueprint's Lambda and RDS Proxy trust policies", async () => {
        assert.deepEqual(await runPolicy(disallowWildcardTrustPrincipal, iamRole()), []);
        assert.deepEqual(await runPolicy(disallowWildcardTrustPrincipal, proxyRole()), []);
    });

    it("reports Principal \"*\" in a JSON string trust policy", async () => {
        assert.deepEqual(await runPolicy(disallowWildcardTrustPrincipal, withProp(iamRole(), "assumeRolePolicy", JSON.stringify(trust("*")))), [
            'assumeRolePolicy statement 0: trusts Principal "*"',
        ]);
    });

    it("reports {\"AWS\": \"*\"} in an array, even with a condition", async () => {
        const doc = trust({ AWS: ["arn:aws:iam::123456789012:root", "*"] }, { Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc" } } });
        assert.deepEqual(await runPolicy(disallowWildcardTrustPrincipal, withProp(iamRole(), "assumeRolePolicy", doc)), [
            'assumeRolePolicy statement 0: trusts {"AWS": "*"}',
        ]);
    });

    it("reports Allow with NotPrincipal, which trusts everyone but the listed principals", async () => {
        const doc = { Statement: [{ Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "sts:AssumeRole" }] };
        assert.deepEqual(await runPolicy(disallowWildcardTrustPrincipal, withProp(iamRole(), "assumeRolePolicy", doc)), [
            "assumeRolePolicy statement 0: trusts every principal but the NotPrincipal ones (Allow with NotPrincipal)",
        ]);
        const deny = { Statement: [...trust({ Service: "lambda.amazonaws.com" }).Statement, { ...doc.Statement[0], Effect: "Deny" }] };
        assert.deepEqual(await runPolicy(disallowWildcardTrustPrincipal, withProp(iamRole(), "assumeRolePolicy", deny)), []);
    });

    it("does not report a Deny statement with Principal \"*\"", async () => {
        const doc = { Statement: [...trust({ Service: "lambda.amazonaws.com" }).Statement, { Effect: "Deny", Principal: "*", Action: "sts:AssumeRole" }] };
        assert.deepEqual(await runPolicy(disallowWildcardTrustPrincipal, withProp(iamRole(), "assumeRolePolicy", doc)), []);
    });

    it("does not read endpoint policies, where Principal \"*\" is scoped by conditions", async () => {
        assert.deepEqual(await runPolicy(disallowWildcardTrustPrincipal, vpcEndpoint()), []);
    });

    it("does not report a trust policy that is unknown during preview", async () => {
        assert.deepEqual(await runPolicy(disallowWildcardTrustPrincipal, withProp(iamRole(), "assumeRolePolicy", UNKNOWN.string)), []);
    });
});
