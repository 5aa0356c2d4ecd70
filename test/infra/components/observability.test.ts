import { strict as assert } from "node:assert";
import { AWS_METRICS } from "../../../infra/lib/metrics";
import { RELAY_METRICS } from "../../../app/src/metrics";
import { fixturePlan, fixturePlanWith, fixtureSettings, idOf, ofType, parseDocument, single } from "../../helpers/stackPlan";
import type { StackPlan } from "../../../tools/plan/run";
import type { PlannedResource } from "../../../tools/plan/mocks";

const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const TOPIC = "aws:sns/topic:Topic";
const SUBSCRIPTION = "aws:sns/topicSubscription:TopicSubscription";
const DASHBOARD = "aws:cloudwatch/dashboard:Dashboard";

interface PlannedMetric {
    readonly namespace: string;
    readonly metricName: string;
    readonly dimensions: Record<string, string>;
}

/** The metrics an alarm reads: its own, or those of its metric-math queries. */
function metricsOf(alarm: PlannedResource): PlannedMetric[] {
    const queries = alarm.inputs.metricQueries as { metric?: PlannedMetric }[] | undefined;
    return queries ? queries.flatMap((q) => (q.metric ? [q.metric] : [])) : [alarm.inputs as unknown as PlannedMetric];
}

/** What the alarms' dimensions must name: the plan's own resources. */
function monitored(plan: StackPlan) {
    return {
        ApiId: idOf(single(plan, "aws:apigatewayv2/api:Api")),
        Stage: "$default",
        // The readiness probe runs only inside a deploy, which fails when it does: nothing to chart or alarm on.
        functions: ofType(plan, "aws:lambda/function:Function")
            .map((fn) => fn.name)
            .filter((name) => name !== "readiness-fn"),
        DBInstanceIdentifier: single(plan, "aws:rds/instance:Instance").name,
        ProxyName: single(plan, "aws:rds/proxy:Proxy").name,
        queues: ofType(plan, "aws:sqs/queue:Queue").map((queue) => queue.name),
    };
}

/** The seven alarms `events` adds. */
const EVENT_ALARMS = ["relay-fn-errors", "relay-not-running", "relay-backlog", "events-parked", "projector-fn-errors", "projector-backlog", "events-dead-letters"];

const regionOf = (plan: StackPlan) => String(single(plan, "pulumi:providers:aws").inputs.region);
const alarmKeys = (plan: StackPlan) => ofType(plan, ALARM).map((a) => a.name).sort();

for (const stack of ["small", "hardened"] as const) {
    describe(`component: Observability (${stack})`, () => {
        it("plans the alarm topic, the alarms and one dashboard", async () => {
            const plan = await fixturePlan(stack);
            assert.equal(ofType(plan, TOPIC).length, 1);
            assert.ok(ofType(plan, ALARM).length > EVENT_ALARMS.length);
            for (const key of EVENT_ALARMS) {
                single(plan, ALARM, key);
            }
            assert.equal(ofType(plan, DASHBOARD).length, 1);
        });

        it("plans exactly the alarms but the events ones with events off", async () => {
            const plan = await fixturePlanWith(stack, { events: "false" });
            const withEvents = alarmKeys(await fixturePlan(stack));
            assert.deepEqual(alarmKeys(plan), withEvents.filter((name) => !EVENT_ALARMS.includes(name)));
            assert.equal(alarmKeys(plan).length, withEvents.length - EVENT_ALARMS.length);
        });

        it("encrypts the topic with the stack's key, whose policy lets CloudWatch use it for alarms of this account and Region only", async () => {
            const plan = await fixturePlan(stack);
            const region = regionOf(plan);
            const key = single(plan, "aws:kms/key:Key");
            assert.equal(single(plan, TOPIC).inputs.kmsMasterKeyId, `arn:aws:kms:${region}:123456789012:key/${idOf(key)}`);
            const policy = parseDocument(key.inputs.policy);
            const cloudwatch = policy.Statement.find((s) => JSON.stringify(s.Principal) === JSON.stringify({ Service: "cloudwatch.amazonaws.com" }));
            assert.ok(cloudwatch, "the key policy has no statement for CloudWatch");
            assert.deepEqual(cloudwatch.Action, ["kms:Decrypt", "kms:GenerateDataKey*"]);
            // No alarm name in the condition: a renamed stack keeps its alarms' old names (docs/naming.md).
            assert.deepEqual(cloudwatch.Condition, {
                StringEquals: { "aws:SourceAccount": "123456789012" },
                ArnLike: { "aws:SourceArn": `arn:aws:cloudwatch:${region}:123456789012:alarm:*` },
            });
            for (const alarm of ofType(plan, ALARM)) {
                assert.equal(alarm.inputs.name, undefined, `${alarm.name} is named by hand instead of by the autonaming pattern`);
            }
        });

        it("notifies the topic when each alarm fires and when it recovers, and describes each", async () => {
            const plan = await fixturePlan(stack);
            const topicArn = `arn:aws:sns:${regionOf(plan)}:123456789012:${single(plan, TOPIC).name}-`;
            for (const alarm of ofType(plan, ALARM)) {
                for (const actions of [alarm.inputs.alarmActions, alarm.inputs.okActions] as string[][]) {
                    assert.equal(actions.length, 1, alarm.name);
                    assert.ok(actions[0]!.startsWith(topicArn), `${alarm.name}: ${actions[0]}`);
                }
                assert.equal(alarm.inputs.insufficientDataActions, undefined);
                // Only the alarm on the relay's invocations counts a missing minute as a breach: no datapoint is its subject.
                assert.match(String(alarm.inputs.treatMissingData), alarm.name === "relay-not-running" ? /^breaching$/ : /^(missing|notBreaching)$/);
                assert.ok(String(alarm.inputs.alarmDescription).length <= 1024);
            }
        });

        it("watches AWS metrics from the metric table, with the dimension values of this stack's resources", async () => {
            const plan = await fixturePlan(stack);
            const expected = monitored(plan);
            const watched = new Set<string>();
            for (const alarm of ofType(plan, ALARM)) {
                for (const metric of metricsOf(alarm)) {
                    if (metric.namespace === `${plan.project}-${plan.stack}`) {
                        // The app's own metrics: the relay's, by the names it writes, with `service` alone.
                        assert.ok((Object.values(RELAY_METRICS) as string[]).includes(metric.metricName), `${alarm.name}: ${metric.metricName}`);
                        assert.deepEqual(metric.dimensions, { service: "orders-relay" });
                        continue;
                    }
                    const names = Object.keys(metric.dimensions).sort().join("+");
                    const entry = Object.values(AWS_METRICS).find(
                        (m) => m.namespace === metric.namespace && m.name === metric.metricName && m.dimensionSets.some((set) => [...set].sort().join("+") === names),
                    );
                    assert.ok(entry, `${alarm.name}: ${metric.namespace} ${metric.metricName} with ${names} is not in the table`);
                    for (const [dimension, value] of Object.entries(metric.dimensions)) {
                        if (dimension === "FunctionName") {
                            assert.ok(expected.functions.includes(value), `${alarm.name}: ${value}`);
                        } else if (dimension === "QueueName") {
                            // A queue is autonamed: its logical name, "-" and Pulumi's random characters.
                            assert.ok(expected.queues.some((queue) => value.startsWith(`${queue}-`)), `${alarm.name}: ${value}`);
                        } else {
                            assert.equal(value, expected[dimension as "ApiId" | "Stage" | "DBInstanceIdentifier" | "ProxyName"], `${alarm.name}: ${dimension}`);
                        }
                    }
                    watched.add(`${metric.namespace} ${metric.metricName}`);
                }
            }
            for (const name of ["AWS/ApiGateway 5xx", "AWS/ApiGateway Latency", "AWS/Lambda Errors", "AWS/Lambda Throttles", "AWS/Lambda Duration", "AWS/RDS CPUUtilization", "AWS/RDS FreeableMemory", "AWS/RDS FreeStorageSpace", "AWS/RDS DatabaseConnections", "AWS/RDS DatabaseConnectionsCurrentlySessionPinned", "AWS/RDS ClientConnectionsSetupFailedAuth", "AWS/RDS DatabaseConnectionsBorrowLatency", "AWS/RDS MaxDatabaseConnectionsAllowed", "AWS/SQS ApproximateNumberOfMessagesVisible", "AWS/Lambda Invocations"]) {
                assert.ok(watched.has(name), `no alarm on ${name}`);
            }
        });

        it("watches both functions, migrate's failures with a single failed minute", async () => {
            const plan = await fixturePlan(stack);
            const migrate = single(plan, "aws:lambda/function:Function", "migrate-fn").name;
            const failed = single(plan, ALARM, "migrate-failed");
            assert.deepEqual([failed.inputs.metricName, failed.inputs.dimensions, failed.inputs.evaluationPeriods, failed.inputs.threshold], ["Errors", { FunctionName: migrate }, 1, 0]);
            const api = single(plan, "aws:lambda/function:Function", "api-fn").name;
            const duration = single(plan, ALARM, "api-fn-duration");
            assert.deepEqual([duration.inputs.extendedStatistic, duration.inputs.dimensions, duration.inputs.threshold], ["p90", { FunctionName: api }, 8000]);
        });

        it("charts the stack's resources and every alarm on a dashboard named after the stack, a name kept on a rename", async () => {
            const plan = await fixturePlan(stack);
            const dashboard = single(plan, DASHBOARD);
            assert.equal(dashboard.inputs.dashboardName, `${plan.project}-${plan.stack}`);
            assert.deepEqual(dashboard.options.ignoreChanges, ["dashboardName"]);
            const body = JSON.parse(String(dashboard.inputs.dashboardBody)) as { widgets: { type: string; properties: { alarms?: string[] } }[] };
            const status = body.widgets.find((w) => w.type === "alarm");
            assert.equal(status?.properties.alarms?.length, ofType(plan, ALARM).length);
            const text = JSON.stringify(body);
            const expected = monitored(plan);
            for (const value of [expected.ApiId, expected.DBInstanceIdentifier, expected.ProxyName, ...expected.functions]) {
                assert.ok(text.includes(`"${value}"`), value);
            }
        });

        it("gives the API function the stack's namespace for its own metrics", async () => {
            const plan = await fixturePlan(stack);
            const variables = (single(plan, "aws:lambda/function:Function", "api-fn").inputs.environment as { variables: Record<string, string> }).variables;
            assert.equal(variables.POWERTOOLS_METRICS_NAMESPACE, `${plan.project}-${plan.stack}`);
            assert.equal(variables.POWERTOOLS_SERVICE_NAME, "orders-api");
        });
    });
}

describe("component: Observability, per stack", () => {
    it("subscribes nobody without alarmEmail: the alarms change state and page no one", async () => {
        assert.equal(fixtureSettings("small").alarmEmail, undefined);
        assert.deepEqual(ofType(await fixturePlan("small"), SUBSCRIPTION), []);
    });

    it("subscribes the stack's alarmEmail to the topic by email", async () => {
        const plan = await fixturePlan("hardened");
        const subscription = single(plan, SUBSCRIPTION);
        assert.equal(subscription.inputs.protocol, "email");
        assert.equal(subscription.inputs.endpoint, fixtureSettings("hardened").alarmEmail);
        assert.match(String(subscription.inputs.topic), new RegExp(`:${single(plan, TOPIC).name}-`));
    });

    it("takes its thresholds from config: the hardened stack's stricter ones, the defaults otherwise", async () => {
        const threshold = (plan: StackPlan, key: string) => Number(single(plan, ALARM, key).inputs.threshold);
        const [small, hardened] = [await fixturePlan("small"), await fixturePlan("hardened")];
        assert.equal(fixtureSettings("small").alarmApi5xxPercent, undefined);
        assert.equal(threshold(small, "api-5xx-rate"), 5);
        assert.equal(threshold(hardened, "api-5xx-rate"), Number(fixtureSettings("hardened").alarmApi5xxPercent));
        assert.equal(threshold(hardened, "db-freeable-memory"), Number(fixtureSettings("hardened").alarmDbFreeableMemoryMb) * 1024 * 1024);
        const tuned = await fixturePlanWith("small", { alarmDbCpuPercent: "75", alarmEmail: "ops@example.org" });
        assert.equal(threshold(tuned, "db-cpu"), 75);
        assert.equal(single(tuned, SUBSCRIPTION).inputs.endpoint, "ops@example.org");
    });
});
