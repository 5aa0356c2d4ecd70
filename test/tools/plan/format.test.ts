import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { formatPlanTable, planRows, redact } from "../../../tools/plan/format";
import { NO_OPTIONS as options } from "../../../tools/plan/mocks";

const secret = (value: unknown) => ({ [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig, value });

describe("plan: format", () => {
    it("hides the values of secret inputs at any depth but keeps their keys", () => {
        const generated = `pw-${Math.random().toString(36).slice(2)}`;
        const redacted = redact({ secretString: generated, nested: [{ password: generated, port: 3306 }] });
        assert.deepEqual(redacted, { secretString: "[secret]", nested: [{ password: "[secret]", port: 3306 }] });
        assert.ok(!JSON.stringify(redacted).includes(generated));
    });

    it("hides every value the engine marks secret, whatever its key", () => {
        const generated = `pw-${Math.random().toString(36).slice(2)}`;
        assert.deepEqual(redact({ connection: secret(generated), n: 1 }), { connection: "[secret]", n: 1 });
    });

    it("prints one aligned row per resource with its key inputs", () => {
        const table = formatPlanTable(
            planRows([
                { type: "aws:rds/proxy:Proxy", name: "p", inputs: { engineFamily: "MYSQL", requireTls: true, roleArn: "arn" }, options },
                { type: "aws:kms/key:Key", name: "key", inputs: { enableKeyRotation: true }, options },
            ]),
        );
        const lines = table.split("\n");
        assert.equal(lines.length, 3);
        assert.match(lines[0]!, /^TYPE\s+NAME\s+KEY INPUTS$/);
        assert.match(lines[1]!, /^aws:rds\/proxy:Proxy\s+p\s+engineFamily=MYSQL requireTls=true$/);
        assert.equal(lines[1]!.indexOf(" p "), lines[2]!.indexOf(" key") );
    });

    it("falls back to the first scalar inputs for types without a curated list", () => {
        const table = formatPlanTable(planRows([{ type: "aws:x/y:Z", name: "z", inputs: { a: "1", tags: "t", b: 2, c: { d: 1 } }, options }]));
        assert.match(table.split("\n")[1]!, /a=1 b=2$/);
    });
});
