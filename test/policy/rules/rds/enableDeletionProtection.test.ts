import { strict as assert } from "node:assert";
import { enableDeletionProtection } from "../../../../policy/rules/rds/enableDeletionProtection";
import { runPolicy, UNKNOWN, withProp } from "../../../helpers/policy";
import { rdsCluster, rdsInstance } from "../../../helpers/policyFixtures";

describe("rule: enable-database-deletion-protection", () => {
    it("passes the blueprint's prod instance", async () => {
        assert.deepEqual(await runPolicy(enableDeletionProtection, rdsInstance()), []);
    });

    it("reports an instance when deletionProtection is false (dev config makes this advisory)", async () => {
        assert.deepEqual(await runPolicy(enableDeletionProtection, withProp(rdsInstance(), "deletionProtection", false)), [
            "the instance does not set deletionProtection: true",
        ]);
    });

    it("reports a cluster when deletionProtection is unset", async () => {
        assert.equal((await runPolicy(enableDeletionProtection, withProp(rdsCluster(), "deletionProtection", undefined))).length, 1);
    });

    it("does not report an unknown value during preview", async () => {
        assert.deepEqual(await runPolicy(enableDeletionProtection, withProp(rdsInstance(), "deletionProtection", UNKNOWN.boolean)), []);
    });
});
