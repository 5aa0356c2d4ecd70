import { strict as assert } from "node:assert";
import { committedPlan, planWith, single } from "../../helpers/stackPlan";

const INSTANCE = "aws:rds/instance:Instance";

for (const stack of ["dev", "prod"]) {
    describe(`component: Database (${stack})`, () => {
        it("is private, encrypted with the project's key and lets RDS manage the master password", async () => {
            const plan = await committedPlan(stack);
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
            const plan = await committedPlan(stack);
            const db = single(plan, INSTANCE).inputs;
            assert.equal(db.engine, "mysql");
            assert.equal(db.iamDatabaseAuthenticationEnabled, true);
            assert.ok((db.enabledCloudwatchLogsExports as string[]).includes("error"));
            const params = single(plan, "aws:rds/parameterGroup:ParameterGroup").inputs;
            assert.equal(params.family, `mysql${String(db.engineVersion).split(".").slice(0, 2).join(".")}`);
            assert.deepEqual((params.parameters as { name: string; value: string }[]).find((p) => p.name === "require_secure_transport"), { name: "require_secure_transport", value: "1" });
            assert.equal(db.parameterGroupName, single(plan, "aws:rds/parameterGroup:ParameterGroup").name);
        });

        it("keeps at least a day of backups", async () => {
            const plan = await committedPlan(stack);
            assert.ok(Number(single(plan, INSTANCE).inputs.backupRetentionPeriod) >= 1);
        });
    });
}

describe("component: Database hardening per environment", () => {
    it("is Multi-AZ, protected from deletion, snapshotted on delete and watched by Performance Insights in prod", async () => {
        const db = single(await committedPlan("prod"), INSTANCE).inputs;
        assert.equal(db.multiAz, true);
        assert.equal(db.deletionProtection, true);
        assert.equal(db.skipFinalSnapshot, false);
        assert.match(String(db.finalSnapshotIdentifier), /^serverless-mysql-prod-db-final-[0-9a-f]{8}$/);
        assert.equal(db.backupRetentionPeriod, 14);
        assert.equal(db.performanceInsightsEnabled, true);
        assert.equal(db.performanceInsightsKmsKeyId, db.kmsKeyId);
        assert.equal(db.applyImmediately, false);
    });

    it("stays cheap and disposable in dev", async () => {
        const db = single(await committedPlan("dev"), INSTANCE).inputs;
        assert.equal(db.multiAz, false);
        assert.equal(db.deletionProtection, false);
        assert.equal(db.skipFinalSnapshot, true);
        assert.equal(db.performanceInsightsEnabled, false);
        assert.equal(db.applyImmediately, true);
        assert.equal(db.instanceClass, "db.t4g.micro");
    });
});

describe("component: Database lifecycle", () => {
    it("keeps automated backups after a destroy in prod, which keeps a final snapshot, and drops them in dev", async () => {
        assert.equal(single(await committedPlan("prod"), INSTANCE).inputs.deleteAutomatedBackups, false);
        assert.equal(single(await committedPlan("dev"), INSTANCE).inputs.deleteAutomatedBackups, true);
    });

    it("renames the final snapshot whenever the instance is replaced, so the replaced one's snapshot does not block a later destroy", async () => {
        const plan = await committedPlan("prod");
        const suffix = single(plan, "random:index/randomId:RandomId", "-db-final-snapshot-suffix").inputs;
        const keepers = suffix.keepers as Record<string, string>;
        const instance = single(plan, INSTANCE).inputs;
        // Each of these forces RDS to create a new instance (terraform-provider-aws: ForceNew).
        assert.deepEqual(keepers, { engine: instance.engine, dbName: instance.dbName, username: instance.username, kmsKeyId: instance.kmsKeyId });
    });

    it("refuses in the preview any change that would replace the prod instance, which deletion protection alone stops too late", async () => {
        assert.equal(single(await committedPlan("prod"), INSTANCE).options.protect, true);
        assert.equal(single(await committedPlan("dev"), INSTANCE).options.protect, false);
    });

    it("turns on the slow query log, to a file, for the slowquery export both stacks publish", async () => {
        const params = single(await committedPlan("prod"), "aws:rds/parameterGroup:ParameterGroup").inputs.parameters as { name: string; value: string }[];
        assert.deepEqual(
            params.filter((p) => ["slow_query_log", "log_output"].includes(p.name)).map((p) => `${p.name}=${p.value}`).sort(),
            ["log_output=FILE", "slow_query_log=1"],
        );
    });

    it("names each stack's final snapshot uniquely, so destroying a re-created stack does not collide with the last one's", async () => {
        const [first, recreated] = [await committedPlan("prod"), await planWith("prod", {})];
        const snapshot = (plan: typeof first) => String(single(plan, INSTANCE).inputs.finalSnapshotIdentifier);
        assert.notEqual(snapshot(first), snapshot(recreated));
        assert.doesNotMatch(snapshot(first), /--|-$/, "RDS rejects consecutive or trailing hyphens");
    });

    it("lets RDS apply minor upgrades under a major version (the committed stacks)", async () => {
        for (const stack of ["dev", "prod"]) {
            const db = single(await committedPlan(stack), INSTANCE).inputs;
            assert.equal(db.engineVersion, "8.4");
            assert.equal(db.autoMinorVersionUpgrade, true, stack);
        }
    });

    it("turns automatic minor upgrades off when the stack pins a minor version, which RDS would otherwise upgrade past", async () => {
        const db = single(await planWith("dev", { "serverless-mysql:dbEngineVersion": "8.4.6" }), INSTANCE).inputs;
        assert.equal(db.engineVersion, "8.4.6");
        assert.equal(db.autoMinorVersionUpgrade, false);
    });
});
