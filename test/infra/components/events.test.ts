import { strict as assert } from "node:assert";
import { EVENT_SOURCE } from "../../../app/src/outbox/contract";
import { PROJECTOR_MAX_CONCURRENCY } from "../../../infra/components/events";
import type { StackPlan } from "../../../tools/plan/run";
import { fixturePlan, fixturePlanWith, ofType, parseDocument, single } from "../../helpers/stackPlan";

const FN = "aws:lambda/function:Function";
const EVENTS_TYPES = [
    "aws:cloudwatch/eventBus:EventBus",
    "aws:cloudwatch/eventRule:EventRule",
    "aws:cloudwatch/eventTarget:EventTarget",
    "aws:scheduler/schedule:Schedule",
    "aws:lambda/eventSourceMapping:EventSourceMapping",
];
const QUEUE = "aws:sqs/queue:Queue";
const QUEUE_POLICY = "aws:sqs/queuePolicy:QueuePolicy";
const INVOKE_CONFIG = "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig";

const policyOf = (plan: StackPlan, suffix: string) => parseDocument(single(plan, "aws:iam/rolePolicy:RolePolicy", suffix).inputs.policy).Statement;
const envOf = (plan: StackPlan, suffix: string) => (single(plan, FN, suffix).inputs.environment as { variables: Record<string, string> }).variables;
const busName = (plan: StackPlan) => String(envOf(plan, "relay-fn").EVENT_BUS_NAME);
const regionOf = (plan: StackPlan) => String(single(plan, "pulumi:providers:aws").inputs.region);

for (const stack of ["small", "hardened"] as const) {
    describe(`component: Events (${stack})`, () => {
        let plan: StackPlan;
        let region: string;
        before(async () => {
            plan = await fixturePlan(stack);
            region = regionOf(plan);
        });

        it("plans the bus, the EventBridge endpoint, the schedule, the projector's queue and the dead-letter queue", () => {
            for (const type of EVENTS_TYPES) {
                assert.equal(ofType(plan, type).length, 1, type);
            }
            assert.deepEqual(ofType(plan, INVOKE_CONFIG).map((c) => c.name), ["relay-async"]);
            assert.deepEqual(ofType(plan, QUEUE).map((q) => q.name).sort(), ["events-dlq", "projector-queue"]);
            assert.deepEqual(ofType(plan, QUEUE_POLICY).map((q) => q.name).sort(), ["events-dlq-policy", "projector-queue-policy"]);
            const endpoint = single(plan, "aws:ec2/vpcEndpoint:VpcEndpoint", "events").inputs;
            assert.equal(endpoint.serviceName, `com.amazonaws.${region}.events`);
            assert.equal(endpoint.vpcEndpointType, "Interface");
            assert.equal(endpoint.privateDnsEnabled, true);
            assert.deepEqual(endpoint.securityGroupIds, ["events-endpoint-sg-id"]);
        });

        it("scopes the endpoint policy to PutEvents on this bus, by principals of the account", () => {
            const [statement, ...rest] = parseDocument(single(plan, "aws:ec2/vpcEndpoint:VpcEndpoint", "events").inputs.policy).Statement;
            assert.deepEqual(rest, []);
            assert.equal(statement?.Action, "events:PutEvents");
            assert.equal(statement?.Resource, `arn:aws:events:${region}:123456789012:event-bus/${busName(plan)}`);
            assert.deepEqual(statement?.Condition, { StringEquals: { "aws:PrincipalAccount": "123456789012" } });
        });

        it("lets the relay publish to this bus and log in as the app user through the proxy, nothing more", () => {
            const statements = policyOf(plan, "relay-permissions");
            const actions = statements.map((s) => String(s.Action)).sort();
            assert.deepEqual(actions.filter((a) => !a.startsWith("logs:") && !a.startsWith("ec2:")), ["events:PutEvents", "rds-db:connect"]);
            const put = statements.find((s) => s.Action === "events:PutEvents");
            assert.equal(put?.Resource, `arn:aws:events:${region}:123456789012:event-bus/${busName(plan)}`);
            const env = envOf(plan, "relay-fn");
            assert.deepEqual([env.DB_AUTH, env.DB_USER, env.DB_TLS, env.POWERTOOLS_SERVICE_NAME], ["iam", "app", "required", "orders-relay"]);
            assert.match(env.DB_HOST ?? "", /\.proxy-/);
        });

        it("lets the projector log in and read its own queue, nothing more", () => {
            const statements = policyOf(plan, "projector-permissions");
            const actions = statements.map((s) => String(s.Action)).filter((a) => !a.startsWith("logs:") && !a.startsWith("ec2:")).sort();
            assert.deepEqual(actions, ["rds-db:connect", "sqs:ReceiveMessage,sqs:DeleteMessage,sqs:GetQueueAttributes"]);
            const queue = single(plan, QUEUE, "projector-queue");
            assert.match(String(statements.find((s) => String(s.Action).startsWith("sqs:"))?.Resource), new RegExp(`:sqs:${region}:123456789012:${queue.name}-`));
            assert.equal(envOf(plan, "projector-fn").EVENT_BUS_NAME, undefined);
        });

        it("runs the relay every minute through a role that may invoke that function only", () => {
            const schedule = single(plan, "aws:scheduler/schedule:Schedule").inputs as {
                scheduleExpression: string;
                flexibleTimeWindow: { mode: string };
                target: { arn: string; roleArn: string; retryPolicy: { maximumRetryAttempts: number } };
            };
            assert.equal(schedule.scheduleExpression, "rate(1 minute)");
            assert.equal(schedule.flexibleTimeWindow.mode, "OFF");
            const relay = single(plan, FN, "relay-fn");
            assert.equal(schedule.target.arn, `arn:aws:lambda:${region}:123456789012:function:${relay.name}`);
            assert.equal(schedule.target.retryPolicy.maximumRetryAttempts, 0);
            const role = single(plan, "aws:iam/role:Role", "scheduler-role");
            const trust = parseDocument(role.inputs.assumeRolePolicy).Statement[0];
            assert.deepEqual(trust?.Principal, { Service: "scheduler.amazonaws.com" });
            assert.deepEqual(trust?.Condition, { StringEquals: { "aws:SourceAccount": "123456789012" } });
            const [invoke, ...others] = policyOf(plan, "scheduler-invoke");
            assert.deepEqual(others, []);
            assert.equal(invoke?.Action, "lambda:InvokeFunction");
            assert.deepEqual(invoke?.Resource, [schedule.target.arn, `${schedule.target.arn}:*`]);
            // Scheduler invokes asynchronously: Lambda must neither retry a failed run nor keep one past the next minute.
            const relayAsync = single(plan, INVOKE_CONFIG, "relay-async").inputs as Record<string, unknown>;
            assert.equal(relayAsync.functionName, relay.name);
            assert.deepEqual([relayAsync.maximumRetryAttempts, relayAsync.maximumEventAgeInSeconds, relayAsync.destinationConfig], [0, 60, undefined]);
            // Each run polls until the next one takes its lease: its timeout outlasts the schedule's minute.
            assert.ok(Number(relay.inputs.timeout) > 60, `relay timeout ${String(relay.inputs.timeout)} s`);
            // Scheduler checks the role when the schedule is created.
            assert.ok(single(plan, "aws:scheduler/schedule:Schedule").options.dependsOn.some((urn) => urn.endsWith("::scheduler-invoke")));
        });

        it("routes every orders event on the bus to the projector's queue, with retries and the dead-letter queue", () => {
            const rule = single(plan, "aws:cloudwatch/eventRule:EventRule").inputs;
            assert.equal(rule.eventBusName, busName(plan));
            assert.deepEqual(JSON.parse(String(rule.eventPattern)), { source: [EVENT_SOURCE] });
            const target = single(plan, "aws:cloudwatch/eventTarget:EventTarget").inputs as Record<string, unknown>;
            // On a custom bus the target must name it, or the provider looks for the rule on the default bus.
            assert.equal(target.eventBusName, busName(plan));
            assert.match(String(target.arn), new RegExp(`^arn:aws:sqs:${region}:123456789012:${single(plan, QUEUE, "projector-queue").name}-`));
            assert.deepEqual(target.retryPolicy, { maximumRetryAttempts: 185, maximumEventAgeInSeconds: 86_400 });
            const deadLetters = single(plan, QUEUE, "events-dlq");
            assert.match(String((target.deadLetterConfig as { arn: string }).arn), new RegExp(`:sqs:${region}:123456789012:${deadLetters.name}-`));
            assert.deepEqual(ofType(plan, "aws:lambda/permission:Permission").filter((p) => p.name === "invoke-from-rule"), [], "EventBridge no longer invokes the projector");
            // The target waits for the queue policies that let the rule send.
            const waits = single(plan, "aws:cloudwatch/eventTarget:EventTarget").options.dependsOn;
            assert.ok(waits.some((urn) => urn.endsWith("::projector-queue-policy")) && waits.some((urn) => urn.endsWith("::events-dlq-policy")));
        });

        it("hands the projector its queue in batches, at most PROJECTOR_MAX_CONCURRENCY instances at once, failed messages to the dead-letter queue", () => {
            const mapping = single(plan, "aws:lambda/eventSourceMapping:EventSourceMapping").inputs as Record<string, unknown>;
            const queue = single(plan, QUEUE, "projector-queue");
            assert.match(String(mapping.eventSourceArn), new RegExp(`:sqs:${region}:123456789012:${queue.name}-`));
            assert.equal(mapping.functionName, single(plan, FN, "projector-fn").name);
            assert.deepEqual(mapping.functionResponseTypes, ["ReportBatchItemFailures"]);
            assert.deepEqual(mapping.scalingConfig, { maximumConcurrency: PROJECTOR_MAX_CONCURRENCY });
            assert.ok(PROJECTOR_MAX_CONCURRENCY >= 2 && PROJECTOR_MAX_CONCURRENCY <= 1000, "SQS event sources take 2 to 1000");
            // Lambda refuses a queue whose visibility timeout is shorter than the function's.
            const projector = single(plan, FN, "projector-fn").inputs;
            assert.ok(Number(queue.inputs.visibilityTimeoutSeconds) >= Number(projector.timeout));
            assert.equal(queue.inputs.sqsManagedSseEnabled, true);
            const redrive = JSON.parse(String(queue.inputs.redrivePolicy)) as { deadLetterTargetArn: string; maxReceiveCount: number };
            assert.match(redrive.deadLetterTargetArn, new RegExp(`:sqs:${region}:123456789012:${single(plan, QUEUE, "events-dlq").name}-`));
            // Lambda's SQS page: at least 5, so throttles and a short database outage do not dead-letter events.
            assert.ok(redrive.maxReceiveCount >= 5, `maxReceiveCount ${redrive.maxReceiveCount} sends events to the dead letters after a few minutes' outage`);
        });

        it("encrypts the queues and lets only the projector rule send to each", () => {
            const deadLetters = single(plan, QUEUE, "events-dlq").inputs;
            assert.equal(deadLetters.sqsManagedSseEnabled, true);
            assert.equal(deadLetters.messageRetentionSeconds, 1_209_600);
            for (const policy of ofType(plan, QUEUE_POLICY)) {
                const [statement, ...rest] = parseDocument(policy.inputs.policy).Statement;
                assert.deepEqual(rest, [], policy.name);
                assert.deepEqual(statement?.Principal, { Service: "events.amazonaws.com" });
                assert.equal(statement?.Action, "sqs:SendMessage");
                assert.match(String((statement?.Condition?.ArnEquals as Record<string, string>)["aws:SourceArn"]), /:rule\//);
            }
        });
    });
}

describe("component: Events, its bus protected like the database", () => {
    for (const protection of [true, false]) {
        it(`protects the bus ${protection ? "with" : "without"} dbDeletionProtection, so a destroy or events: false ${protection ? "is refused in the preview" : "deletes it"}`, async () => {
            const plan = await fixturePlanWith("small", { events: "true", dbDeletionProtection: String(protection), dbFinalSnapshot: String(protection) });
            assert.equal(single(plan, "aws:cloudwatch/eventBus:EventBus").options.protect, protection);
            assert.equal(single(plan, "aws:rds/instance:Instance").options.protect, protection, "the same switch protects the database");
        });
    }
});

describe("component: Events with events off", () => {
    it("plans none of it: no bus, endpoint, schedule, functions or queue, and no bus outputs", async () => {
        const plan = await fixturePlanWith("small", { events: "false" });
        for (const type of [...EVENTS_TYPES, INVOKE_CONFIG, QUEUE, QUEUE_POLICY]) {
            assert.equal(ofType(plan, type).length, 0, type);
        }
        assert.deepEqual(ofType(plan, "aws:ec2/vpcEndpoint:VpcEndpoint").map((e) => e.inputs.serviceName), [`com.amazonaws.${regionOf(plan)}.secretsmanager`]);
        assert.deepEqual(ofType(plan, FN).filter((fn) => /(relay|projector)/.test(fn.name)), []);
        assert.deepEqual(Object.keys(plan.outputs).filter((k) => k.startsWith("eventBus")), []);
    });

    it("gives the relay and the projector the app secret in secret mode, like the API", async () => {
        const plan = await fixturePlanWith("small", { dbAuth: "secret" });
        for (const fn of ["relay", "projector"]) {
            const env = envOf(plan, `${fn}-fn`);
            assert.equal(env.DB_AUTH, "secret");
            assert.match(env.DB_SECRET_ARN ?? "", /:secretsmanager:/);
            const actions = policyOf(plan, `${fn}-permissions`).map((s) => String(s.Action));
            assert.ok(actions.some((a) => a.includes("secretsmanager:GetSecretValue")), fn);
            assert.ok(!actions.includes("rds-db:connect"), fn);
        }
    });
});
