import { strict as assert } from "node:assert";
import { gzipSync } from "node:zlib";
import { disallowHardcodedSecretsInUserData as rule } from "../../../../policy/rules/ec2/disallowHardcodedSecretsInUserData";
import { T } from "../../../../policy/lib/types";
import { runPolicy, UNKNOWN, withProp } from "../../../helpers/policy";
import { ec2Instance, generatedPassword } from "../../../helpers/policyFixtures";

/** A fresh value per run: the repository holds no credential, not even a fake one. */
const pw = generatedPassword();

describe("rule: disallow-hardcoded-secrets-in-user-data", () => {
    it("passes user data without credentials", async () => {
        assert.deepEqual(await runPolicy(rule, ec2Instance()), []);
    });

    it("reports an exported password in instance user data", async () => {
        assert.deepEqual(await runPolicy(rule, withProp(ec2Instance(), "userData", `#!/bin/bash\nexport DB_PASSWORD=${pw}\n`)), [
            'userData assigns a literal to the password-like name "DB_PASSWORD"',
        ]);
    });

    it("decodes launch template user data before scanning", async () => {
        const userData = Buffer.from(`#!/bin/bash\nmysql -h db -u app --password=${pw}\n`).toString("base64");
        const template = { type: T.launchTemplate, name: "lt", props: { userData } };
        assert.equal((await runPolicy(rule, template)).length, 1);
    });

    it("decodes an instance's userDataBase64, gzip-compressed or not, before scanning", async () => {
        const script = `#!/bin/bash\nexport DB_PASSWORD=${pw}\n`;
        const expected = ['userDataBase64 assigns a literal to the password-like name "DB_PASSWORD"'];
        const plain = withProp(withProp(ec2Instance(), "userData", undefined), "userDataBase64", Buffer.from(script).toString("base64"));
        assert.deepEqual(await runPolicy(rule, plain), expected);
        const gzipped = withProp(plain, "userDataBase64", gzipSync(script).toString("base64"));
        assert.deepEqual(await runPolicy(rule, gzipped), expected);
        assert.deepEqual(await runPolicy(rule, withProp(plain, "userDataBase64", Buffer.from("#!/bin/bash\ndnf -y update\n").toString("base64"))), []);
    });

    it("does not report user data unknown during preview", async () => {
        assert.deepEqual(await runPolicy(rule, withProp(ec2Instance(), "userData", UNKNOWN.string)), []);
    });
});
