import { strict as assert } from "node:assert";
import { fixturePlan, fixturePlanWith, fixtureSettings, single, type FixtureStack } from "../../helpers/stackPlan";

const INSTANCE = "aws:rds/instance:Instance";

for (const stack of ["small", "hardened"] as const) {
    describe(`component: Database (${stack})`, () => {
        it("is private, encrypted with the project's key and lets RDS manage the master password", async () => {
            const plan = await fixturePlan(stack);
            const db = single(plan, INSTANCE).inputs;
            const key = single(plan, "aws:kms/key:Key");
            assert.equal(db.publiclyAccessible, false);
            assert.equal(db.storageEncrypted, true);
            assert.match(String(db.kmsKeyId), new RegExp(`key/${key.name}`));
            assert.equal(db.manageMasterUserPassword, true);
            assert.equal(db.masterUserSecretKmsKeyId, db.kmsKeyId);
            assert.equal(db.password, undefined, "no password may pass through the program");
        });

        it("runs MySQL with IAM auth, TLS-only connections and log exports", async () => {
            const plan = await fixturePlan(stack);
            const db = single(plan, INSTANCE).inputs;
            assert.equal(db.engine, "mysql");
            assert.equal(db.iamDatabaseAuthenticationEnabled, true);
            assert.ok((db.enabledCloudwatchLogsExports as string[]).includes("error"));
            const params = single(plan, "aws:rds/parameterGroup:ParameterGroup").inputs;
            assert.equal(params.family, `mysql${String(db.engineVersion).split(".").slice(0, 2).join(".")}`);
            assert.deepEqual((params.parameters as { name: string; value: string }[]).find((p) => p.name === "require_secure_transport"), { name: "require_secure_transport", value: "1" });
            assert.equal(db.parameterGroupName, single(plan, "aws:rds/parameterGroup:ParameterGroup").name);
        });

        it("keeps the stack's backup retention, at least a day", async () => {
            const plan = await fixturePlan(stack);
            const days = Number(single(plan, INSTANCE).inputs.backupRetentionPeriod);
            assert.equal(days, Number(fixtureSettings(stack).dbBackupRetentionDays));
            assert.ok(days >= 1);
        });

        it("is autonamed and keeps the stack's name out of the parameter group's description, which cannot change in place", async () => {
            const plan = await fixturePlan(stack);
            assert.equal(single(plan, INSTANCE).inputs.identifier, undefined);
            assert.ok(!String(single(plan, "aws:rds/parameterGroup:ParameterGroup").inputs.description).includes(plan.project));
        });
    });
}

const settings = (stack: FixtureStack) => fixtureSettings(stack);

describe("component: Database hardening per stack", () => {
    it("is Multi-AZ, protected from deletion, snapshotted on delete and watched by Performance Insights when the stack says so", async () => {
        const plan = await fixturePlan("hardened");
        const db = single(plan, INSTANCE).inputs;
        assert.equal(db.multiAz, true);
        assert.equal(db.deletionProtection, true);
        assert.equal(db.skipFinalSnapshot, false);
        assert.match(String(db.finalSnapshotIdentifier), new RegExp(`^${plan.project}-${plan.stack}-db-final-[0-9a-f]{8}$`));
        assert.equal(db.backupRetentionPeriod, Number(settings("hardened").dbBackupRetentionDays));
        assert.equal(db.performanceInsightsEnabled, true);
        assert.equal(db.performanceInsightsKmsKeyId, db.kmsKeyId);
        assert.equal(db.applyImmediately, false);
    });

    it("stays cheap and disposable when the stack says so", async () => {
        const db = single(await fixturePlan("small"), INSTANCE).inputs;
        assert.equal(db.multiAz, false);
        assert.equal(db.deletionProtection, false);
        assert.equal(db.skipFinalSnapshot, true);
        assert.equal(db.performanceInsightsEnabled, false);
        assert.equal(db.applyImmediately, true);
        assert.equal(db.instanceClass, settings("small").dbInstanceClass);
    });
});

describe("component: Database lifecycle", () => {
    it("keeps automated backups after a destroy when the stack keeps a final snapshot, and drops them otherwise", async () => {
        assert.equal(single(await fixturePlan("hardened"), INSTANCE).inputs.deleteAutomatedBackups, false);
        assert.equal(single(await fixturePlan("small"), INSTANCE).inputs.deleteAutomatedBackups, true);
    });

    it("renames the final snapshot whenever the instance is replaced, so the replaced one's snapshot does not block a later destroy", async () => {
        const plan = await fixturePlan("hardened");
        const suffix = single(plan, "random:index/randomId:RandomId", "db-final-snapshot-suffix").inputs;
        const keepers = suffix.keepers as Record<string, string>;
        const instance = single(plan, INSTANCE).inputs;
        // Each of these forces RDS to create a new instance (terraform-provider-aws: ForceNew).
        assert.deepEqual(keepers, { engine: instance.engine, dbName: instance.dbName, username: instance.username, kmsKeyId: instance.kmsKeyId });
    });

    it("refuses in the preview any change that would replace a protected instance, which deletion protection alone stops too late", async () => {
        assert.equal(single(await fixturePlan("hardened"), INSTANCE).options.protect, true);
        assert.equal(single(await fixturePlan("small"), INSTANCE).options.protect, false);
    });

    it("turns on the slow query log, to a file, for the slowquery export", async () => {
        const plan = await fixturePlan("hardened");
        assert.ok((single(plan, INSTANCE).inputs.enabledCloudwatchLogsExports as string[]).includes("slowquery"));
        const params = single(plan, "aws:rds/parameterGroup:ParameterGroup").inputs.parameters as { name: string; value: string }[];
        assert.deepEqual(
            params.filter((p) => ["slow_query_log", "log_output"].includes(p.name)).map((p) => `${p.name}=${p.value}`).sort(),
            ["log_output=FILE", "slow_query_log=1"],
        );
    });

    it("names each stack's final snapshot uniquely, so destroying a re-created stack does not collide with the last one's", async () => {
        const [first, recreated] = [await fixturePlan("hardened"), await fixturePlanWith("hardened", {})];
        const snapshot = (plan: typeof first) => String(single(plan, INSTANCE).inputs.finalSnapshotIdentifier);
        assert.notEqual(snapshot(first), snapshot(recreated));
        assert.doesNotMatch(snapshot(first), /--|-$/, "RDS rejects consecutive or trailing hyphens");
    });

    it("lets RDS apply minor upgrades under a major version (a stack that names only the major)", async () => {
        for (const stack of ["small", "hardened"] as const) {
            const db = single(await fixturePlan(stack), INSTANCE).inputs;
            assert.match(String(db.engineVersion), /^\d+\.\d+$/);
            assert.equal(db.autoMinorVersionUpgrade, true, stack);
        }
    });

    it("turns automatic minor upgrades off when the stack pins a minor version, which RDS would otherwise upgrade past", async () => {
        const db = single(await fixturePlanWith("small", { dbEngineVersion: "8.4.6" }), INSTANCE).inputs;
        assert.equal(db.engineVersion, "8.4.6");
        assert.equal(db.autoMinorVersionUpgrade, false);
    });
});
