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

describe("rule: disallow-hardcoded-secrets-in-user-data (false alarms)", () => {
    it("passes a typical bootstrap script: ports, metadata tokens, secrets read at boot, cluster CA, join hash", async () => {
        const ca = Buffer.from("-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n").toString("base64");
        const script = [
            "#!/bin/bash",
            "docker run -d -p 80:80 --name web -e NODE_ENV=production -e DB_HOST=db.internal app:latest",
            "mkdir -p /opt/app && echo ECS_CLUSTER=orders >> /etc/ecs/ecs.config",
            'TOKEN=$(curl -X PUT "http://169.254.169.254/latest/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 21600")',
            'curl -H "X-aws-ec2-metadata-token: $TOKEN" http://169.254.169.254/latest/meta-data/instance-id',
            "mysql -h db -u app -p\"$(aws secretsmanager get-secret-value --secret-id db --query SecretString --output text)\" -e 'select 1'",
            `/etc/eks/bootstrap.sh orders --b64-cluster-ca ${ca} --kubelet-extra-args '--node-labels=role=web'`,
            `kubeadm join 10.0.0.1:6443 --discovery-token-ca-cert-hash sha256:${"ab".repeat(32)}`,
        ].join("\n");
        assert.deepEqual(await runPolicy(rule, withProp(ec2Instance(), "userData", script)), []);
    });

    it("passes a cloud-config with locked users, SSH keys and ARNs", async () => {
        const config = [
            "#cloud-config",
            "users:",
            "  - default",
            "  - name: ops",
            "    sudo: ALL=(ALL) NOPASSWD:ALL",
            "    lock_passwd: true",
            `    ssh_authorized_keys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5${"A".repeat(40)} ops@host"]`,
            "write_files:",
            "  - path: /etc/app.env",
            "    content: |",
            "      LOG_LEVEL=info",
            "      DB_SECRET_ARN=arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf",
        ].join("\n");
        assert.deepEqual(await runPolicy(rule, withProp(ec2Instance(), "userData", config)), []);
    });
});
