import { strict as assert } from "node:assert";
import { AWS_METRICS } from "../../../infra/lib/metrics";
import { RELAY_METRICS } from "../../../app/src/metrics";
import { committedPlan, idOf, ofType, parseDocument, planWith, single } from "../../helpers/stackPlan";
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
        functions: ofType(plan, "aws:lambda/function:Function").map((fn) => fn.name),
        DBInstanceIdentifier: single(plan, "aws:rds/instance:Instance").name,
        ProxyName: single(plan, "aws:rds/proxy:Proxy").name,
        QueueName: single(plan, "aws:sqs/queue:Queue").name,
    };
}

/** The alarms of the stack without the events pipeline, and the six `events` adds. */
const CORE_ALARMS = 16;
const EVENT_ALARMS = ["relay-fn-errors", "relay-not-running", "relay-backlog", "events-parked", "projector-fn-errors", "events-dead-letters"];

for (const stack of ["dev", "prod"]) {
    describe(`component: Observability (${stack})`, () => {
        it("plans the alarm topic, the alarms and one dashboard", async () => {
            const plan = await committedPlan(stack);
            assert.equal(ofType(plan, TOPIC).length, 1);
            assert.equal(ofType(plan, ALARM).length, CORE_ALARMS + EVENT_ALARMS.length);
            for (const key of EVENT_ALARMS) {
                single(plan, ALARM, `-${key}`);
            }
            assert.equal(ofType(plan, DASHBOARD).length, 1);
        });

        it("plans none of the events alarms with events off", async () => {
            const plan = await planWith(stack, { "serverless-mysql:events": "false" });
            assert.equal(ofType(plan, ALARM).length, CORE_ALARMS);
            assert.deepEqual(ofType(plan, ALARM).filter((a) => EVENT_ALARMS.some((key) => a.name.endsWith(`-${key}`))), []);
        });

        it("encrypts the topic with the stack's key, whose policy lets CloudWatch use it for this stack's alarms only", async () => {
            const plan = await committedPlan(stack);
            const key = single(plan, "aws:kms/key:Key");
            assert.equal(single(plan, TOPIC).inputs.kmsMasterKeyId, `arn:aws:kms:eu-west-1:123456789012:key/${idOf(key)}`);
            const policy = parseDocument(key.inputs.policy);
            const cloudwatch = policy.Statement.find((s) => JSON.stringify(s.Principal) === JSON.stringify({ Service: "cloudwatch.amazonaws.com" }));
            assert.ok(cloudwatch, "the key policy has no statement for CloudWatch");
            assert.deepEqual(cloudwatch.Action, ["kms:Decrypt", "kms:GenerateDataKey*"]);
            const pattern = (cloudwatch.Condition?.ArnLike as Record<string, string>)["aws:SourceArn"]!;
            assert.equal(pattern, `arn:aws:cloudwatch:eu-west-1:123456789012:alarm:serverless-mysql-${stack}-*`);
            for (const alarm of ofType(plan, ALARM)) {
                assert.ok(alarm.name.startsWith(`serverless-mysql-${stack}-`), `${alarm.name} falls outside the key policy's alarm pattern`);
            }
        });

        it("notifies the topic when each alarm fires and when it recovers, and describes each", async () => {
            const plan = await committedPlan(stack);
            const topicArn = `arn:aws:sns:eu-west-1:123456789012:${single(plan, TOPIC).name}-`;
            for (const alarm of ofType(plan, ALARM)) {
                for (const actions of [alarm.inputs.alarmActions, alarm.inputs.okActions] as string[][]) {
                    assert.equal(actions.length, 1, alarm.name);
                    assert.ok(actions[0]!.startsWith(topicArn), `${alarm.name}: ${actions[0]}`);
                }
                assert.equal(alarm.inputs.insufficientDataActions, undefined);
                // Only the alarm on the relay's invocations counts a missing minute as a breach: no datapoint is its subject.
                assert.match(String(alarm.inputs.treatMissingData), alarm.name.endsWith("-relay-not-running") ? /^breaching$/ : /^(missing|notBreaching)$/);
                assert.ok(String(alarm.inputs.alarmDescription).length <= 1024);
            }
        });

        it("watches AWS metrics from the metric table, with the dimension values of this stack's resources", async () => {
            const plan = await committedPlan(stack);
            const expected = monitored(plan);
            const watched = new Set<string>();
            for (const alarm of ofType(plan, ALARM)) {
                for (const metric of metricsOf(alarm)) {
                    if (metric.namespace === `serverless-mysql-${stack}`) {
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
                            // The queue is autonamed: its logical name, "-" and Pulumi's random characters.
                            assert.ok(value.startsWith(`${expected.QueueName}-`), `${alarm.name}: ${value}`);
                        } else {
                            assert.equal(value, expected[dimension as "ApiId" | "Stage" | "DBInstanceIdentifier" | "ProxyName" | "QueueName"], `${alarm.name}: ${dimension}`);
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
            const plan = await committedPlan(stack);
            const migrate = single(plan, "aws:lambda/function:Function", "-migrate-fn").name;
            const failed = single(plan, ALARM, "-migrate-failed");
            assert.deepEqual([failed.inputs.metricName, failed.inputs.dimensions, failed.inputs.evaluationPeriods, failed.inputs.threshold], ["Errors", { FunctionName: migrate }, 1, 0]);
            const api = single(plan, "aws:lambda/function:Function", "-api-fn").name;
            const duration = single(plan, ALARM, "-api-fn-duration");
            assert.deepEqual([duration.inputs.extendedStatistic, duration.inputs.dimensions, duration.inputs.threshold], ["p90", { FunctionName: api }, 8000]);
        });

        it("charts the stack's resources and every alarm on a dashboard named after the stack", async () => {
            const plan = await committedPlan(stack);
            const dashboard = single(plan, DASHBOARD);
            assert.equal(dashboard.inputs.dashboardName, `serverless-mysql-${stack}`);
            const body = JSON.parse(String(dashboard.inputs.dashboardBody)) as { widgets: { type: string; properties: { alarms?: string[] } }[] };
            const status = body.widgets.find((w) => w.type === "alarm");
            assert.equal(status?.properties.alarms?.length, CORE_ALARMS + EVENT_ALARMS.length);
            const text = JSON.stringify(body);
            const expected = monitored(plan);
            for (const value of [expected.ApiId, expected.DBInstanceIdentifier, expected.ProxyName, ...expected.functions]) {
                assert.ok(text.includes(`"${value}"`), value);
            }
        });

        it("gives the API function the stack's namespace for its own metrics", async () => {
            const plan = await committedPlan(stack);
            const variables = (single(plan, "aws:lambda/function:Function", "-api-fn").inputs.environment as { variables: Record<string, string> }).variables;
            assert.equal(variables.POWERTOOLS_METRICS_NAMESPACE, `serverless-mysql-${stack}`);
            assert.equal(variables.POWERTOOLS_SERVICE_NAME, "orders-api");
        });
    });
}

describe("component: Observability, per stack", () => {
    it("subscribes nobody in dev: the alarms change state and page no one", async () => {
        assert.deepEqual(ofType(await committedPlan("dev"), SUBSCRIPTION), []);
    });

    it("subscribes prod's alarmEmail to the topic by email", async () => {
        const plan = await committedPlan("prod");
        const subscription = single(plan, SUBSCRIPTION);
        assert.equal(subscription.inputs.protocol, "email");
        assert.equal(subscription.inputs.endpoint, "oncall@example.com");
        assert.match(String(subscription.inputs.topic), new RegExp(`:${single(plan, TOPIC).name}-`));
    });

    it("takes its thresholds from config: prod's are stricter than dev's", async () => {
        const threshold = (plan: StackPlan, key: string) => Number(single(plan, ALARM, `-${key}`).inputs.threshold);
        const [dev, prod] = [await committedPlan("dev"), await committedPlan("prod")];
        assert.equal(threshold(dev, "api-5xx-rate"), 5);
        assert.equal(threshold(prod, "api-5xx-rate"), 1);
        assert.equal(threshold(prod, "db-freeable-memory"), 1024 * 1024 * 1024);
        const tuned = await planWith("dev", { "serverless-mysql:alarmDbCpuPercent": "75", "serverless-mysql:alarmEmail": "ops@example.org" });
        assert.equal(threshold(tuned, "db-cpu"), 75);
        assert.equal(single(tuned, SUBSCRIPTION).inputs.endpoint, "ops@example.org");
    });
});
