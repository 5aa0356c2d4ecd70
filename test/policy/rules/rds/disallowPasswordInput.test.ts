import { strict as assert } from "node:assert";
import { disallowPasswordInput } from "../../../../policy/rules/rds/disallowPasswordInput";
import { runPolicy, UNKNOWN, withProp } from "../../../helpers/policy";
import { rdsCluster, rdsInstance } from "../../../helpers/policyFixtures";
import { generatedPassword } from "../../../helpers/policyFixtures";

/** A fresh value per run: the repository holds no credential, not even a fake one. */
const pw = generatedPassword();

describe("rule: disallow-database-password-input", () => {
    it("passes the blueprint's instance and an Aurora cluster without passwords", async () => {
        assert.deepEqual(await runPolicy(disallowPasswordInput, rdsInstance()), []);
        assert.deepEqual(await runPolicy(disallowPasswordInput, rdsCluster()), []);
    });

    it("reports an instance with a literal password", async () => {
        assert.deepEqual(await runPolicy(disallowPasswordInput, withProp(rdsInstance(), "password", `${pw}`)), [
            "the instance sets password; use manageMasterUserPassword instead",
        ]);
    });

    it("reports an instance whose password comes from another resource (unknown during preview)", async () => {
        assert.equal((await runPolicy(disallowPasswordInput, withProp(rdsInstance(), "password", UNKNOWN.string))).length, 1);
    });

    it("reports a cluster with masterPassword and one with the write-only masterPasswordWo", async () => {
        assert.deepEqual(await runPolicy(disallowPasswordInput, withProp(rdsCluster(), "masterPassword", "x")), [
            "the cluster sets masterPassword; use manageMasterUserPassword instead",
        ]);
        assert.equal((await runPolicy(disallowPasswordInput, withProp(rdsCluster(), "masterPasswordWo", "x"))).length, 1);
    });
});
