import { strict as assert } from "node:assert";
import { preflight } from "../../../tools/preflight/check";
import { PREFLIGHT_RULES, T } from "../../../tools/preflight/rules";
import type { PreflightResource } from "../../../tools/preflight/types";
import { FIXTURE_REGION } from "../../helpers/fixtureValues";
import { PREFIX, baseline, changed, renamed } from "./fixtures";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const long = (n: number) => "a".repeat(n);

interface Case {
    /** A valid plan this rule must accept (the baseline unless the rule needs a variant). */
    readonly pass: () => PreflightResource[];
    /** The baseline with one thing changed so that AWS would refuse it. */
    readonly fail: () => PreflightResource[];
    /** What the failure message must say. */
    readonly says: RegExp;
}

const base = () => baseline();

/** For every rule: a passing and a failing plan, one change apart. */
const CASES: Record<string, Case> = {
    "iam-role-name": {
        // Exactly 64 with Pulumi's 8 characters, then one more.
        pass: () => renamed(T.iamRole, `${PREFIX}-${long(64 - PREFIX.length - 1 - 8)}`),
        fail: () => renamed(T.iamRole, `${PREFIX}-${long(64 - PREFIX.length - 1 - 8 + 1)}`),
        says: /IAM role name ".*-xxxxxxx" .* is 65 characters; at most 64/,
    },
    "iam-role-policy-name": {
        pass: base,
        fail: () => changed(T.iamRolePolicy, { name: `${PREFIX}-policy/1` }),
        says: /contains "\/"/,
    },
    "lambda-function-name": {
        pass: base,
        fail: () => renamed(T.lambdaFunction, "app.v2-dev-api-fn"),
        says: /Lambda function name "app\.v2-dev-api-fn-xxxxxxx" .*contains "\."/,
    },
    "cloudwatch-dashboard-name": {
        pass: base,
        fail: () => changed(T.dashboard, { dashboardName: "app.v2-dev" }),
        says: /CloudWatch dashboard name "app\.v2-dev" contains "\."/,
    },
    "lambda-permission-statement-id": {
        pass: () => changed(T.lambdaPermission, { statementId: "AllowApiGateway_1" }),
        fail: () => changed(T.lambdaPermission, { statementId: "allow.api" }),
        says: /statement id "allow\.api" contains "\."/,
    },
    "rds-instance-identifier": {
        pass: base,
        fail: () => renamed(T.rdsInstance, "App-dev-db"),
        says: /RDS instance identifier "App-dev-dbxxxxxxx" .*contains "A".*must start with a lower-case letter/,
    },
    "rds-final-snapshot-identifier": {
        pass: base,
        fail: () => changed(T.rdsInstance, { finalSnapshotIdentifier: "app--dev-db-final-1" }),
        says: /two consecutive hyphens/,
    },
    "rds-proxy-name": {
        pass: () => changed(T.rdsProxy, { name: `a${"-b".repeat(31)}` }),
        fail: () => changed(T.rdsProxy, { name: `a${"-b".repeat(31)}c` }),
        says: /is 64 characters; at most 63/,
    },
    "rds-parameter-group-name": {
        pass: base,
        fail: () => changed(T.rdsParameterGroup, { name: "tls-only-" }),
        says: /must not end with a hyphen/,
    },
    "rds-subnet-group-name": {
        pass: () => changed(T.rdsSubnetGroup, { name: "db subnets_1.a" }),
        fail: () => changed(T.rdsSubnetGroup, { name: "Default" }),
        says: /contains "D".*must not be "Default"/,
    },
    "ec2-security-group-name": {
        pass: () => changed(T.securityGroup, { name: "db (mysql): proxy+migrate" }),
        fail: () => changed(T.securityGroup, { name: "sg-db" }),
        says: /must not start with "sg-"/,
    },
    "kms-alias-name": {
        pass: base,
        fail: () => changed(T.kmsAlias, { namePrefix: undefined, name: "alias/aws/app" }),
        says: /must not start with "alias\/aws\/"/,
    },
    "secretsmanager-secret-name": {
        pass: () => changed(T.secret, { name: "app/dev/db+user=a@b" }),
        fail: () => changed(T.secret, { name: "app dev" }),
        says: /contains " "/,
    },
    "cloudwatch-log-group-name": {
        pass: base,
        fail: () => changed(T.logGroup, { name: "/aws/lambda/app:dev" }),
        says: /contains ":"/,
    },
    "eventbridge-bus-name": {
        pass: () => changed(T.eventBus, { name: `orders/${long(200)}.v1` }),
        fail: () => changed(T.eventBus, { name: "aws.partner-bus" }),
        says: /must not start with "aws\."/,
    },
    "eventbridge-rule-name": {
        pass: () => changed(T.eventRule, { name: long(64) }),
        fail: () => changed(T.eventRule, { name: "to projector" }),
        says: /contains " "/,
    },
    "scheduler-schedule-name": {
        pass: () => changed(T.schedule, { name: "relay.every-minute_1" }),
        fail: () => changed(T.schedule, { name: long(65) }),
        says: /is 65 characters; at most 64/,
    },
    "sqs-queue-name": {
        pass: () => changed(T.sqsQueue, { name: long(80) }),
        fail: () => changed(T.sqsQueue, { name: "events.dlq" }),
        says: /contains "\."/,
    },
    "apigatewayv2-api-name": {
        pass: () => changed(T.httpApi, { name: long(128) }),
        fail: () => changed(T.httpApi, { name: long(129) }),
        says: /is 129 characters; at most 128/,
    },
    "apigatewayv2-stage-name": {
        pass: () => changed(T.stage, { name: "v1_live-2" }),
        fail: () => changed(T.stage, { name: "$live" }),
        says: /contains "\$"/,
    },
    "rds-allocated-storage": {
        pass: () => changed(T.rdsInstance, { storageType: "io1", allocatedStorage: 100 }),
        fail: () => changed(T.rdsInstance, { storageType: "io1", allocatedStorage: 20 }),
        says: /io1 storage takes a whole number from 100 to 65536/,
    },
    "rds-max-allocated-storage": {
        pass: () => changed(T.rdsInstance, { allocatedStorage: 20, maxAllocatedStorage: 22 }),
        fail: () => changed(T.rdsInstance, { allocatedStorage: 20, maxAllocatedStorage: 21 }),
        says: /at least 10 percent/,
    },
    "rds-backup-retention": {
        pass: () => changed(T.rdsInstance, { backupRetentionPeriod: 35 }),
        fail: () => changed(T.rdsInstance, { backupRetentionPeriod: 36 }),
        says: /backup retention \(days\) is 36; AWS accepts a whole number from 0 to 35/,
    },
    "rds-master-username": {
        pass: () => changed(T.rdsInstance, { username: "admin_2024_abcde" }),
        fail: () => changed(T.rdsInstance, { username: "administrator_abc" }),
        says: /master user name "administrator_abc"/,
    },
    "rds-db-name": {
        pass: base,
        fail: () => changed(T.rdsInstance, { dbName: "orders-db" }),
        says: /database name "orders-db"/,
    },
    "rds-proxy-idle-client-timeout": {
        pass: () => changed(T.rdsProxy, { idleClientTimeout: 28_800 }),
        fail: () => changed(T.rdsProxy, { idleClientTimeout: 28_801 }),
        says: /idle client timeout \(seconds\) is 28801/,
    },
    "rds-proxy-max-connections-percent": {
        pass: base,
        fail: () => changed(T.rdsProxyTargetGroup, { connectionPoolConfig: { maxConnectionsPercent: 0 } }),
        says: /max connections percent is 0/,
    },
    "rds-proxy-max-idle-connections-percent": {
        pass: () => changed(T.rdsProxyTargetGroup, { connectionPoolConfig: { maxConnectionsPercent: 60, maxIdleConnectionsPercent: 60 } }),
        fail: () => changed(T.rdsProxyTargetGroup, { connectionPoolConfig: { maxConnectionsPercent: 60, maxIdleConnectionsPercent: 61 } }),
        says: /max idle connections percent is 61/,
    },
    "rds-proxy-connection-borrow-timeout": {
        pass: () => changed(T.rdsProxyTargetGroup, { connectionPoolConfig: { connectionBorrowTimeout: 300 } }),
        fail: () => changed(T.rdsProxyTargetGroup, { connectionPoolConfig: { connectionBorrowTimeout: 301 } }),
        says: /borrow timeout \(seconds\) is 301/,
    },
    "lambda-memory-size": {
        pass: () => changed(T.lambdaFunction, { memorySize: 10_240 }),
        fail: () => changed(T.lambdaFunction, { memorySize: 64 }),
        says: /Lambda memory \(MB\) is 64/,
    },
    "lambda-timeout": {
        pass: () => changed(T.lambdaFunction, { timeout: 900 }),
        fail: () => changed(T.lambdaFunction, { timeout: 901 }),
        says: /Lambda timeout \(seconds\) is 901/,
    },
    "lambda-async-retry-attempts": {
        pass: () => changed(T.lambdaEventInvokeConfig, { maximumRetryAttempts: 0 }),
        fail: () => changed(T.lambdaEventInvokeConfig, { maximumRetryAttempts: 3 }),
        says: /asynchronous retry attempts is 3; AWS accepts a whole number from 0 to 2/,
    },
    "lambda-async-event-age": {
        pass: () => changed(T.lambdaEventInvokeConfig, { maximumEventAgeInSeconds: 60 }),
        fail: () => changed(T.lambdaEventInvokeConfig, { maximumEventAgeInSeconds: 59 }),
        says: /maximum event age \(seconds\) is 59/,
    },
    "eventbridge-target-retry-attempts": {
        pass: () => changed(T.eventTarget, { retryPolicy: { maximumRetryAttempts: 0, maximumEventAgeInSeconds: 60 } }),
        fail: () => changed(T.eventTarget, { retryPolicy: { maximumRetryAttempts: 186, maximumEventAgeInSeconds: 86_400 } }),
        says: /target retry attempts is 186; AWS accepts a whole number from 0 to 185/,
    },
    "eventbridge-target-event-age": {
        pass: base,
        fail: () => changed(T.eventTarget, { retryPolicy: { maximumRetryAttempts: 185, maximumEventAgeInSeconds: 86_401 } }),
        says: /target maximum event age \(seconds\) is 86401/,
    },
    "scheduler-retry-attempts": {
        pass: () => changed(T.schedule, { target: { retryPolicy: { maximumRetryAttempts: 185, maximumEventAgeInSeconds: 60 } } }),
        fail: () => changed(T.schedule, { target: { retryPolicy: { maximumRetryAttempts: 186, maximumEventAgeInSeconds: 60 } } }),
        says: /Scheduler retry attempts is 186/,
    },
    "scheduler-event-age": {
        pass: base,
        fail: () => changed(T.schedule, { target: { retryPolicy: { maximumRetryAttempts: 0, maximumEventAgeInSeconds: 30 } } }),
        says: /Scheduler maximum event age \(seconds\) is 30; AWS accepts a whole number from 60 to 86400/,
    },
    "eventbridge-target-on-rule-bus": {
        pass: base,
        fail: () => changed(T.eventTarget, { eventBusName: undefined }),
        says: /names no event bus, so it would be put on the default bus/,
    },
    "eventbridge-target-on-rule-bus on another bus": {
        pass: () => changed(T.eventRule, { eventBusName: undefined }, changed(T.eventTarget, { eventBusName: undefined })),
        fail: () => changed(T.eventTarget, { eventBusName: "app-dev-other-bus" }),
        says: /names the bus "app-dev-other-bus", but rule .* is on "app-dev-orders-bus-0a1b2c3"/,
    },
    "sqs-message-retention": {
        pass: base,
        fail: () => changed(T.sqsQueue, { messageRetentionSeconds: 1_209_601 }),
        says: /SQS message retention \(seconds\) is 1209601/,
    },
    "lambda-environment-size": {
        pass: () => changed(T.lambdaFunction, { environment: { variables: { BIG: long(4096 - '{"BIG":""}'.length) } } }),
        fail: () => changed(T.lambdaFunction, { environment: { variables: { BIG: long(4097 - '{"BIG":""}'.length) } } }),
        says: /take 4097 bytes; Lambda allows 4096/,
    },
    "lambda-environment-keys": {
        pass: base,
        fail: () => changed(T.lambdaFunction, { environment: { variables: { AWS_REGION: FIXTURE_REGION } } }),
        says: /"AWS_REGION" is reserved by Lambda/,
    },
    "apigatewayv2-integration-timeout": {
        pass: () => changed(T.integration, { timeoutMilliseconds: 50 }),
        fail: () => changed(T.integration, { timeoutMilliseconds: 30_001 }),
        says: /HTTP APIs accept 50 to 30000 ms/,
    },
    "cloudwatch-log-retention": {
        pass: () => changed(T.logGroup, { retentionInDays: 3653 }),
        fail: () => changed(T.logGroup, { retentionInDays: 10 }),
        says: /log retention \(days\) is 10; AWS accepts one of 0, 1, 3/,
    },
    "kms-key-deletion-window": {
        pass: () => changed(T.kmsKey, { deletionWindowInDays: 7 }),
        fail: () => changed(T.kmsKey, { deletionWindowInDays: 6 }),
        says: /deletion window \(days\) is 6/,
    },
    "secretsmanager-recovery-window": {
        pass: () => changed(T.secret, { recoveryWindowInDays: 0 }),
        fail: () => changed(T.secret, { recoveryWindowInDays: 3 }),
        says: /recovery window is 3 days/,
    },
    "description-limits": {
        pass: () => changed(T.lambdaFunction, { description: long(256) }),
        fail: () => changed(T.securityGroup, { description: "DB: MySQL from the proxy — only" }),
        says: /security group description .* has characters outside/,
    },
    "tags-limits": {
        pass: () => changed(T.rdsInstance, { tags: Object.fromEntries(Array.from({ length: 47 }, (_, i) => [`k${i}`, "v"])) }),
        // The provider adds three default tags: 48 + 3 = 51.
        fail: () => changed(T.rdsInstance, { tags: Object.fromEntries(Array.from({ length: 48 }, (_, i) => [`k${i}`, "v"])) }),
        says: /51 tags, provider default tags included; AWS allows at most 50/,
    },
    // And RDS's own reserved prefixes, on a value that came from the provider's default tags.
    "tags-limits (rds)": {
        pass: base,
        fail: () =>
            changed("pulumi:providers:aws", { defaultTags: JSON.stringify({ tags: { source: "rds:import" } }) }, changed(T.rdsInstance, { tags: undefined })),
        says: /tag "source" has a key or value starting with aws: or rds:, which RDS refuses/,
    },
    "rds-proxy-engine-version": {
        pass: () => changed(T.rdsInstance, { engineVersion: "8.0.40" }),
        fail: () => changed(T.rdsInstance, { engineVersion: "5.7.44" }),
        says: /runs MySQL 5\.7; RDS Proxy registers RDS for MySQL 8\.0 and 8\.4 only/,
    },
    "rds-proxy-client-password-auth": {
        pass: () =>
            changed(T.rdsProxy, { auths: [{ clientPasswordAuthType: "MYSQL_NATIVE_PASSWORD" }] }, changed(T.rdsInstance, { engineVersion: "8.0" })),
        fail: () => changed(T.rdsProxy, { auths: [{ clientPasswordAuthType: "MYSQL_NATIVE_PASSWORD" }] }),
        says: /MYSQL_NATIVE_PASSWORD in front of MySQL 8\.4/,
    },
    "rds-proxy-iam-auth-target": {
        pass: () => changed(T.rdsProxy, { defaultAuthScheme: "IAM_AUTH", auths: [] }, changed(T.rdsInstance, { iamDatabaseAuthenticationEnabled: true })),
        fail: () => changed(T.rdsProxy, { defaultAuthScheme: "IAM_AUTH", auths: [] }, changed(T.rdsInstance, { iamDatabaseAuthenticationEnabled: false })),
        says: /authenticates to app-dev-db with IAM \(IAM_AUTH\), but the instance does not enable IAM database authentication/,
    },
    "rds-parameter-group-family": {
        pass: base,
        fail: () => changed(T.rdsParameterGroup, { family: "mysql8.0" }),
        says: /has family mysql8\.0; an mysql 8\.4 instance takes family mysql8\.4/,
    },
    "rds-performance-insights-class": {
        pass: () => changed(T.rdsInstance, { instanceClass: "db.t4g.medium", performanceInsightsEnabled: true }),
        fail: () => changed(T.rdsInstance, { performanceInsightsEnabled: true }),
        says: /enabled on db\.t4g\.micro, which does not offer it/,
    },
    "rds-subnets-span-two-azs": {
        pass: base,
        fail: () => changed("aws:ec2/subnet:Subnet", { availabilityZone: `${FIXTURE_REGION}b` }),
        says: new RegExp(`subnets are all in ${FIXTURE_REGION}b`),
    },
    "rds-proxy-borrow-within-function-timeout": {
        // The baseline's function (10 s) connects through the proxy: 8 s leaves it its 2 s, 9 s does not.
        pass: () => changed(T.rdsProxyTargetGroup, { connectionPoolConfig: { connectionBorrowTimeout: 8 } }),
        fail: () => changed(T.rdsProxyTargetGroup, { connectionPoolConfig: { connectionBorrowTimeout: 9 } }),
        says: /may hold a client 9 s for a connection, but function \S*api-fn times out after 10 s/,
    },
    "rds-proxy-borrow-within-function-timeout unset (RDS's 120 s default)": {
        pass: () => changed(T.lambdaFunction, { timeout: 122 }, changed(T.rdsProxyTargetGroup, { connectionPoolConfig: {} })),
        fail: () => changed(T.rdsProxyTargetGroup, { connectionPoolConfig: {} }),
        says: /may hold a client 120 s/,
    },
    "lambda-timeout-within-integration": {
        pass: () => changed(T.lambdaFunction, { timeout: 29 }),
        fail: () => changed(T.lambdaFunction, { timeout: 30 }),
        says: /may run 30 s, but the integration gives up after 30 s/,
    },
};

describe("preflight: rules", () => {
    it("the baseline plan passes every rule", () => {
        assert.deepEqual(preflight(baseline()), []);
    });

    it("has a passing and a failing case for every rule, and no case for a rule that does not exist", () => {
        assert.deepEqual([...new Set(Object.keys(CASES).map((k) => k.split(" ")[0]))].sort(), PREFLIGHT_RULES.map((r) => r.id).sort());
    });

    it("has unique kebab-case ids, and a description, a fix and a dated source for every rule", () => {
        const ids = PREFLIGHT_RULES.map((r) => r.id);
        assert.equal(new Set(ids).size, ids.length);
        for (const rule of PREFLIGHT_RULES) {
            assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
            assert.ok(rule.types.length > 0 && rule.description && rule.fix, rule.id);
            assert.ok(rule.sources.length > 0 && rule.sources.every((s) => /^https:\/\//.test(s.url)), rule.id);
            assert.match(rule.checked, /^\d{4}-\d{2}-\d{2}$/);
        }
    });

    for (const rule of PREFLIGHT_RULES) {
        describe(`rule: ${rule.id}`, () => {
            for (const [key, c] of Object.entries(CASES).filter(([k]) => k.split(" ")[0] === rule.id)) {
                const variant = key.includes(" ") ? ` ${key.slice(key.indexOf(" ") + 1)}` : "";
                it(`accepts a plan AWS accepts${variant}`, () => {
                    assert.deepEqual(preflight(c.pass(), { rules: [rule] }), []);
                });
                it(`refuses the same plan with one value AWS refuses, and says why${variant}`, () => {
                    const failures = preflight(c.fail(), { rules: [rule] });
                    assert.ok(failures.length > 0, "expected a failure");
                    assert.ok(
                        failures.some((f) => c.says.test(f.message)),
                        failures.map((f) => f.message).join("\n"),
                    );
                    assert.ok(failures.every((f) => f.rule === rule.id && f.fix.length > 0));
                });
            }
        });
    }

    describe("values not known yet", () => {
        it("skips a name, a range and a cross-resource check whose input is unknown, instead of failing it", () => {
            const plan = changed(
                T.rdsInstance,
                { identifier: UNKNOWN, backupRetentionPeriod: UNKNOWN, engineVersion: UNKNOWN },
                changed(T.rdsParameterGroup, { family: "mysql8.0" }),
            );
            assert.deepEqual(preflight(plan), []);
        });

        it("skips the environment size when a value is unknown", () => {
            const plan = changed(T.lambdaFunction, { environment: { variables: { BIG: long(5000), ARN: UNKNOWN } } });
            assert.deepEqual(preflight(plan, { rules: PREFLIGHT_RULES.filter((r) => r.id === "lambda-environment-size") }), []);
        });

        it("reads values behind a secret marker", () => {
            const secret = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: 36 };
            const failures = preflight(changed(T.rdsInstance, { backupRetentionPeriod: secret }));
            assert.deepEqual(
                failures.map((f) => f.rule),
                ["rds-backup-retention"],
            );
        });
    });

    describe("names the plan does not set", () => {
        it("checks the RDS identifier Pulumi generates: the logical name and 7 characters, no separator", () => {
            const [failure] = preflight(renamed(T.rdsInstance, `${PREFIX}-${long(63 - PREFIX.length - 1 - 7 + 1)}`), {
                rules: PREFLIGHT_RULES.filter((r) => r.id === "rds-instance-identifier"),
            });
            assert.match(failure?.message ?? "", /is 64 characters; at most 63/);
            assert.deepEqual(
                preflight(renamed(T.rdsInstance, `${PREFIX}-${long(63 - PREFIX.length - 1 - 7)}`), {
                    rules: PREFLIGHT_RULES.filter((r) => r.id === "rds-instance-identifier"),
                }),
                [],
            );
        });

        it("checks a namePrefix as the prefix plus the 26 characters the provider adds", () => {
            const rules = PREFLIGHT_RULES.filter((r) => r.id === "iam-role-name");
            assert.deepEqual(preflight(changed(T.iamRole, { namePrefix: long(38) }), { rules }), []);
            assert.match(preflight(changed(T.iamRole, { namePrefix: long(39) }), { rules })[0]?.message ?? "", /is 65 characters/);
        });

        it("names autonamed resources by the project's pattern when the project and stack are known: <project>-<stack>-<logical>-<7>", () => {
            const names = { project: "shop", stack: "qa" };
            const rules = PREFLIGHT_RULES.filter((r) => r.id === "rds-instance-identifier");
            const room = 63 - "shop-qa-".length - "-xxxxxxx".length;
            assert.deepEqual(preflight(renamed(T.rdsInstance, long(room)), { names, rules }), []);
            const [failure] = preflight(renamed(T.rdsInstance, long(room + 1)), { names, rules });
            assert.match(failure?.message ?? "", new RegExp(`RDS instance identifier "shop-qa-a{${room + 1}}-xxxxxxx" \\(Pulumi's autonaming pattern .*\\) is 64 characters; at most 63`));
        });

        it("tells how short <project>-<stack> must be when the name prefix makes a name too long", () => {
            const names = { project: "acme-payments-platform-orders", stack: "production-ap-east-1" };
            const plan = renamed(T.iamRole, "flow-logs-role");
            const [failure] = preflight(plan, { names, rules: PREFLIGHT_RULES.filter((r) => r.id === "iam-role-name") });
            // 64 minus "-flow-logs-role-" and Pulumi's 7 random characters leaves 41.
            assert.match(failure?.fix ?? "", /"<project>-<stack>" is "acme-payments-platform-orders-production-ap-east-1" \(50 characters\) and may have at most 41/);
        });
    });
});
