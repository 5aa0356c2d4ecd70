import { strict as assert } from "node:assert";
import { enableStorageEncryption } from "../../../../policy/rules/rds/enableStorageEncryption";
import { runPolicy, UNKNOWN, withProp } from "../../../helpers/policy";
import { rdsCluster, rdsInstance } from "../../../helpers/policyFixtures";

describe("rule: enable-database-storage-encryption", () => {
    it("passes the blueprint's instance and cluster", async () => {
        assert.deepEqual(await runPolicy(enableStorageEncryption, rdsInstance()), []);
        assert.deepEqual(await runPolicy(enableStorageEncryption, rdsCluster()), []);
    });

    it("reports an instance when storageEncrypted is unset", async () => {
        assert.deepEqual(await runPolicy(enableStorageEncryption, withProp(rdsInstance(), "storageEncrypted", undefined)), [
            "the instance does not set storageEncrypted: true",
        ]);
    });

    it("reports a cluster when storageEncrypted is false", async () => {
        assert.deepEqual(await runPolicy(enableStorageEncryption, withProp(rdsCluster(), "storageEncrypted", false)), [
            "the cluster does not set storageEncrypted: true",
        ]);
    });

    it("does not report an unknown value during preview", async () => {
        assert.deepEqual(await runPolicy(enableStorageEncryption, withProp(rdsInstance(), "storageEncrypted", UNKNOWN.boolean)), []);
    });
});
