import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { LiveUsageError } from "../../../tools/live/errors";
import { liveSettings } from "../../../tools/live/settings";
import { FIXTURE_PROJECT, FIXTURE_REGION } from "../../helpers/fixtureValues";
import { fixtureRoot, fixtureSettings } from "../../helpers/stackPlan";

const env = { PULUMI_CONFIG_PASSPHRASE: "correct horse" };

function usageError(pattern: RegExp) {
    return (error: Error) => error instanceof LiveUsageError && pattern.test(error.message);
}

describe("live: settings", () => {
    it("deploys the stack's committed config under a live name, with the stack's policy config, into a local backend by default", () => {
        const written = fixtureSettings("small");
        const settings = liveSettings({ stack: "small", suffix: "abc123" }, env, fixtureRoot);
        assert.equal(settings.stackName, "small-live-abc123");
        assert.equal(settings.project, FIXTURE_PROJECT);
        assert.ok(written.dbInstanceClass, "the fixture stack sets dbInstanceClass");
        assert.deepEqual(settings.config[`${FIXTURE_PROJECT}:dbInstanceClass`], { value: written.dbInstanceClass, secret: false });
        assert.equal(settings.region, written["aws:region"]);
        assert.equal(settings.backendUrl, `file://${path.join(fixtureRoot, ".pulumi-live")}`);
        assert.equal(settings.policyPack, path.join(fixtureRoot, "policy"));
        assert.equal(settings.policyConfig, path.join(fixtureRoot, "policy", "config", "small.json"));
        assert.equal(settings.jwt, undefined);
    });

    it("takes the backend from --backend and the token from LIVE_TEST_JWT", () => {
        const settings = liveSettings({ stack: "hardened", suffix: "abc123", backend: "s3://bucket/live" }, { ...env, LIVE_TEST_JWT: "eyJ" }, fixtureRoot);
        assert.equal(settings.backendUrl, "s3://bucket/live");
        assert.equal(settings.jwt, "eyJ");
    });

    it("requires --stack", () => {
        assert.throws(() => liveSettings({ suffix: "abc123" }, env, fixtureRoot), usageError(/--stack is required/));
    });

    it("requires a committed stack file", () => {
        assert.throws(() => liveSettings({ stack: "staging", suffix: "abc123" }, env, fixtureRoot), usageError(/no stack file Pulumi\.staging\.yaml/));
    });

    it("requires PULUMI_CONFIG_PASSPHRASE, and says why", () => {
        assert.throws(() => liveSettings({ stack: "small", suffix: "abc123" }, {}, fixtureRoot), usageError(/PULUMI_CONFIG_PASSPHRASE is not set/));
        assert.throws(() => liveSettings({ stack: "small", suffix: "abc123" }, { PULUMI_CONFIG_PASSPHRASE: "" }, fixtureRoot), usageError(/PULUMI_CONFIG_PASSPHRASE/));
    });

    it("refuses a live stack name that would make resource names too long for this project", () => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), "live-settings-"));
        try {
            fs.writeFileSync(path.join(root, "Pulumi.yaml"), "name: orders-platform-blueprint\nruntime: nodejs\n");
            fs.writeFileSync(path.join(root, "Pulumi.staging.yaml"), `config:\n  aws:region: ${FIXTURE_REGION}\n`);
            assert.throws(
                () => liveSettings({ stack: "staging", suffix: "abc123" }, env, root),
                usageError(/the live stack name staging-live-abc123 does not fit[\s\S]*"orders-platform-blueprint-staging-live-abc123" 45 characters long; at most 41 fit/),
            );
        } finally {
            fs.rmSync(root, { recursive: true, force: true });
        }
    });

    it("requires the stack's policy config", () => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), "live-settings-"));
        try {
            fs.writeFileSync(path.join(root, "Pulumi.yaml"), `name: ${FIXTURE_PROJECT}\nruntime: nodejs\n`);
            fs.writeFileSync(path.join(root, "Pulumi.qa.yaml"), `config:\n  aws:region: ${FIXTURE_REGION}\n`);
            assert.throws(() => liveSettings({ stack: "qa", suffix: "abc123" }, env, root), usageError(/no policy config policy\/config\/qa\.json/));
        } finally {
            fs.rmSync(root, { recursive: true, force: true });
        }
    });
});
