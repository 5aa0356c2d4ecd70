import { strict as assert } from "node:assert";
import { isWildcardOnlyAction } from "../../policy/lib/wildcardOnlyActions";
import { asList, fixturePlan, fixturePlanWith, fixtureSettings, grantedStatements, ofType, revealSecrets, single } from "../helpers/stackPlan";

for (const stack of ["small", "hardened"] as const) {
    describe(`program: infra/index.ts (${stack})`, () => {
        it("exports the API URL, proxy endpoint, DB instance id and VPC id, and no app secret in IAM mode", async () => {
            const { outputs } = await fixturePlan(stack);
            assert.match(String(outputs.apiUrl), /^https:\/\//);
            assert.match(String(outputs.proxyEndpoint), /\.proxy-/);
            assert.equal(outputs.appSecretArn, undefined);
            assert.ok(outputs.dbInstanceId);
            assert.match(String(outputs.vpcId), /^vpc-/);
        });

        it("exports the app secret's ARN in secret mode", async () => {
            const { outputs } = await fixturePlanWith(stack, { dbAuth: "secret" });
            assert.match(String(outputs.appSecretArn), /^arn:aws:secretsmanager:/);
        });

        it("has no password anywhere in the default IAM mode: no app secret, no RandomPassword, no secret read by the API", async () => {
            const plan = await fixturePlan(stack);
            assert.deepEqual(
                plan.resources.filter((r) => /randomPassword|secretVersion|secretsmanager\/secret:/.test(r.type)).map((r) => r.name),
                [],
            );
            const apiGrants = grantedStatements(plan).filter(({ resource }) => resource === "api-permissions");
            assert.ok(apiGrants.length > 0);
            assert.deepEqual(
                apiGrants.flatMap(({ statement }) => asList(statement.Action)).filter((a) => /^(secretsmanager|kms):/.test(a)),
                [],
            );
        });

        it("creates every AWS resource through one provider that tags it from the stack config", async () => {
            const plan = await fixturePlan(stack);
            const provider = single(plan, "pulumi:providers:aws");
            const defaultTags = JSON.parse(provider.inputs.defaultTags as string) as { tags: Record<string, string> };
            const stackTags = JSON.parse(fixtureSettings(stack).tags!) as Record<string, string>;
            assert.deepEqual(defaultTags.tags, { project: plan.project, stack: plan.stack, "managed-by": "pulumi", ...stackTags });
            assert.equal(provider.inputs.region, fixtureSettings(stack)["aws:region"]);
            const awsResources = plan.resources.filter((r) => r.type.startsWith("aws:"));
            assert.ok(awsResources.length > 30);
            for (const resource of awsResources) {
                assert.match(resource.provider ?? "", new RegExp(`::${provider.name}::`), `${resource.type} ${resource.name} bypasses the tagging provider`);
            }
        });

        it("grants no wildcard action, and a wildcard resource only to actions that take nothing else", async () => {
            const plan = await fixturePlan(stack);
            const statements = grantedStatements(plan);
            assert.ok(statements.length >= 8);
            for (const { resource, statement } of statements) {
                const actions = asList(statement.Action);
                assert.equal(statement.Effect, "Allow");
                for (const action of actions) {
                    assert.ok(!action.includes("*"), `${resource} grants ${action}`);
                }
                if (asList(statement.Resource).includes("*")) {
                    for (const action of actions) {
                        assert.ok(await isWildcardOnlyAction(action), `${resource} grants ${action} on *`);
                    }
                }
            }
        });

        it("never grants secret reads, decryption or database connects on a wildcard", async () => {
            const plan = await fixturePlan(stack);
            for (const { resource, statement } of grantedStatements(plan)) {
                const sensitive = asList(statement.Action).filter((a) => /^(secretsmanager|kms|rds-db):/.test(a));
                if (sensitive.length > 0) {
                    for (const arn of asList(statement.Resource)) {
                        assert.ok(!arn.includes("*"), `${resource} grants ${sensitive.join(",")} on ${arn}`);
                        assert.match(arn, new RegExp(`^arn:aws:(secretsmanager|kms|rds-db):${fixtureSettings(stack)["aws:region"]}:123456789012:`));
                    }
                }
            }
        });

        it("keeps every credential out of function environments (secret mode, where a password exists)", async () => {
            const plan = await fixturePlanWith(stack, { dbAuth: "secret" });
            const secretString = revealSecrets(single(plan, "aws:secretsmanager/secretVersion:SecretVersion").inputs.secretString) as string;
            const password = (JSON.parse(secretString) as { password: string }).password;
            for (const fn of ofType(plan, "aws:lambda/function:Function")) {
                const vars = (fn.inputs.environment as { variables: Record<string, string> }).variables;
                for (const [key, value] of Object.entries(vars)) {
                    assert.ok(!String(value).includes(password), `${fn.name} ${key} carries the password`);
                    assert.ok(!/PASS|PWD|TOKEN|PRIVATE/.test(key), `${fn.name} has a credential-like variable ${key}`);
                    assert.ok(!/SECRET$/.test(key), `${fn.name} ${key} looks like a secret value`);
                }
            }
        });

        it("attaches no AWS managed policy anywhere", async () => {
            const plan = await fixturePlan(stack);
            assert.equal(ofType(plan, "aws:iam/rolePolicyAttachment:RolePolicyAttachment").length, 0);
            assert.equal(ofType(plan, "aws:iam/policyAttachment:PolicyAttachment").length, 0);
            for (const role of ofType(plan, "aws:iam/role:Role")) {
                assert.equal(role.inputs.managedPolicyArns, undefined, role.name);
            }
        });
    });
}
