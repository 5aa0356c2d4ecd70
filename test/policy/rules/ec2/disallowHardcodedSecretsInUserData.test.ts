import { strict as assert } from "node:assert";
import { gzipSync } from "node:zlib";
import { disallowHardcodedSecretsInUserData as rule } from "../../../../policy/rules/ec2/disallowHardcodedSecretsInUserData";
import { T } from "../../../../policy/lib/types";
import { runPolicy, UNKNOWN, withProp } from "../../../helpers/policy";
import { ec2Instance, generatedPassword } from "../../../helpers/policyFixtures";
import { TOKEN_GENERATORS } from "../../../helpers/policyTokens";

/** A fresh value per run: the repository holds no credential, not even a fake one. */
const pw = generatedPassword();

describe("rule: disallow-hardcoded-secrets-in-user-data", () => {
    it("passes user data without credentials", async () => {
        assert.deepEqual(await runPolicy(rule, ec2Instance()), []);
    });

    it("reports an exported password in instance user data", async () => {
        assert.deepEqual(await runPolicy(rule, withProp(ec2Instance(), "userData", `#!/bin/bash\nexport DB_PASSWORD=${pw}\n`)), [
            'userData runs a command whose "DB_PASSWORD" has a password-like name and holds a literal value',
        ]);
    });

    it("decodes launch template user data before scanning", async () => {
        const userData = Buffer.from(`#!/bin/bash\nmysql -h db -u app --password=${pw}\n`).toString("base64");
        const template = { type: T.launchTemplate, name: "lt", props: { userData } };
        assert.equal((await runPolicy(rule, template)).length, 1);
    });

    it("decodes an instance's userDataBase64, gzip-compressed or not, before scanning", async () => {
        const script = `#!/bin/bash\nexport DB_PASSWORD=${pw}\n`;
        const expected = ['userDataBase64 runs a command whose "DB_PASSWORD" has a password-like name and holds a literal value'];
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

describe("rule: disallow-hardcoded-secrets-in-user-data (formats, inline assignments, cloud-config)", () => {
    it("reports a GitHub token in gzip+base64 user data", async () => {
        const script = `#!/bin/bash\ngit clone https://github.com/example-org/orders.git --config http.extraHeader="Authorization: Bearer ${TOKEN_GENERATORS["github-pat"]!()}"\n`;
        const instance = withProp(withProp(ec2Instance(), "userData", undefined), "userDataBase64", gzipSync(script).toString("base64"));
        const messages = await runPolicy(rule, instance);
        assert.equal(messages.length, 1);
        assert.match(messages[0]!, /^userDataBase64 contains a GitHub token .*\(secretlint: github\)$/);
    });

    it("reports docker run -e DB_PASSWORD=... in the middle of a line, not -e DB_PASSWORD=$VAR", async () => {
        const line = (value: string) => `#!/bin/bash\ndocker run -d -e DB_HOST=proxy -e DB_PASSWORD=${value} orders:latest\n`;
        assert.deepEqual(await runPolicy(rule, withProp(ec2Instance(), "userData", line(pw))), [
            'userData runs a command whose "DB_PASSWORD" has a password-like name and holds a literal value',
        ]);
        assert.deepEqual(await runPolicy(rule, withProp(ec2Instance(), "userData", line('"$(aws secretsmanager get-secret-value --secret-id orders)"'))), []);
    });

    it("reports a cloud-config password line, not a cloud-config without one", async () => {
        const config = (extra: string) => `#cloud-config\nssh_pwauth: false\n${extra}runcmd:\n  - systemctl start orders\n`;
        assert.deepEqual(await runPolicy(rule, withProp(ec2Instance(), "userData", config(`password: ${pw}\n`))), [
            'userData holds a cloud-init document whose "password" has a password-like name and holds a literal value',
        ]);
        assert.deepEqual(await runPolicy(rule, withProp(ec2Instance(), "userData", config(""))), []);
    });
});

describe("rule: disallow-hardcoded-secrets-in-user-data (cloud-init, ECS agent, shell; issue 20)", () => {
    const template = (userData: string) => ({ type: T.launchTemplate, name: "ecs-hosts", props: { userData: Buffer.from(userData).toString("base64") } });

    it("reports registry credentials an ECS host writes for its agent, and passes an agent config without them", async () => {
        const auth = JSON.stringify({ "https://index.docker.io/v1/": { username: "ci", password: pw, email: "ci@example.com" } });
        const script = (extra: string) => `#!/bin/bash\ncat <<'EOF' >> /etc/ecs/ecs.config\nECS_CLUSTER=orders\n${extra}EOF\n`;
        const messages = await runPolicy(rule, template(script(`ECS_ENGINE_AUTH_TYPE=docker\nECS_ENGINE_AUTH_DATA=${auth}\n`)));
        assert.deepEqual(messages, ['userData sets ECS_ENGINE_AUTH_DATA whose "https://index.docker.io/v1/ password" has a password-like name and holds a literal value']);
        assert.deepEqual(await runPolicy(rule, template(script(""))), []);
    });

    it("reports a cloud-init user's plain-text password and a password hash, not a generated one", async () => {
        const config = (users: string) => `#cloud-config\nusers:\n${users}`;
        assert.deepEqual(await runPolicy(rule, withProp(ec2Instance(), "userData", config(`  - name: app\n    plain_text_passwd: ${pw}\n`))), [
            'userData holds a cloud-init document whose "users[0].plain_text_passwd" has a password-like name and holds a literal value',
        ]);
        const [hash] = await runPolicy(rule, withProp(ec2Instance(), "userData", config(`  - name: app\n    hashed_passwd: "$6$${pw}$${"h".repeat(43)}"\n`)));
        assert.match(hash!, /"users\[0\]\.hashed_passwd" is a password hash/);
        assert.deepEqual(await runPolicy(rule, withProp(ec2Instance(), "userData", `#cloud-config\nchpasswd:\n  users:\n    - {name: app, type: RANDOM}\n`)), []);
    });

    it("reports curl -u and docker login -p, not docker login --password-stdin", async () => {
        for (const line of [`curl -fsS -u deploy:${pw} https://artifacts.internal/app.tgz -o /tmp/app.tgz`, `docker login -u ci -p ${pw} registry.internal`]) {
            assert.deepEqual(await runPolicy(rule, withProp(ec2Instance(), "userData", `#!/bin/bash\n${line}\n`)), [
                'userData runs a command whose "password" has a password-like name and holds a literal value',
            ], line);
        }
        const stdin = "#!/bin/bash\naws ecr get-login-password | docker login -u AWS --password-stdin registry.internal\n";
        assert.deepEqual(await runPolicy(rule, withProp(ec2Instance(), "userData", stdin)), []);
    });
});
