import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { evaluateResources, PolicyConfig, PolicyConfigError, resolvePolicyConfig } from "../../policy/evaluate";
import { policies } from "../../policy/pack";
import { UNKNOWN, withProp } from "../helpers/policy";
import { blueprintResources, lambdaFunction, rdsInstance, secret } from "../helpers/policyFixtures";
import { generatedPassword } from "../helpers/policyFixtures";
import { fixtureRoot } from "../helpers/stackPlan";

/** A fresh value per run: the repository holds no credential, not even a fake one. */
const pw = generatedPassword();

/** The policy configs the repository ships, whatever stacks a fork has. */
const SHIPPED_DIR = path.join(__dirname, "..", "..", "policy", "config");
/** The fixture project's: `small` holds deletion protection to advisory and backups to 1 day, `hardened` to mandatory and 14 days. */
const FIXTURE_DIR = path.join(fixtureRoot, "policy", "config");
const readConfig = (file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as PolicyConfig;
const loadConfig = (stack: "small" | "hardened") => readConfig(path.join(FIXTURE_DIR, `${stack}.json`));
const mandatory = (vs: { enforcementLevel: string }[]) => vs.filter((v) => v.enforcementLevel === "mandatory");
const asInput = (rs: ReturnType<typeof blueprintResources>) => rs.map((r) => ({ type: r.type, name: r.name ?? "r", props: r.props }));

describe("evaluate: evaluateResources", () => {
    it("finds no mandatory violation in the blueprint's resources with a hardened config", async () => {
        assert.deepEqual(mandatory(await evaluateResources(asInput(blueprintResources()), { config: loadConfig("hardened") })), []);
    });

    it("finds no mandatory violation in a small shape (1-day backups, no deletion protection) with a small stack's config", async () => {
        const dev = blueprintResources().map((r) =>
            r.type === "aws:rds/instance:Instance" ? withProp(withProp(r, "backupRetentionPeriod", 1), "deletionProtection", false) : r,
        );
        const violations = await evaluateResources(asInput(dev), { config: loadConfig("small") });
        assert.deepEqual(mandatory(violations), []);
        assert.ok(violations.some((v) => v.policy === "enable-database-deletion-protection" && v.enforcementLevel === "advisory"));
    });

    it("reports the secret without rotation as advisory, naming the secret", async () => {
        const violations = await evaluateResources(asInput([secret()]));
        assert.deepEqual(violations, [
            { policy: "configure-secret-rotation", resource: "orders-app-secret", message: "secret orders-app-secret has no SecretRotation", enforcementLevel: "advisory" },
        ]);
    });

    it("reports a public database as mandatory with the rule's message", async () => {
        const violations = await evaluateResources([{ type: "aws:rds/instance:Instance", name: "db", props: { ...rdsInstance().props, publiclyAccessible: true } }]);
        assert.deepEqual(violations, [
            { policy: "disallow-public-database", resource: "db", message: "publiclyAccessible is true", enforcementLevel: "mandatory" },
        ]);
    });

    it("applies a level from config as a string or an object, and \"all\"", async () => {
        const db = [{ type: "aws:rds/instance:Instance", name: "db", props: { ...rdsInstance().props, publiclyAccessible: true } }];
        assert.equal((await evaluateResources(db, { config: { "disallow-public-database": "advisory" } }))[0]!.enforcementLevel, "advisory");
        assert.equal((await evaluateResources(db, { config: { "disallow-public-database": { enforcementLevel: "disabled" } } })).length, 0);
        assert.equal((await evaluateResources(db, { config: { all: "advisory" } }))[0]!.enforcementLevel, "advisory");
        assert.equal((await evaluateResources(db, { config: { all: "advisory", "disallow-public-database": "mandatory" } }))[0]!.enforcementLevel, "mandatory");
    });

    it("reports remediate as mandatory, as the SDK does", async () => {
        const db = [{ type: "aws:rds/instance:Instance", name: "db", props: { ...rdsInstance().props, publiclyAccessible: true } }];
        assert.equal((await evaluateResources(db, { config: { "disallow-public-database": "remediate" } }))[0]!.enforcementLevel, "mandatory");
    });

    it("passes config knobs over the schema defaults", async () => {
        const db = [{ type: "aws:rds/instance:Instance", name: "db", props: { ...rdsInstance().props, backupRetentionPeriod: 7 } }];
        assert.equal((await evaluateResources(db)).length, 0);
        const violations = await evaluateResources(db, { config: { "configure-database-backup-retention": { minimumRetentionDays: 14 } } });
        assert.deepEqual(violations.map((v) => v.policy), ["configure-database-backup-retention"]);
    });

    it("unwraps serialized secret values before checking them", async () => {
        const fn = lambdaFunction();
        fn.props.environment = { variables: { DB_PASSWORD: { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: `${pw}` } } };
        const violations = await evaluateResources([{ type: fn.type, name: "fn", props: fn.props }]);
        assert.deepEqual(violations.map((v) => v.policy), ["disallow-hardcoded-secrets-in-lambda-environment"]);
    });

    it("runs on props unknown during preview without failing or flagging", async () => {
        const props = { ...rdsInstance().props, publiclyAccessible: UNKNOWN.boolean, storageEncrypted: UNKNOWN.boolean, password: undefined };
        assert.deepEqual(await evaluateResources([{ type: "aws:rds/instance:Instance", name: "db", props }]), []);
    });

    it("reports an advisory \"can't run\" when a rule reads an unknown value through the SDK proxy", async () => {
        const strict = {
            name: "enable-thing",
            description: "A test rule that reads props directly.",
            enforcementLevel: "mandatory" as const,
            severity: "low" as const,
            topics: ["test"],
            rationale: "test rule",
            validateResource: (args: { props: Record<string, unknown> }, report: (m: string) => void) => {
                if (args.props.enabled !== true) {
                    report("not enabled");
                }
            },
        };
        const violations = await evaluateResources([{ type: "x:y:Z", name: "z", props: { enabled: UNKNOWN.boolean } }], { policies: [strict] });
        assert.equal(violations.length, 1);
        assert.equal(violations[0]!.enforcementLevel, "advisory");
        assert.match(violations[0]!.message, /can't run policy enable-thing during preview/);
    });

    it("skips a rule that calls notApplicable, and names the rule when one throws", async () => {
        const rule = (validate: (args: { notApplicable: (r?: string) => never }) => void) => ({
            name: "require-thing",
            description: "A test rule.",
            enforcementLevel: "mandatory" as const,
            severity: "low" as const,
            topics: ["test"],
            rationale: "test rule",
            validateResource: validate,
        });
        const resources = [{ type: "x:y:Z", name: "z", props: {} }];
        assert.deepEqual(await evaluateResources(resources, { policies: [rule((args) => args.notApplicable("not here"))] }), []);
        await assert.rejects(
            evaluateResources(resources, { policies: [rule(() => { throw new TypeError("boom"); })] }),
            /policy require-thing failed on z: boom/,
        );
    });

    it("rejects config for unknown policies, invalid levels and mistyped knobs", () => {
        assert.throws(() => resolvePolicyConfig(policies, { "no-such-rule": "advisory" }), PolicyConfigError);
        assert.throws(() => resolvePolicyConfig(policies, { "disallow-public-database": "warn" as never }), /not one of/);
        assert.throws(() => resolvePolicyConfig(policies, { "configure-database-backup-retention": { minimumRetentionDays: "14" } }), /"14" does not match .*expected number/);
        assert.throws(() => resolvePolicyConfig(policies, { "configure-database-backup-retention": { minimumRetentionDays: 0 } }), /0 does not match .*>=1/);
        assert.throws(() => resolvePolicyConfig(policies, { "configure-database-backup-retention": { minimumRetentionDays: 7.5 } }), /7\.5 does not match .*int/);
        assert.throws(() => resolvePolicyConfig(policies, { "disallow-wildcard-resource": { allowedWildcardActions: [1] } }), /does not match .*expected string/);
        assert.throws(() => resolvePolicyConfig(policies, { "configure-database-backup-retention": { minimumDays: 14 } }), /unknown config property/);
    });

    it("ships policy configs that name only real policies, with valid levels and knobs", () => {
        const shipped = fs.readdirSync(SHIPPED_DIR).filter((f) => f.endsWith(".json"));
        assert.ok(shipped.length > 0, "policy/config/ holds no config");
        for (const file of shipped) {
            assert.doesNotThrow(() => resolvePolicyConfig(policies, readConfig(path.join(SHIPPED_DIR, file))), file);
        }
    });

    it("reads a knob from a stack's config", () => {
        const hardened = resolvePolicyConfig(policies, loadConfig("hardened")).find((p) => p.policy.name === "configure-database-backup-retention")!;
        assert.equal(hardened.config.minimumRetentionDays, 14);
    });
});
