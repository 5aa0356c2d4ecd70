import { strict as assert } from "node:assert";
import { dockerConfigPasswords, registryAuthPasswords } from "../../../../policy/lib/decode/registryAuth";
import { generatedPassword } from "../../../helpers/policyFixtures";

describe("lib/decode: registryAuth", () => {
    const pw = generatedPassword();
    const auth = Buffer.from(`ci:${pw}`).toString("base64");

    it("reads a config.json's auths and a dockercfg map, auth decoded", () => {
        assert.deepEqual(registryAuthPasswords({ auths: { "registry.internal": { auth } } }), [{ name: "registry.internal password", value: pw }]);
        assert.deepEqual(registryAuthPasswords({ "registry.internal": { username: "ci", password: pw } }), [{ name: "registry.internal password", value: pw }]);
    });

    it("finds a config.json whole or written by a script line", () => {
        const config = JSON.stringify({ auths: { "registry.internal": { auth } } });
        assert.deepEqual(dockerConfigPasswords(config), [{ name: "registry.internal password", value: pw }]);
        assert.deepEqual(dockerConfigPasswords(`#!/bin/bash\nmkdir -p /root/.docker\necho '${config}' > /root/.docker/config.json\n`), [{ name: "registry.internal password", value: pw }]);
    });

    it("finds nothing in a config that uses a credential helper", () => {
        assert.equal(dockerConfigPasswords(JSON.stringify({ auths: { "registry.internal": {} }, credsStore: "ecr-login" })), undefined);
    });
});
