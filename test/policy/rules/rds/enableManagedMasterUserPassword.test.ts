import { strict as assert } from "node:assert";
import { enableManagedMasterUserPassword } from "../../../../policy/rules/rds/enableManagedMasterUserPassword";
import { runPolicy, UNKNOWN, withProp } from "../../../helpers/policy";
import { rdsCluster, rdsInstance } from "../../../helpers/policyFixtures";

describe("rule: enable-managed-master-user-password", () => {
    it("passes the blueprint's instance", async () => {
        assert.deepEqual(await runPolicy(enableManagedMasterUserPassword, rdsInstance()), []);
    });

    it("reports an instance when manageMasterUserPassword is unset", async () => {
        assert.deepEqual(await runPolicy(enableManagedMasterUserPassword, withProp(rdsInstance(), "manageMasterUserPassword", undefined)), [
            "the instance does not set manageMasterUserPassword: true",
        ]);
    });

    it("reports a cluster when manageMasterUserPassword is false", async () => {
        assert.equal((await runPolicy(enableManagedMasterUserPassword, withProp(rdsCluster(), "manageMasterUserPassword", false))).length, 1);
    });

    it("skips read replicas, which take the source's credentials", async () => {
        const replica = withProp(withProp(rdsInstance(), "manageMasterUserPassword", undefined), "replicateSourceDb", "orders-db");
        assert.deepEqual(await runPolicy(enableManagedMasterUserPassword, replica), []);
    });

    it("does not report an unknown value during preview", async () => {
        assert.deepEqual(await runPolicy(enableManagedMasterUserPassword, withProp(rdsInstance(), "manageMasterUserPassword", UNKNOWN.boolean)), []);
    });
});
