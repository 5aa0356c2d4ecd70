import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CONFIG_KEYS, ConfigError, ConfigSource, parseConfig } from "../../../infra/config";
import { planStack, projectName, stackConfig } from "../../../tools/plan/run";
import { committedStacks, fixturePlanWith, fixtureRoot } from "../../helpers/stackPlan";

/** A project and region of the test's own: no fork's. */
const project = "acme-orders";
const region = "us-east-1";

/** A valid source with every setting at its default; each case changes one thing (keys without namespace are the project's). */
function source(values: Record<string, string> = {}, others: Record<string, string> = { "aws:region": region }): ConfigSource {
    const config = Object.fromEntries(Object.entries(values).map(([k, v]) => [`${project}:${k}`, v]));
    return { project, stack: "test", config: { ...others, ...config } };
}

function problemsOf(fn: () => unknown): string[] {
    try {
        fn();
    } catch (err) {
        assert.ok(err instanceof ConfigError, `expected ConfigError, got ${String(err)}`);
        return [...err.problems];
    }
    assert.fail("expected the configuration to be rejected");
}

/** A stack file of the tests' own project (test/fixtures/project): `small` is development-like, `hardened` production-like. */
function fromFixture(stack: "small" | "hardened"): ConfigSource {
    return { project: projectName(fixtureRoot), stack, config: stackConfig(stack, fixtureRoot) };
}

describe("config: parseConfig", () => {
    it("applies every default when the stack sets nothing", () => {
        const config = parseConfig(source());
        assert.equal(config.name, `${project}-test`);
        assert.equal(config.network.availabilityZones, CONFIG_KEYS.availabilityZones.default);
        assert.equal(config.database.engineVersion, CONFIG_KEYS.dbEngineVersion.default);
        assert.equal(config.database.backupRetentionDays, CONFIG_KEYS.dbBackupRetentionDays.default);
        assert.equal(config.auth.mode, "iam");
        assert.deepEqual(config.database.logExports, CONFIG_KEYS.dbLogExports.default);
    });

    it("decodes booleans, numbers, lists and maps the way the Pulumi CLI encodes them", () => {
        const config = parseConfig(
            source({ dbMultiAz: "true", dbBackupRetentionDays: "14", dbLogExports: '["error"]', tags: '{"team":"orders"}' }),
        );
        assert.equal(config.database.multiAz, true);
        assert.equal(config.database.backupRetentionDays, 14);
        assert.deepEqual(config.database.logExports, ["error"]);
        assert.equal(config.tags.team, "orders");
    });

    it("always tags resources with the project, the stack and the tool", () => {
        const config = parseConfig(source({ tags: '{"team":"orders"}' }));
        assert.deepEqual(config.tags, { project, stack: "test", "managed-by": "pulumi", team: "orders" });
    });

    it("keeps an engine version such as 8.4 a string instead of reading it as a number", () => {
        assert.equal(parseConfig(source({ dbEngineVersion: "8.4" })).database.engineVersion, "8.4");
        assert.equal(parseConfig(source({ dbEngineVersion: "8.0.40" })).database.engineVersion, "8.0.40");
    });

    it("rejects a missing aws:region and says how to set it", () => {
        const [problem] = problemsOf(() => parseConfig(source({}, {})));
        assert.match(problem!, /aws:region is not set/);
        assert.match(problem!, /pulumi config set aws:region/);
    });

    it("names the key, the accepted values and the fix for an out-of-range number", () => {
        const [problem] = problemsOf(() => parseConfig(source({ dbBackupRetentionDays: "0" })));
        assert.match(problem!, /acme-orders:dbBackupRetentionDays/);
        assert.match(problem!, /1 to 35/);
        assert.match(problem!, /pulumi config set acme-orders:dbBackupRetentionDays <value> --stack test/);
    });

    it("rejects a value of the wrong type instead of coercing it", () => {
        const [problem] = problemsOf(() => parseConfig(source({ dbMultiAz: "yes" })));
        assert.match(problem!, /acme-orders:dbMultiAz must be true or false \(got "yes"\)/);
    });

    it("rejects an unknown key and suggests the one that was meant", () => {
        const [problem] = problemsOf(() => parseConfig(source({ dbmultiaz: "true" })));
        assert.match(problem!, /acme-orders:dbmultiaz is not a setting/);
        assert.match(problem!, /did you mean acme-orders:dbMultiAz/);
    });

    it("rejects a MySQL version RDS Proxy does not support", () => {
        const [problem] = problemsOf(() => parseConfig(source({ dbEngineVersion: "5.6" })));
        assert.match(problem!, /dbEngineVersion is not a MySQL version RDS Proxy supports/);
    });

    it("rejects a log retention CloudWatch would refuse at deploy time", () => {
        const [problem] = problemsOf(() => parseConfig(source({ logRetentionDays: "10" })));
        assert.match(problem!, /logRetentionDays/);
    });

    it("rejects a single availability zone, which RDS Proxy cannot use", () => {
        const [problem] = problemsOf(() => parseConfig(source({ availabilityZones: "1" })));
        assert.match(problem!, /availabilityZones/);
        assert.match(problem!, /two AZs/);
    });

    it("rejects a tag value starting with aws: or rds:, which RDS refuses on values too", () => {
        const [problem] = problemsOf(() => parseConfig(source({ tags: '{"owner":"rds:team"}' })));
        assert.match(problem!, /tags uses a reserved prefix \(aws: or rds:\) in "rds:team"/);
    });

    it("rejects a tag with a character outside AWS's tag character set", () => {
        const [problem] = problemsOf(() => parseConfig(source({ tags: '{"owner":"a,b"}' })));
        assert.match(problem!, /tags has a tag value with a character AWS refuses/);
        assert.equal(parseConfig(source({ tags: '{"team name":"orders_v2 @us-east-1/a:b=c+d"}' })).tags["team name"], "orders_v2 @us-east-1/a:b=c+d");
    });

    it("rejects more tags than fit next to the three the blueprint adds under AWS's 50", () => {
        const tags = (n: number) => JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [`t${i}`, "x"])));
        assert.equal(Object.keys(parseConfig(source({ tags: tags(47) })).tags).length, 50);
        const [problem] = problemsOf(() => parseConfig(source({ tags: tags(48) })));
        assert.match(problem!, /tags has 48 tags: AWS allows 50 per resource .* so at most 47/);
    });

    it("rejects a storage ceiling less than 10% above the allocated storage, which autoscaling refuses", () => {
        const [problem] = problemsOf(() => parseConfig(source({ dbAllocatedStorageGb: "100", dbMaxAllocatedStorageGb: "105" })));
        assert.match(problem!, /dbMaxAllocatedStorageGb must be at least 10% above dbAllocatedStorageGb \(110 or more\)/);
        assert.equal(parseConfig(source({ dbAllocatedStorageGb: "100", dbMaxAllocatedStorageGb: "110" })).database.maxAllocatedStorageGb, 110);
    });

    it("rejects a connection borrow timeout above the 300 s RDS Proxy accepts", () => {
        const [problem] = problemsOf(() => parseConfig(source({ proxyConnectionBorrowTimeoutSeconds: "301" })));
        assert.match(problem!, /proxyConnectionBorrowTimeoutSeconds/);
        assert.match(problem!, /accepted: 0 to 300/);
    });

    it("rejects a region the provider does not know, suggesting the nearest, in the plan as at pulumi up", () => {
        const [problem] = problemsOf(() => parseConfig(source({}, { "aws:region": "us-wset-2" })));
        assert.match(problem!, /^aws:region "us-wset-2" is not an AWS region the provider \(@pulumi\/aws\) knows\. Did you mean "us-west-2"/);
        assert.match(problem!, /Fix: pulumi config set aws:region <region> --stack test$/);
    });

    it("rejects a borrow timeout that outlasts a function using the proxy, naming the function and the fix", () => {
        const [api] = problemsOf(() => parseConfig(source({ lambdaTimeoutSeconds: "20", proxyConnectionBorrowTimeoutSeconds: "19", events: "false" })));
        assert.match(api!, /proxyConnectionBorrowTimeoutSeconds must be at most 18 s: the API function \(lambdaTimeoutSeconds\), 20 s would be killed/);
        assert.match(api!, /Fix: pulumi config set acme-orders:proxyConnectionBorrowTimeoutSeconds/);
        // With events the projector, 10 s, is the shortest.
        const [projector] = problemsOf(() => parseConfig(source({ lambdaTimeoutSeconds: "20", proxyConnectionBorrowTimeoutSeconds: "9", events: "true" })));
        assert.match(projector!, /at most 8 s: the projector, 10 s/);
        assert.equal(parseConfig(source({ lambdaTimeoutSeconds: "20", proxyConnectionBorrowTimeoutSeconds: "18", events: "false" })).proxy.connectionBorrowTimeoutSeconds, 18);
    });

    it("accepts the default borrow timeout with the shortest API timeout the default allows", () => {
        const config = parseConfig(source({}));
        assert.ok(config.proxy.connectionBorrowTimeoutSeconds <= config.lambda.timeoutSeconds - 2);
    });

    it("rejects a VPC block with host bits set and names the network address that was meant", () => {
        const [problem] = problemsOf(() => parseConfig(source({ vpcCidr: "10.1.2.0/16" })));
        assert.match(problem!, /^acme-orders:vpcCidr has host bits set: the block starting there is 10\.1\.0\.0\/16/);
        assert.match(problem!, /Fix: pulumi config set acme-orders:vpcCidr <value> --stack test/);
    });

    it("rejects a VPC block too small to cut into subnets with room for their interfaces", () => {
        const [problem] = problemsOf(() => parseConfig(source({ vpcCidr: "10.0.0.0/24" })));
        assert.match(problem!, /vpcCidr must be from \/16 to \/22/);
    });

    it("rejects more availability zones than the subnet layout has blocks for", () => {
        const [problem] = problemsOf(() => parseConfig(source({ availabilityZones: "5" })));
        assert.match(problem!, /availabilityZones/);
    });

    it("rejects Performance Insights on an instance class that does not offer it", () => {
        const [problem] = problemsOf(() => parseConfig(source({ dbPerformanceInsights: "true", dbInstanceClass: "db.t4g.micro" })));
        assert.match(problem!, /dbPerformanceInsights is not available on db.t4g.micro/);
    });

    it("rejects a mistyped instance class, naming the key, the class meant and the fix", () => {
        const [problem] = problemsOf(() => parseConfig(source({ dbInstanceClass: "db.t4q.small" })));
        assert.match(problem!, /dbInstanceClass is not usable: "db\.t4q" is not a DB instance class type .*did you mean db\.t4g\.small\?/);
        assert.match(problem!, /Fix: pulumi config set \S+:dbInstanceClass <value>/);
    });

    it("rejects an idle pool share above the maximum pool share", () => {
        const [problem] = problemsOf(() =>
            parseConfig(source({ proxyMaxConnectionsPercent: "40", proxyMaxIdleConnectionsPercent: "60" })),
        );
        assert.match(problem!, /proxyMaxIdleConnectionsPercent must not exceed proxyMaxConnectionsPercent/);
    });

    it("rejects an auth mode other than secret or iam", () => {
        const [problem] = problemsOf(() => parseConfig(source({ dbAuth: "password" })));
        assert.match(problem!, /acme-orders:dbAuth/);
    });

    it("rejects an application user named like the master user", () => {
        const [problem] = problemsOf(() => parseConfig(source({ appDbUser: "dbadmin" })));
        assert.match(problem!, /appDbUser must differ from the master user/);
    });

    it("rejects a tag name with the aws: prefix AWS reserves, or the rds: prefix RDS reserves, in any case", () => {
        for (const key of ["aws:owner", "AWS:owner", "rds:owner", "RDS:owner"]) {
            const [problem] = problemsOf(() => parseConfig(source({ tags: JSON.stringify({ [key]: "me" }) })));
            assert.match(problem!, new RegExp(`acme-orders:tags uses a reserved prefix \\(aws: or rds:\\) in "${key}"`));
            assert.match(problem!, /pulumi config set acme-orders:tags/);
        }
        assert.equal(parseConfig(source({ tags: '{"team-aws:x":"ok"}' })).tags["team-aws:x"], "ok");
    });

    it("reports every problem at once rather than the first only", () => {
        const problems = problemsOf(() => parseConfig(source({ dbBackupRetentionDays: "0", lambdaMemoryMb: "64", dbAuth: "x" })));
        assert.equal(problems.length, 3);
    });

    describe("apiAuth", () => {
        const jwt = { apiAuth: "jwt", jwtIssuer: "https://idp.example.com/", jwtAudience: '["orders-app"]' };
        const problemFor = (values: Record<string, string>, key: string) => {
            const problems = problemsOf(() => parseConfig(source(values)));
            assert.equal(problems.length, 1, problems.join("\n"));
            assert.match(problems[0]!, new RegExp(`^acme-orders:${key} `));
            assert.match(problems[0]!, new RegExp(`Fix: pulumi config set acme-orders:${key} `));
            return problems[0]!;
        };

        it("defaults to iam, and reads none only when set", () => {
            assert.deepEqual(parseConfig(source()).api.auth, { mode: "iam" });
            assert.deepEqual(parseConfig(source({ apiAuth: "none" })).api.auth, { mode: "none" });
        });

        it("reads jwt with its issuer and audiences", () => {
            assert.deepEqual(parseConfig(source(jwt)).api.auth, { mode: "jwt", issuer: "https://idp.example.com/", audience: ["orders-app"] });
        });

        it("rejects another mode", () => {
            assert.match(problemFor({ apiAuth: "cognito" }, "apiAuth"), /"iam" .* "jwt" .* "none"/);
        });

        it("rejects jwt without an issuer or without audiences, naming the missing key", () => {
            assert.match(problemFor({ ...jwt, jwtIssuer: "" }, "jwtIssuer"), /is required when apiAuth is jwt/);
            const { jwtIssuer: _issuer, ...withoutIssuer } = jwt;
            assert.match(problemFor(withoutIssuer, "jwtIssuer"), /is required when apiAuth is jwt/);
            const { jwtAudience: _audience, ...withoutAudience } = jwt;
            assert.match(problemFor(withoutAudience, "jwtAudience"), /is required when apiAuth is jwt/);
            assert.match(problemFor({ ...jwt, jwtAudience: "[]" }, "jwtAudience"), /is required when apiAuth is jwt/);
        });

        it("rejects an issuer API Gateway could not use: not https, not a URL, with a query or a fragment", () => {
            assert.match(problemFor({ ...jwt, jwtIssuer: "http://idp.example.com/" }, "jwtIssuer"), /must use https \(got http\)/);
            assert.match(problemFor({ ...jwt, jwtIssuer: "accounts.google.com" }, "jwtIssuer"), /is not a URL/);
            for (const issuer of ["https://idp.example.com/?tenant=1", "https://idp.example.com/#x", "https://user:pw@idp.example.com/"]) {
                assert.match(problemFor({ ...jwt, jwtIssuer: issuer }, "jwtIssuer"), /must not carry a query, a fragment or credentials/, issuer);
            }
            assert.match(problemFor({ ...jwt, jwtIssuer: `https://idp.example.com/${"a".repeat(2048)}` }, "jwtIssuer"), /longer than 2048/);
        });

        it("rejects more audiences than an authorizer takes (50), an empty one, or a string instead of a list", () => {
            const many = JSON.stringify(Array.from({ length: 51 }, (_, i) => `aud-${i}`));
            assert.match(problemFor({ ...jwt, jwtAudience: many }, "jwtAudience"), /holds 51 audiences; API Gateway allows 50/);
            assert.equal(parseConfig(source({ ...jwt, jwtAudience: JSON.stringify(Array.from({ length: 50 }, (_, i) => `aud-${i}`)) })).api.auth.mode, "jwt");
            assert.match(problemFor({ ...jwt, jwtAudience: '["orders-app", " "]' }, "jwtAudience"), /empty audience/);
            assert.match(problemFor({ ...jwt, jwtAudience: "orders-app" }, "jwtAudience"), /must be a JSON list of 1 to 50 audiences \(e\.g\. app client ids\).* \(got "orders-app"\)/);
        });

        it("rejects JWT settings on a stack that does not use jwt, rather than ignoring them", () => {
            assert.match(problemFor({ jwtIssuer: "https://idp.example.com/" }, "jwtIssuer"), /is only read when apiAuth is jwt \(apiAuth is iam\)/);
            assert.match(problemFor({ apiAuth: "none", jwtAudience: '["x"]' }, "jwtAudience"), /is only read when apiAuth is jwt \(apiAuth is none\)/);
        });
    });

    for (const stack of committedStacks()) {
        it(`accepts the committed Pulumi.${stack}.yaml`, () => {
            const config = parseConfig({ project: projectName(), stack, config: stackConfig(stack) });
            assert.equal(config.stack, stack);
        });
    }

    it("reads a stack file as written: the fixture stacks' own values and tags", () => {
        const small = parseConfig(fromFixture("small"));
        assert.equal(small.stack, "small");
        assert.equal(small.tags.environment, "small");
        assert.equal(small.api.auth.mode, "iam", "callers must sign their requests unless a stack says otherwise");
        assert.equal(small.logLevel, "DEBUG");
    });

    it("keeps a development-like stack cheap: single-AZ, burstable, short retention, no deletion protection", () => {
        const dev = parseConfig(fromFixture("small"));
        assert.equal(dev.database.multiAz, false);
        assert.match(dev.database.instanceClass, /^db\.t4g\./);
        assert.ok(dev.logRetentionDays <= 14);
        assert.equal(dev.database.deletionProtection, false);
        assert.equal(dev.network.flowLogs, false);
    });

    it("hardens a production-like stack: Multi-AZ, deletion protection, final snapshot, longer backups and logs, flow logs", () => {
        const prod = parseConfig(fromFixture("hardened"));
        const dev = parseConfig(fromFixture("small"));
        assert.equal(prod.database.multiAz, true);
        assert.equal(prod.database.deletionProtection, true);
        assert.equal(prod.database.finalSnapshot, true);
        assert.equal(prod.database.applyImmediately, false, "hardened changes wait for the maintenance window");
        assert.equal(prod.database.performanceInsights, true);
        assert.equal(prod.network.flowLogs, true);
        assert.ok(prod.database.backupRetentionDays > dev.database.backupRetentionDays);
        assert.ok(prod.logRetentionDays > dev.logRetentionDays);
    });

    describe("project and stack names (infra/lib/naming.ts)", () => {
        const named = (p: string, stack: string): ConfigSource => ({ ...source(), project: p, stack });

        it("accepts a <project>-<stack> of exactly the name budget (41 characters)", () => {
            assert.equal(parseConfig(named(project, "s".repeat(41 - project.length - 1))).name.length, 41);
        });

        it("refuses a longer one, naming the limit and what to change", () => {
            const problems = problemsOf(() => parseConfig(named("acme-payments-platform-orders", "production-ap-east-1")));
            assert.equal(problems.length, 1);
            assert.match(problems[0]!, /50 characters long; at most 41 fit: IAM role names allow 64 characters/);
            assert.match(problems[0]!, /Fix: shorten the project name \(Pulumi\.yaml\) and\/or the stack name so "<project>-<stack>" has at most 41 characters/);
        });

        it("refuses characters some AWS name does not take, naming the rule and the fix", () => {
            const problems = problemsOf(() => parseConfig(named("my_app.v2", "qa")));
            assert.ok(problems.some((p) => /break the lambda-function-name rule: .*contains "\.".*Fix: rename the project \(Pulumi\.yaml\) or the stack/.test(p)));
            assert.ok(problemsOf(() => parseConfig(named(project, "Staging"))).some((p) => p.includes("rds-instance-identifier")));
        });

        it("reports a bad name together with the other problems", () => {
            const problems = problemsOf(() => parseConfig({ project: "my_app", stack: "qa", config: { "aws:region": region, "my_app:lambdaMemoryMb": "64" } }));
            assert.ok(problems.some((p) => p.includes("lambdaMemoryMb")));
            assert.ok(problems.some((p) => p.includes("rds-instance-identifier")));
        });
    });

    describe("alarms (alarm*)", () => {
        const problemFor = (values: Record<string, string>, key: string) => {
            const problems = problemsOf(() => parseConfig(source(values)));
            assert.equal(problems.length, 1, problems.join("\n"));
            assert.match(problems[0]!, new RegExp(`^acme-orders:${key} `));
            assert.match(problems[0]!, new RegExp(`Fix: pulumi config set acme-orders:${key} <value> --stack test$`));
            return problems[0]!;
        };

        it("subscribes no email by default, and reads the thresholds' defaults from one table", () => {
            const { observability } = parseConfig(source());
            assert.equal(observability.alarmEmail, undefined);
            assert.equal(observability.thresholds.api5xxPercent, CONFIG_KEYS.alarmApi5xxPercent.default);
            assert.equal(observability.thresholds.dbFreeStorageGb, CONFIG_KEYS.alarmDbFreeStorageGb.default);
        });

        it("takes an email address, such as the hardened fixture's placeholder on a reserved domain", () => {
            assert.equal(parseConfig(source({ alarmEmail: "ops+orders@example.org" })).observability.alarmEmail, "ops+orders@example.org");
            assert.equal(parseConfig(fromFixture("hardened")).observability.alarmEmail, "oncall@example.com");
            assert.equal(parseConfig(fromFixture("small")).observability.alarmEmail, undefined);
        });

        it("refuses what is not an email address, naming the key and the fix", () => {
            for (const bad of ["oncall", "oncall@", "@example.com", "on call@example.com", "oncall@example", "a@b..com", `${"x".repeat(250)}@example.com`]) {
                assert.match(problemFor({ alarmEmail: bad }, "alarmEmail"), /is not an email address SNS can deliver to \(got ".*"\); accepted: an email address/, bad);
            }
        });

        it("refuses a threshold out of range, naming the key, the range and the fix", () => {
            assert.match(problemFor({ alarmApi5xxPercent: "0" }, "alarmApi5xxPercent"), /accepted: a share of API requests answered 5xx, in percent, greater than 0/);
            assert.match(problemFor({ alarmApi5xxPercent: "150" }, "alarmApi5xxPercent"), /\(got "150"\)/);
            assert.match(problemFor({ alarmLambdaDurationPercent: "100" }, "alarmLambdaDurationPercent"), /1 to 99/);
            assert.match(problemFor({ alarmLambdaErrors: "1.5" }, "alarmLambdaErrors"), /a whole number from 0/);
            assert.match(problemFor({ alarmDbConnections: "0" }, "alarmDbConnections"), /\(got "0"\)/);
            assert.match(problemFor({ alarmApiLatencyP90Ms: '"fast"' }, "alarmApiLatencyP90Ms"), /must be milliseconds, 1 to 30000/);
        });

        it("refuses a free-storage floor at or above the point where storage autoscaling grows the volume", () => {
            assert.equal(parseConfig(source({ alarmDbFreeStorageGb: "1.9" })).observability.thresholds.dbFreeStorageGb, 1.9);
            assert.match(problemFor({ alarmDbFreeStorageGb: "2" }, "alarmDbFreeStorageGb"), /must be below 2 GiB \(10% of dbAllocatedStorageGb\), where storage autoscaling grows the volume/);
            assert.equal(parseConfig(source({ alarmDbFreeStorageGb: "2", dbAllocatedStorageGb: "50" })).observability.thresholds.dbFreeStorageGb, 2);
        });
    });
});

describe("config: namespaces, checked where the program reads its config (loadConfig, so pulumi up and npm run plan)", () => {
    it("refuses a key in a misspelt namespace, naming it, its stack file and the key meant", async () => {
        await assert.rejects(fixturePlanWith("small", { "acme-order:flowLogs": "true" }), (err: Error) => {
            assert.ok(err instanceof ConfigError, String(err));
            assert.match(err.message, /acme-order:flowLogs in Pulumi\.small\.yaml is in namespace "acme-order".* Did you mean acme-orders:flowLogs\?/);
            return true;
        });
    });

    it("refuses a stack file whose settings all belong to another project name, saying so", async () => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), "renamed-project-"));
        fs.writeFileSync(path.join(root, "Pulumi.yaml"), "name: renamed-project\nruntime: nodejs\n");
        fs.copyFileSync(path.join(fixtureRoot, "Pulumi.small.yaml"), path.join(root, "Pulumi.small.yaml"));
        await assert.rejects(planStack("small", { root }), (err: Error) => {
            assert.ok(err instanceof ConfigError, String(err));
            assert.deepEqual(err.problems.filter((p) => /every setting/.test(p)), [
                `every setting in Pulumi.small.yaml is in namespace "acme-orders" but the project is "renamed-project" (Pulumi.yaml's name), ` +
                    `so none of them would be read and every setting would fall back to its default. ` +
                    `Fix: rename the keys (acme-orders:<key> → renamed-project:<key>) or Pulumi.yaml's name (name: acme-orders)`,
            ]);
            return true;
        });
    });
});
