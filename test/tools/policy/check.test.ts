import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../../tools/policy/check";
import { blueprintResources, rdsInstance } from "../../helpers/policyFixtures";
import { fixtureRoot } from "../../helpers/stackPlan";

const ROOT = path.join(__dirname, "..", "..", "..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

/** The CLI in-process, as `npm run policy:check` runs it but without a process to start for each case. */
async function run(...args: string[]) {
    let stdout = "";
    let stderr = "";
    const code = await main(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
    return { code, stdout, stderr };
}

/** The CLI as a process: its exit code and streams. */
function spawn(...args: string[]) {
    const result = spawnSync(TSX, [path.join(ROOT, "tools", "policy", "check.ts"), ...args], { cwd: ROOT, encoding: "utf8" });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("check: npm run policy:check", function () {
    this.timeout(60_000);
    let dir: string;
    const write = (name: string, content: unknown) => {
        const file = path.join(dir, name);
        fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
        return file;
    };

    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "policy-check-"));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("prints [] JSON-compatible advisory findings and exits 0 for the blueprint's resources", async () => {
        const file = write("ok.json", blueprintResources().map((r) => ({ type: r.type, name: r.name, props: r.props })));
        // The fixture project's production-like config: mandatory deletion protection, 14-day backups.
        const { code, stdout } = await run(file, "--config", path.join(fixtureRoot, "policy", "config", "hardened.json"));
        assert.equal(code, 0);
        const violations = JSON.parse(stdout) as { enforcementLevel: string }[];
        assert.ok(Array.isArray(violations));
        assert.ok(violations.every((v) => v.enforcementLevel !== "mandatory"));
    });

    it("prints the violation and exits 1 for a public database", async () => {
        const file = write("bad.json", [{ type: "aws:rds/instance:Instance", name: "db", props: { ...rdsInstance().props, publiclyAccessible: true } }]);
        const { code, stdout } = await run(file);
        assert.equal(code, 1);
        assert.deepEqual(JSON.parse(stdout), [
            { policy: "disallow-public-database", resource: "db", message: "publiclyAccessible is true", enforcementLevel: "mandatory" },
        ]);
    });

    it("exits 0 when config makes the only violation advisory", async () => {
        const file = write("bad2.json", [{ type: "aws:rds/instance:Instance", name: "db", props: { ...rdsInstance().props, publiclyAccessible: true } }]);
        const config = write("advisory.json", { "disallow-public-database": "advisory" });
        const { code, stdout } = await run(file, `--config=${config}`);
        assert.equal(code, 0);
        assert.equal(JSON.parse(stdout)[0].enforcementLevel, "advisory");
    });

    it("exits 2 with a clear message for a missing file, invalid JSON or a wrong shape", async () => {
        const missing = await run(path.join(dir, "nope.json"));
        assert.equal(missing.code, 2);
        assert.match(missing.stderr, /cannot read resources file/);

        const invalid = await run(write("invalid.json", "[{"));
        assert.equal(invalid.code, 2);
        assert.match(invalid.stderr, /is not valid JSON/);

        const shape = await run(write("shape.json", [{ type: "rds", props: {} }]));
        assert.equal(shape.code, 2);
        assert.match(shape.stderr, /at 0\.type: a Pulumi type token/);
        assert.match(shape.stderr, /at 0\.name/);
        assert.equal(shape.stdout, "");
    });

    it("exits 2 for a config naming an unknown policy, and without arguments", async () => {
        const file = write("empty.json", []);
        const badConfig = await run(file, "--config", write("bad-config.json", { "no-such-rule": "advisory" }));
        assert.equal(badConfig.code, 2);
        assert.match(badConfig.stderr, /"no-such-rule", which is not a policy/);
        const noArgs = await run();
        assert.equal(noArgs.code, 2);
        assert.match(noArgs.stderr, /usage: npm run policy:check/);
    });

    it("as a process, exits with the verdict's code and prints the violations whole", () => {
        const file = write("bad3.json", [{ type: "aws:rds/instance:Instance", name: "db", props: { ...rdsInstance().props, publiclyAccessible: true } }]);
        const bad = spawn(file);
        assert.equal(bad.code, 1);
        assert.equal((JSON.parse(bad.stdout) as { policy: string }[])[0]?.policy, "disallow-public-database");
        const usage = spawn();
        assert.equal(usage.code, 2);
        assert.match(usage.stderr, /^policy:check: missing the resources file/);
    });
});
