import { strict as assert } from "node:assert";
import { disallowHardcodedSecretsInContainerEnvironment as rule } from "../../../../policy/rules/ecs/disallowHardcodedSecretsInContainerEnvironment";
import { runPolicy, TestResource, UNKNOWN } from "../../../helpers/policy";
import { ecsTaskDefinition, generatedPassword } from "../../../helpers/policyFixtures";
import { TOKEN_GENERATORS } from "../../../helpers/policyTokens";

type Container = { name: string; environment: { name: string; value: unknown }[]; command: string[] };

function withContainer(change: (c: Container) => void): TestResource {
    const td = ecsTaskDefinition();
    const containers = JSON.parse(td.props.containerDefinitions as string) as Container[];
    change(containers[0]!);
    td.props.containerDefinitions = JSON.stringify(containers);
    return td;
}

describe("rule: disallow-hardcoded-secrets-in-container-environment", () => {
    it("passes a task definition whose password comes from secrets (valueFrom) and whose KMS key is an alias", async () => {
        assert.deepEqual(await runPolicy(rule, ecsTaskDefinition()), []);
    });

    it("reports a literal DB_PASSWORD in a container's environment, naming the container", async () => {
        const td = withContainer((c) => c.environment.push({ name: "DB_PASSWORD", value: generatedPassword() }));
        assert.deepEqual(await runPolicy(rule, td), [
            'containerDefinitions[0] ("worker").environment DB_PASSWORD has a password-like name and holds a literal value',
        ]);
    });

    it("reports a GitHub token under a neutral name, masked", async () => {
        const token = TOKEN_GENERATORS["github-pat"]!();
        const [message] = await runPolicy(rule, withContainer((c) => c.environment.push({ name: "UPSTREAM", value: token })));
        assert.match(message!, /^containerDefinitions\[0\] \("worker"\)\.environment UPSTREAM contains a GitHub token .* \(secretlint: github\)$/);
        assert.ok(!message!.includes(token.slice(4)));
    });

    it("reports a password passed on the command line (--password=...)", async () => {
        const td = withContainer((c) => c.command.push(`--password=${generatedPassword()}`));
        assert.deepEqual(await runPolicy(rule, td), ['containerDefinitions[0] ("worker").command contains a connection string with a password']);
    });

    it("does not report a command that passes the password by reference", async () => {
        const td = withContainer((c) => c.command.push("--password=$DB_PASSWORD"));
        assert.deepEqual(await runPolicy(rule, td), []);
    });

    it("reads a shell command: an assignment before the command, curl -u (issue 20)", async () => {
        const pw = generatedPassword();
        const shell = (line: string) => withContainer((c) => c.command.splice(0, c.command.length, "sh", "-c", line));
        assert.deepEqual(await runPolicy(rule, shell(`PGPASSWORD=${pw} psql -h db -c 'select 1'`)), [
            'containerDefinitions[0] ("worker").command runs a command whose "PGPASSWORD" has a password-like name and holds a literal value',
        ]);
        assert.deepEqual(await runPolicy(rule, shell(`curl -u ops:${pw} https://internal/health`)), [
            'containerDefinitions[0] ("worker").command runs a command whose "password" has a password-like name and holds a literal value',
        ]);
        assert.deepEqual(await runPolicy(rule, shell("PGPASSWORD=$DB_PASSWORD psql -h db")), []);
    });

    it("does not throw when the container definitions are unknown during preview or not JSON", async () => {
        for (const value of [UNKNOWN.string, "not json", undefined]) {
            const td = ecsTaskDefinition();
            td.props.containerDefinitions = value;
            assert.deepEqual(await runPolicy(rule, td), []);
        }
    });
});
