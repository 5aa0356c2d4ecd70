import { strict as assert } from "node:assert";
import { LiveUsageError } from "../../../tools/live/errors";
import { destroyPreparation, liveStackConfig, liveStackName, retainedResources, type StateResource } from "../../../tools/live/liveStack";
import { FIXTURE_PROJECT as PROJECT, FIXTURE_REGION as REGION } from "../../helpers/fixtureValues";
import { fixturePlan, fixturePlanWith } from "../../helpers/stackPlan";

const LIVE = `${PROJECT}-hardened-live-abc123`;
const DB_URN = `urn:pulumi:hardened-live-abc123::${PROJECT}::${PROJECT}:database:Database$aws:rds/instance:Instance::${LIVE}-db`;

const KEY: StateResource = {
    urn: `urn:pulumi:hardened-live-abc123::${PROJECT}::${PROJECT}:secrets:Secrets$aws:kms/key:Key::${LIVE}-key`,
    type: "aws:kms/key:Key",
    retainOnDelete: true,
};

function instance(outputs: Record<string, unknown>): StateResource {
    return { urn: DB_URN, type: "aws:rds/instance:Instance", outputs };
}

describe("live: liveStack", () => {
    describe("liveStackName", () => {
        it("names the live stack after the committed one", () => {
            assert.equal(liveStackName("small", "3f9a1c"), "small-live-3f9a1c");
        });

        it("refuses suffixes and stack names that would make invalid or too long resource names", () => {
            assert.throws(() => liveStackName("small", "ABC123"), LiveUsageError);
            assert.throws(() => liveStackName("small", "abcdefghij"), /4 to 8 lower-case letters or digits/);
            assert.throws(() => liveStackName("Small", "abc123"), /--stack must be a stack name/);
            assert.throws(() => liveStackName("small--x", "abc123"), LiveUsageError);
        });

        it("gives every explicitly named resource a name other than the committed stack's (no collision with a deployed stack)", async function () {
            this.timeout(120_000);
            const committed = await fixturePlan("small");
            const live = await fixturePlanWith("small", {}, { stack: liveStackName("small", "abc123") });
            const names = (plan: typeof committed) =>
                plan.resources.map((r) => r.inputs.name).filter((name): name is string => typeof name === "string" && name.includes(plan.project));
            const liveNames = names(live);
            assert.ok(liveNames.length >= 3, `explicit names: ${liveNames.join(", ")}`);
            for (const name of liveNames) {
                assert.ok(name.includes(`${live.project}-small-live-abc123`), name);
            }
            const shared = liveNames.filter((name) => names(committed).includes(name));
            assert.deepEqual(shared, []);
        });
    });

    describe("liveStackConfig", () => {
        it("copies every value as plain text, structured values JSON-encoded as the program reads them", () => {
            assert.deepEqual(liveStackConfig("small", { "aws:region": REGION, [`${PROJECT}:tags`]: '{"environment":"small"}' }), {
                "aws:region": { value: REGION, secret: false },
                [`${PROJECT}:tags`]: { value: '{"environment":"small"}', secret: false },
            });
        });

        it("refuses a secret value, naming the key", () => {
            assert.throws(
                () => liveStackConfig("small", { "aws:region": REGION, [`${PROJECT}:apiKey`]: '{"secure":"v1:abc"}' }),
                (error: Error) => error instanceof LiveUsageError && error.message.startsWith(`${PROJECT}:apiKey in Pulumi.small.yaml is a secret`),
            );
        });
    });

    describe("destroyPreparation", () => {
        it("has nothing to do for an unguarded instance: no deletion protection, no final snapshot, nothing retained", () => {
            assert.equal(destroyPreparation(PROJECT, [instance({ deletionProtection: false, skipFinalSnapshot: true, deleteAutomatedBackups: true })]), undefined);
            assert.equal(destroyPreparation(PROJECT, []), undefined);
        });

        it("turns a guarded stack's guards off with an up of the guarded resources alone, applied at once", () => {
            const other: StateResource = { urn: `urn:pulumi:x::${PROJECT}::aws:lambda/function:Function::api`, type: "aws:lambda/function:Function", outputs: { deletionProtection: true } };
            const preparation = destroyPreparation(PROJECT, [other, instance({ deletionProtection: true, skipFinalSnapshot: false, deleteAutomatedBackups: false }), KEY]);
            assert.deepEqual(preparation?.targets, [DB_URN, KEY.urn]);
            assert.deepEqual(preparation?.config, {
                [`${PROJECT}:dbDeletionProtection`]: { value: "false", secret: false },
                [`${PROJECT}:dbFinalSnapshot`]: { value: "false", secret: false },
                [`${PROJECT}:dbApplyImmediately`]: { value: "true", secret: false },
            });
            assert.deepEqual(preparation?.changes, [
                `${LIVE}-db: deletion protection off, no final snapshot, automated backups deleted with it`,
                `${LIVE}-key: deleted by destroy instead of kept`,
            ]);
        });

        it("also lifts a final snapshot alone, which would outlive the run and cost storage", () => {
            const preparation = destroyPreparation(PROJECT, [instance({ deletionProtection: false, skipFinalSnapshot: false })]);
            assert.deepEqual(preparation?.changes, [`${LIVE}-db: no final snapshot`]);
        });

        it("lists what destroy would still leave behind", () => {
            assert.deepEqual(retainedResources([instance({}), KEY]), [`${LIVE}-key`]);
            assert.deepEqual(retainedResources([instance({})]), []);
        });

        it("sets config under which a guarded program has no deletion guard and retains nothing", async function () {
            this.timeout(120_000);
            // The guards set here, not taken from a stack file: they are what this step exists for.
            const guards = { dbDeletionProtection: "true", dbFinalSnapshot: "true", dbApplyImmediately: "false" };
            const guarded = await fixturePlanWith("hardened", guards, { stack: "hardened-live-abc123" });
            const db = (plan: typeof guarded) => plan.resources.find((r) => r.type === "aws:rds/instance:Instance");
            assert.equal(db(guarded)?.inputs.deletionProtection, true);
            assert.ok(guarded.resources.some((r) => r.options.retainOnDelete), "a stack keeping its final snapshot retains its KMS key");

            const config = destroyPreparation(guarded.project, [instance({ deletionProtection: true })])?.config ?? {};
            const lifted = await fixturePlanWith("hardened", { ...guards, ...Object.fromEntries(Object.entries(config).map(([key, { value }]) => [key, value])) }, { stack: "hardened-live-abc123" });
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
