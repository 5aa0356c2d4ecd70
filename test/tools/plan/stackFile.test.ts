import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ConfigError } from "../../../infra/config";
import { projectConfig, projectName, readStackFile, stackConfig } from "../../../tools/plan/stackFile";

/** A project folder of the test's own, with the files given. */
function project(files: Record<string, string>): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "stack-file-"));
    for (const [name, text] of Object.entries(files)) {
        fs.writeFileSync(path.join(root, name), text);
    }
    return root;
}

function refusal(fn: () => unknown): ConfigError {
    try {
        fn();
    } catch (err) {
        assert.ok(err instanceof ConfigError, `expected a ConfigError, got ${String(err)}`);
        return err;
    }
    assert.fail("expected the file to be refused");
}

describe("plan: stack files (tools/plan/stackFile.ts)", () => {
    it("hands every value over as a string, structured ones JSON-encoded, keys with their namespace", () => {
        const root = project({
            "Pulumi.yaml": "name: acme-orders\n",
            "Pulumi.qa.yaml": "config:\n  aws:region: us-east-1\n  acme-orders:dbMultiAz: true\n  acme-orders:tags:\n    team: orders\n  acme-orders:dbEngineVersion: '8.4'\n",
        });
        assert.equal(projectName(root), "acme-orders");
        assert.deepEqual(stackConfig("qa", root), {
            "aws:region": "us-east-1",
            "acme-orders:dbMultiAz": "true",
            "acme-orders:tags": '{"team":"orders"}',
            "acme-orders:dbEngineVersion": "8.4",
        });
    });

    it("marks a value the CLI stored with --secret (secure: <ciphertext>) as a secret key", () => {
        const root = project({ "Pulumi.qa.yaml": "config:\n  aws:region: us-east-1\n  acme-orders:alarmEmail:\n    secure: v1:abc\n  acme-orders:tags:\n    secure: team\n    owner: me\n" });
        const file = readStackFile("qa", root);
        assert.deepEqual(file.secretKeys, ["acme-orders:alarmEmail"]);
        assert.equal(file.config["acme-orders:alarmEmail"], "v1:abc");
        assert.equal(file.config["acme-orders:tags"], '{"secure":"team","owner":"me"}');
    });

    it("reads Pulumi.yaml's project-level config as the CLI applies it to every stack: value, default or a bare value", () => {
        const root = project({
            "Pulumi.yaml":
                "name: acme-orders\nconfig:\n  pulumi:disable-default-providers:\n    value:\n      - aws\n  acme-orders:dbName:\n    type: string\n    default: shop\n  logLevel: WARN\n",
        });
        assert.deepEqual(projectConfig(root), {
            "pulumi:disable-default-providers": '["aws"]',
            "acme-orders:dbName": "shop",
            "acme-orders:logLevel": "WARN",
        });
        assert.deepEqual(projectConfig(project({ "Pulumi.yaml": "name: acme-orders\n" })), {});
    });

    it("reads a stack file without settings as no settings", () => {
        assert.deepEqual(stackConfig("qa", project({ "Pulumi.qa.yaml": "# nothing yet\n" })), {});
    });

    it("refuses a YAML syntax error with the file's name and the line, as a configuration error", () => {
        const root = project({ "Pulumi.qa.yaml": "config:\n  aws:region: us-east-1\n   acme-orders:flowLogs: true\n" });
        const err = refusal(() => stackConfig("qa", root));
        assert.match(err.message, /^Pulumi\.qa\.yaml is not valid YAML at line \d+, column \d+: .+\. Fix: correct the file/);
        assert.equal(err.problems.length, 1);
    });

    it("refuses a Pulumi.yaml that is not valid YAML or has no name, naming it", () => {
        assert.match(refusal(() => projectName(project({ "Pulumi.yaml": "name: [acme\n" }))).message, /^Pulumi\.yaml is not valid YAML/);
        assert.match(refusal(() => projectName(project({ "Pulumi.yaml": "runtime: nodejs\n" }))).message, /^Pulumi\.yaml has no project name/);
    });

    it("refuses a config section that is not a map, naming the file", () => {
        const err = refusal(() => stackConfig("qa", project({ "Pulumi.qa.yaml": "config:\n  - aws:region: us-east-1\n" })));
        assert.match(err.message, /^Pulumi\.qa\.yaml: "config" must be a map of keys to values \(got a list\)/);
    });

    it("names the missing stack file", () => {
        assert.throws(() => stackConfig("qa", project({})), /no stack file Pulumi\.qa\.yaml/);
    });
});
