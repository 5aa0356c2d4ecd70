import { strict as assert } from "node:assert";
import { configureBackupRetention } from "../../../../policy/rules/rds/configureBackupRetention";
import { runPolicy, UNKNOWN, withProp } from "../../../helpers/policy";
import { rdsInstance } from "../../../helpers/policyFixtures";

describe("rule: configure-database-backup-retention", () => {
    it("passes the blueprint's prod retention (14 days) with the prod minimum", async () => {
        assert.deepEqual(await runPolicy(configureBackupRetention, rdsInstance(), { minimumRetentionDays: 14 }), []);
    });

    it("passes the dev retention (1 day) with the default minimum", async () => {
        assert.deepEqual(await runPolicy(configureBackupRetention, withProp(rdsInstance(), "backupRetentionPeriod", 1)), []);
    });

    it("reports disabled backups (0 days)", async () => {
        assert.deepEqual(await runPolicy(configureBackupRetention, withProp(rdsInstance(), "backupRetentionPeriod", 0)), [
            "the instance keeps backups for 0 day(s); the minimum is 1",
        ]);
    });

    it("reports a retention below the configured minimum", async () => {
        assert.equal((await runPolicy(configureBackupRetention, withProp(rdsInstance(), "backupRetentionPeriod", 7), { minimumRetentionDays: 14 })).length, 1);
    });

    it("counts an unset retention as the AWS default of 1 day", async () => {
        const unset = withProp(rdsInstance(), "backupRetentionPeriod", undefined);
        assert.deepEqual(await runPolicy(configureBackupRetention, unset), []);
        assert.equal((await runPolicy(configureBackupRetention, unset, { minimumRetentionDays: 7 })).length, 1);
    });

    it("does not report an unknown value during preview", async () => {
        assert.deepEqual(await runPolicy(configureBackupRetention, withProp(rdsInstance(), "backupRetentionPeriod", UNKNOWN.number)), []);
    });
});
