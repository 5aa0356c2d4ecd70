import { strict as assert } from "node:assert";
import { disallowPublicAccess } from "../../../../policy/rules/rds/disallowPublicAccess";
import { runPolicy, UNKNOWN, withProp } from "../../../helpers/policy";
import { rdsInstance, rdsProxy } from "../../../helpers/policyFixtures";

describe("rule: disallow-public-database", () => {
    it("passes the blueprint's instance", async () => {
        assert.deepEqual(await runPolicy(disallowPublicAccess, rdsInstance()), []);
    });

    it("reports an instance when publiclyAccessible is true", async () => {
        assert.deepEqual(await runPolicy(disallowPublicAccess, withProp(rdsInstance(), "publiclyAccessible", true)), ["publiclyAccessible is true"]);
    });

    it("reports an Aurora cluster instance when publiclyAccessible is true", async () => {
        const member = { type: "aws:rds/clusterInstance:ClusterInstance", name: "member", props: { clusterIdentifier: "orders", publiclyAccessible: true } };
        assert.deepEqual(await runPolicy(disallowPublicAccess, member), ["publiclyAccessible is true"]);
    });

    it("passes when publiclyAccessible is unset (the AWS default in a VPC is private)", async () => {
        assert.deepEqual(await runPolicy(disallowPublicAccess, withProp(rdsInstance(), "publiclyAccessible", undefined)), []);
    });

    it("does not throw or report when publiclyAccessible is unknown during preview", async () => {
        assert.deepEqual(await runPolicy(disallowPublicAccess, withProp(rdsInstance(), "publiclyAccessible", UNKNOWN.boolean)), []);
    });

    it("ignores other resource types", async () => {
        assert.deepEqual(await runPolicy(disallowPublicAccess, withProp(rdsProxy(), "publiclyAccessible", true)), []);
    });
});
