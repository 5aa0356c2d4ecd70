import { strict as assert } from "node:assert";
import { cloudConfigPart, cloudInitPasswords } from "../../../../policy/lib/decode/cloudInit";
import { generatedPassword } from "../../../helpers/policyFixtures";

describe("lib/decode: cloudInit", () => {
    const pw = generatedPassword();

    it("reads plain-text passwords where cloud-init takes them", () => {
        const doc = [
            "#cloud-config",
            `password: ${pw}`,
            "chpasswd:",
            "  expire: false",
            "  list: |",
            `    root:${pw}`,
            "    ops:RANDOM",
            "  users:",
            `    - {name: admin, password: ${pw}, type: text}`,
            "    - {name: guest, type: RANDOM}",
            "users:",
            `  - {name: app, plain_text_passwd: ${pw}}`,
        ].join("\n");
        assert.deepEqual(
            cloudInitPasswords(doc)!.plain.map((p) => p.name),
            ["password", "chpasswd.list[0].password", "chpasswd.users[0].password", "users[0].plain_text_passwd"],
        );
    });

    it("reports crypt hashes as hashes, not as plain text", () => {
        const hash = "$6$rounds=4096$salt$" + "h".repeat(40);
        const doc = `#cloud-config\nusers:\n  - name: app\n    passwd: "${hash}"\nchpasswd:\n  users:\n    - {name: root, password: "${hash}", type: hash}\n`;
        assert.deepEqual(cloudInitPasswords(doc), { plain: [], hashes: ["chpasswd.users[0].password", "users[0].passwd"] });
    });

    it("finds the cloud-config part of multipart user data, and nothing in a shell script", () => {
        const multipart = `Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/cloud-config\n\n#cloud-config\npassword: ${pw}\n--b\nContent-Type: text/x-shellscript\n\n#!/bin/bash\necho hi\n--b--\n`;
        assert.equal(cloudInitPasswords(cloudConfigPart(multipart)!)!.plain.length, 1);
        assert.equal(cloudConfigPart("#!/bin/bash\necho hi\n"), undefined);
    });
});
