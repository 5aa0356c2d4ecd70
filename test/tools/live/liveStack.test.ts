import { strict as assert } from "node:assert";
import { LiveUsageError } from "../../../tools/live/errors";
import { destroyPreparation, liveStackConfig, liveStackName, retainedResources, type StateResource } from "../../../tools/live/liveStack";
import { committedPlan, planWith } from "../../helpers/stackPlan";

const DB_URN = "urn:pulumi:prod-live-abc123::serverless-mysql::serverless-mysql:database:Database$aws:rds/instance:Instance::serverless-mysql-prod-live-abc123-db";

const KEY: StateResource = {
    urn: "urn:pulumi:prod-live-abc123::serverless-mysql::serverless-mysql:secrets:Secrets$aws:kms/key:Key::serverless-mysql-prod-live-abc123-key",
    type: "aws:kms/key:Key",
    retainOnDelete: true,
};

function instance(outputs: Record<string, unknown>): StateResource {
    return { urn: DB_URN, type: "aws:rds/instance:Instance", outputs };
}

describe("live: liveStack", () => {
    describe("liveStackName", () => {
        it("names the live stack after the committed one", () => {
            assert.equal(liveStackName("dev", "3f9a1c"), "dev-live-3f9a1c");
        });

        it("refuses suffixes and stack names that would make invalid or too long resource names", () => {
            assert.throws(() => liveStackName("dev", "ABC123"), LiveUsageError);
            assert.throws(() => liveStackName("dev", "abcdefghij"), /4 to 8 lower-case letters or digits/);
            assert.throws(() => liveStackName("Dev", "abc123"), /--stack must be a stack name/);
            assert.throws(() => liveStackName("dev--x", "abc123"), LiveUsageError);
        });

        it("gives every explicitly named resource a name other than the committed stack's (no collision with a deployed dev)", async function () {
            this.timeout(120_000);
            const committed = await committedPlan("dev");
            const live = await planWith("dev", undefined, { stack: liveStackName("dev", "abc123") });
            const names = (plan: typeof committed) =>
                plan.resources.map((r) => r.inputs.name).filter((name): name is string => typeof name === "string" && name.includes("serverless-mysql"));
            const liveNames = names(live);
            assert.ok(liveNames.length >= 3, `explicit names: ${liveNames.join(", ")}`);
            for (const name of liveNames) {
                assert.match(name, /serverless-mysql-dev-live-abc123/);
            }
            const shared = liveNames.filter((name) => names(committed).includes(name));
            assert.deepEqual(shared, []);
        });
    });

    describe("liveStackConfig", () => {
        it("copies every value as plain text, structured values JSON-encoded as the program reads them", () => {
            assert.deepEqual(liveStackConfig("dev", { "aws:region": "eu-west-1", "serverless-mysql:tags": '{"environment":"dev"}' }), {
                "aws:region": { value: "eu-west-1", secret: false },
                "serverless-mysql:tags": { value: '{"environment":"dev"}', secret: false },
            });
        });

        it("refuses a secret value, naming the key", () => {
            assert.throws(
                () => liveStackConfig("dev", { "aws:region": "eu-west-1", "serverless-mysql:apiKey": '{"secure":"v1:abc"}' }),
                (error: Error) => error instanceof LiveUsageError && /serverless-mysql:apiKey in Pulumi\.dev\.yaml is a secret/.test(error.message),
            );
        });
    });

    describe("destroyPreparation", () => {
        it("has nothing to do for dev's instance: no deletion protection, no final snapshot, nothing retained", () => {
            assert.equal(destroyPreparation("serverless-mysql", [instance({ deletionProtection: false, skipFinalSnapshot: true, deleteAutomatedBackups: true })]), undefined);
            assert.equal(destroyPreparation("serverless-mysql", []), undefined);
        });

        it("turns prod's guards off with an up of the guarded resources alone, applied at once", () => {
            const other: StateResource = { urn: "urn:pulumi:x::serverless-mysql::aws:lambda/function:Function::api", type: "aws:lambda/function:Function", outputs: { deletionProtection: true } };
            const preparation = destroyPreparation("serverless-mysql", [other, instance({ deletionProtection: true, skipFinalSnapshot: false, deleteAutomatedBackups: false }), KEY]);
            assert.deepEqual(preparation?.targets, [DB_URN, KEY.urn]);
            assert.deepEqual(preparation?.config, {
                "serverless-mysql:dbDeletionProtection": { value: "false", secret: false },
                "serverless-mysql:dbFinalSnapshot": { value: "false", secret: false },
                "serverless-mysql:dbApplyImmediately": { value: "true", secret: false },
            });
            assert.deepEqual(preparation?.changes, [
                "serverless-mysql-prod-live-abc123-db: deletion protection off, no final snapshot, automated backups deleted with it",
                "serverless-mysql-prod-live-abc123-key: deleted by destroy instead of kept",
            ]);
        });

        it("also lifts a final snapshot alone, which would outlive the run and cost storage", () => {
            const preparation = destroyPreparation("serverless-mysql", [instance({ deletionProtection: false, skipFinalSnapshot: false })]);
            assert.deepEqual(preparation?.changes, ["serverless-mysql-prod-live-abc123-db: no final snapshot"]);
        });

        it("lists what destroy would still leave behind", () => {
            assert.deepEqual(retainedResources([instance({}), KEY]), ["serverless-mysql-prod-live-abc123-key"]);
            assert.deepEqual(retainedResources([instance({})]), []);
        });

        it("sets config under which the prod program has no deletion guard and retains nothing", async function () {
            this.timeout(120_000);
            const guarded = await planWith("prod", undefined, { stack: "prod-live-abc123" });
            const db = (plan: typeof guarded) => plan.resources.find((r) => r.type === "aws:rds/instance:Instance");
            // The baseline: prod as committed has every guard this step exists for.
            assert.equal(db(guarded)?.inputs.deletionProtection, true);
            assert.ok(guarded.resources.some((r) => r.options.retainOnDelete), "prod retains its KMS key");

            const config = destroyPreparation("serverless-mysql", [instance({ deletionProtection: true })])?.config ?? {};
            const lifted = await planWith("prod", Object.fromEntries(Object.entries(config).map(([key, { value }]) => [key, value])), { stack: "prod-live-abc123" });
            assert.equal(db(lifted)?.inputs.deletionProtection, false);
            assert.equal(db(lifted)?.inputs.skipFinalSnapshot, true);
            assert.equal(db(lifted)?.inputs.deleteAutomatedBackups, true);
            assert.equal(db(lifted)?.inputs.applyImmediately, true);
            assert.deepEqual(
                lifted.resources.filter((r) => r.options.retainOnDelete || r.options.protect).map((r) => r.name),
                [],
            );
        });
    });
});
