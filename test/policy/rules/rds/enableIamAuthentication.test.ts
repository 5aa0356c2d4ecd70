import { strict as assert } from "node:assert";
import { enableIamAuthentication } from "../../../../policy/rules/rds/enableIamAuthentication";
import { runPolicy, UNKNOWN, withProp } from "../../../helpers/policy";
import { rdsCluster, rdsInstance } from "../../../helpers/policyFixtures";

describe("rule: enable-database-iam-authentication", () => {
    it("passes the blueprint's MySQL instance", async () => {
        assert.deepEqual(await runPolicy(enableIamAuthentication, rdsInstance()), []);
    });

    it("reports a MySQL instance without IAM authentication", async () => {
        assert.deepEqual(await runPolicy(enableIamAuthentication, withProp(rdsInstance(), "iamDatabaseAuthenticationEnabled", false)), [
            "the mysql instance does not set iamDatabaseAuthenticationEnabled: true",
        ]);
    });

    it("reports an Aurora MySQL cluster without IAM authentication", async () => {
        assert.equal((await runPolicy(enableIamAuthentication, withProp(rdsCluster(), "iamDatabaseAuthenticationEnabled", undefined))).length, 1);
    });

    it("ignores engines outside the configured list", async () => {
        const postgres = withProp(withProp(rdsInstance(), "engine", "postgres"), "iamDatabaseAuthenticationEnabled", false);
        assert.deepEqual(await runPolicy(enableIamAuthentication, postgres), []);
        assert.equal((await runPolicy(enableIamAuthentication, postgres, { engines: ["postgres"] })).length, 1);
    });

    it("does not report when the engine is unknown during preview", async () => {
        const unknownEngine = withProp(withProp(rdsInstance(), "engine", UNKNOWN.string), "iamDatabaseAuthenticationEnabled", false);
        assert.deepEqual(await runPolicy(enableIamAuthentication, unknownEngine), []);
    });
});
