import { strict as assert } from "node:assert";
import { ecsEngineAuthPasswords } from "../../../../policy/lib/decode/ecsAgent";
import { generatedPassword } from "../../../helpers/policyFixtures";

describe("lib/decode: ecsAgent", () => {
    const pw = generatedPassword();

    it("reads the password of ECS_ENGINE_AUTH_TYPE=docker data", () => {
        const data = JSON.stringify({ "https://index.docker.io/v1/": { username: "ci", password: pw, email: "ci@example.com" } });
        assert.deepEqual(ecsEngineAuthPasswords(`echo 'ECS_ENGINE_AUTH_DATA=${data}' >> /etc/ecs/ecs.config`), [{ name: "https://index.docker.io/v1/ password", value: pw }]);
    });

    it("decodes the auth of ECS_ENGINE_AUTH_TYPE=dockercfg data", () => {
        const data = JSON.stringify({ "registry.internal": { auth: Buffer.from(`ci:${pw}`).toString("base64"), email: "ci@example.com" } });
        assert.deepEqual(ecsEngineAuthPasswords(`ECS_ENGINE_AUTH_DATA=${data}`), [{ name: "registry.internal password", value: pw }]);
    });

    it("finds nothing without auth data or with data that is not JSON", () => {
        assert.deepEqual(ecsEngineAuthPasswords("ECS_CLUSTER=orders"), []);
        assert.deepEqual(ecsEngineAuthPasswords("ECS_ENGINE_AUTH_DATA={not json}"), []);
    });
});
