import { strict as assert } from "node:assert";
import { dependencyNames, fixturePlan, fixturePlanWith, parseDocument, single, waitsFor } from "../../helpers/stackPlan";
import type { StackPlan } from "../../../tools/plan/run";

const PROXY = "aws:rds/proxy:Proxy";
const regionOf = (plan: StackPlan) => String(single(plan, "pulumi:providers:aws").inputs.region);

describe("component: DatabaseProxy", () => {
    describe("in IAM mode (the default)", () => {
        it("requires TLS and uses end-to-end IAM: no secret, no auth entries", async () => {
            const proxy = single(await fixturePlan("small"), PROXY).inputs;
            assert.equal(proxy.engineFamily, "MYSQL");
            assert.equal(proxy.requireTls, true);
            assert.equal(proxy.defaultAuthScheme, "IAM_AUTH");
            assert.deepEqual(proxy.auths, []);
        });

        it("may connect to the instance as the app user only, by the instance's resource id", async () => {
            const plan = await fixturePlan("small");
            const policy = parseDocument(single(plan, "aws:iam/rolePolicy:RolePolicy", "proxy-db-connect").inputs.policy);
            assert.equal(policy.Statement.length, 1);
            const [statement] = policy.Statement;
            assert.equal(statement!.Action, "rds-db:connect");
            // The instance's db-… resource id, not the proxy's prx-… id: the proxy logs in to the instance.
            assert.match(String(statement!.Resource), new RegExp(`^arn:aws:rds-db:${regionOf(plan)}:123456789012:dbuser:db-[0-9A-Z]+/app$`));
        });

        it("is created or switched only after migrate has made the app user an IAM user", async () => {
            const plan = await fixturePlan("small");
            assert.ok(waitsFor(plan, single(plan, PROXY)).includes(single(plan, "aws:lambda/invocation:Invocation", "migrate-run").name));
        });
    });

    describe("in secret mode", () => {
        const secretMode = { dbAuth: "secret" };

        it("requires TLS and logs in with the app user's secret, naming the scheme so a switch from IAM takes effect", async () => {
            const plan = await fixturePlanWith("small", secretMode);
            const proxy = single(plan, PROXY).inputs;
            const secret = single(plan, "aws:secretsmanager/secret:Secret");
            assert.equal(proxy.requireTls, true);
            assert.equal(proxy.defaultAuthScheme, "NONE");
            const [auth] = proxy.auths as Record<string, string>[];
            assert.equal(auth!.authScheme, "SECRETS");
            assert.match(auth!.secretArn!, new RegExp(`secret:${secret.name}-`));
            assert.equal(auth!.iamAuth, "DISABLED");
            assert.equal(auth!.clientPasswordAuthType, "MYSQL_CACHING_SHA2_PASSWORD");
        });

        it("lets clients of an 8.0 database authenticate with the native password plugin", async () => {
            const plan = await fixturePlanWith("small", { ...secretMode, dbEngineVersion: "8.0.40" });
            const [auth] = single(plan, PROXY).inputs.auths as Record<string, string>[];
            assert.equal(auth!.clientPasswordAuthType, "MYSQL_NATIVE_PASSWORD");
            assert.equal(single(plan, "aws:rds/parameterGroup:ParameterGroup").inputs.family, "mysql8.0");
        });

        it("may read only the app secret and decrypt only through Secrets Manager", async () => {
            const plan = await fixturePlanWith("small", secretMode);
            const policy = parseDocument(single(plan, "aws:iam/rolePolicy:RolePolicy", "proxy-read-secret").inputs.policy);
            const secretArn = (single(plan, PROXY).inputs.auths as Record<string, string>[])[0]!.secretArn;
            assert.deepEqual(
                policy.Statement.map((s) => [s.Action, s.Resource]),
                [
                    ["secretsmanager:GetSecretValue", [secretArn]],
                    ["kms:Decrypt", String(single(plan, "aws:secretsmanager/secret:Secret").inputs.kmsKeyId)],
                ],
            );
            assert.deepEqual(policy.Statement[1]!.Condition, { StringEquals: { "kms:ViaService": `secretsmanager.${regionOf(plan)}.amazonaws.com` } });
        });
    });

    it("runs as a role RDS can assume, with no global condition key, since RDS Proxy sends none", async () => {
        const plan = await fixturePlan("small");
        const trust = parseDocument(single(plan, "aws:iam/role:Role", "proxy-role").inputs.assumeRolePolicy);
        assert.equal(trust.Statement.length, 1);
        assert.deepEqual(trust.Statement[0]!.Principal, { Service: "rds.amazonaws.com" });
        assert.equal(trust.Statement[0]!.Action, "sts:AssumeRole");
        assert.equal(trust.Statement[0]!.Condition, undefined);
    });

    it("pools connections with the configured limits", async () => {
        const plan = await fixturePlan("small");
        assert.deepEqual(single(plan, "aws:rds/proxyDefaultTargetGroup:ProxyDefaultTargetGroup").inputs.connectionPoolConfig, {
            maxConnectionsPercent: 90,
            maxIdleConnectionsPercent: 50,
            connectionBorrowTimeout: 5,
        });
        assert.equal(single(plan, PROXY).inputs.idleClientTimeout, 1800);
    });

    it("registers the database instance as its target", async () => {
        const plan = await fixturePlan("small");
        const target = single(plan, "aws:rds/proxyTarget:ProxyTarget").inputs;
        assert.equal(target.dbInstanceIdentifier, single(plan, "aws:rds/instance:Instance").name);
        assert.equal(target.targetGroupName, "default");
    });

    for (const stack of ["small", "hardened"] as const) {
        it(`deregisters the old target before registering a replaced instance, since a proxy holds one instance (${stack})`, async () => {
            const plan = await fixturePlan(stack);
            const target = single(plan, "aws:rds/proxyTarget:ProxyTarget");
            assert.equal(target.options.deleteBeforeReplace, true);
            assert.ok(dependencyNames(target).includes(single(plan, "aws:rds/instance:Instance").name), "waits for the instance itself");
        });
    }
});
