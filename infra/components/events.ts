import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { LambdaBundle } from "../../app/build";
import { EVENT_SOURCE } from "../../app/src/outbox/contract";
import type { LogLevel } from "../config";
import {
    queueFromRulePolicy,
    eventsEndpointPolicy,
    invokeFunctionStatement,
    policyDocument,
    putEventsStatement,
    receiveFromQueueStatement,
    serviceTrustPolicy,
} from "../lib/iam";
import { appDatabaseAccess, type AppDatabaseAccessArgs } from "./appDatabaseAccess";
import { accountIdOf } from "./awsScope";
import { interfaceEndpoint } from "./endpoints";
import { VpcFunction } from "./vpcFunction";

export interface EventsArgs extends AppDatabaseAccessArgs {
    /** The relay's and the projector's code, bundled by the entry point (app/build.ts). */
    readonly relayCode: LambdaBundle;
    readonly projectorCode: LambdaBundle;
    readonly vpcId: pulumi.Input<string>;
    readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    readonly relaySecurityGroupId: pulumi.Input<string>;
    readonly projectorSecurityGroupId: pulumi.Input<string>;
    readonly eventsEndpointSecurityGroupId: pulumi.Input<string>;
    readonly detachedSecurityGroupId: pulumi.Input<string>;
    readonly logRetentionDays: number;
    readonly logLevel: LogLevel;
    /** CloudWatch namespace of the app's metrics (the stack's name, like the API's). */
    readonly metricsNamespace: string;
    /**
     * Pulumi-`protect` the bus (with `dbDeletionProtection`, like the database): others may subscribe rules to it, and
     * deleting it (a destroy, or `events: false`) would drop their subscriptions, or stop on them (EventBridge refuses
     * to delete a bus that has rules). The preview refuses instead, until protection is turned off deliberately.
     */
    readonly protectBus: boolean;
}

/** The functions' `service`, in their logs and as the dimension of their metrics (app/src/config.ts defaults). */
export const RELAY_SERVICE_NAME = "orders-relay";
export const PROJECTOR_SERVICE_NAME = "orders-projector";

// The relay's and projector's timeouts live with the proxy's borrow limit they bound (lib/functionTimeouts.ts).
import { PROJECTOR_TIMEOUT_SECONDS, RELAY_SCHEDULE_PERIOD_SECONDS, RELAY_TIMEOUT_SECONDS } from "../lib/functionTimeouts";
export { PROJECTOR_TIMEOUT_SECONDS, RELAY_TIMEOUT_SECONDS };

/**
 * How often EventBridge delivers an event to the projector before giving up, and for how long (the rule target's
 * RetryPolicy: 0-185 attempts, 60-86400 s); the target's own defaults, written out.
 */
const DELIVERY_RETRY = { maximumRetryAttempts: 185, maximumEventAgeInSeconds: 86_400 } as const;

/**
 * The projector's queue and how its event source mapping reads it:
 * - visibility 60 s: at least the function's timeout (Lambda refuses less), 6 × it as Lambda's SQS page advises;
 * - a message received 5 times without being deleted goes to the dead-letter queue (its redrive policy), the least
 *   Lambda's "Understanding SQS retries" page advises: a receive counts whether the projector failed the message or
 *   Lambda was throttled before running it, and each retry waits out the visibility timeout, so 5 rides out about 4
 *   minutes of a database or proxy outage (a reboot, a failover) where 3 dead-lettered every event of one over about
 *   2 minutes, each a gap in the read model until someone rebuilds it (F36);
 * - 4 days' retention (SQS's default): a longer outage of the projector fills the dead-letter queue instead, which alarms;
 * - batches of 10: one invocation applies up to 10 events, in order, and answers those it could not (partial batch response).
 */
const PROJECTOR_QUEUE = { visibilityTimeoutSeconds: 6 * PROJECTOR_TIMEOUT_SECONDS, maxReceiveCount: 5, messageRetentionSeconds: 4 * 24 * 60 * 60, batchSize: 10 } as const;

/**
 * The most projector instances the queue may run at once (the event source's maximum concurrency, 2-1000): a backlog
 * replay at the relay's 3,000 events a second would otherwise take about 60 instances of the account's concurrency,
 * which the API shares, and 60 connections through the proxy. 5 instances apply hundreds of events a second each in
 * batches (`npm run bench`), and the queue holds the rest. Unlike reserved concurrency it reserves nothing, so it
 * deploys on accounts with a low quota (F16).
 */
export const PROJECTOR_MAX_CONCURRENCY = 5;

/**
 * Scheduler invokes the relay asynchronously too (Lambda's "Invoke a Lambda function on a schedule" page), so by default
 * Lambda would run a failed run twice more, one and two minutes later, and keep a throttled one queued for six hours:
 * stale runs piling up beside the fresh one the schedule starts every minute. A run carries nothing of its own (it
 * drains from the checkpoint), so none is retried and none waits longer than the minute to the next one. Each run
 * lasts about a minute (it polls until the next one takes its lease over, timeout 150 s): a retried or duplicated
 * delivery would be one more run waiting for the lease, never a second publisher, and with no retries there is none.
 */
const RELAY_RETRY = { maximumRetryAttempts: 0, maximumEventAgeInSeconds: 60 } as const;

/**
 * Lambda gives CPU in proportion to memory (1,769 MB is one vCPU: Lambda's "Configure Lambda function memory" page).
 * The SDK spends about 1.4 ms of CPU per PutEvents request (measured beside `npm run bench`), so 2,000 events a second
 * (200 requests) need about 0.3 vCPU: 512 MB. It runs all the time (each run polls for its minute), so memory is the
 * relay's idle cost: about $17 a month at 512 MB on arm64, half at 256 MB for half the rate (`npm run cost`).
 */
export const RELAY_MEMORY_MB = 512;

/** SQS keeps a message at most 14 days; dead letters get all of them. */
const DEAD_LETTER_RETENTION_SECONDS = 14 * 24 * 60 * 60;

/**
 * Events leave the database (issue 12): the event store is the outbox, the relay publishes it to this stack's bus,
 * and the projector keeps the read model behind GET /orders from the bus.
 *
 * - The bus is custom, so the stack's events and rules stay apart from the account's default bus.
 * - The relay runs in the isolated subnets and reaches EventBridge through an interface endpoint (private DNS, so the
 *   SDK's default endpoint resolves to it); the endpoint's policy allows PutEvents on this bus only, and its group
 *   accepts HTTPS from the relay's group only. EventBridge Scheduler starts the relay every minute with a role that may
 *   invoke that function and nothing else; each run polls for about that minute, until the next takes its lease over
 *   (lag under 2 s, docs/app.md "Events on the bus").
 * - The rule sends every event to the projector's SQS queue, which the projector reads through an event source mapping
 *   with a maximum concurrency, so a backlog replay never takes more than that of the account's concurrency. The rule
 *   target's retry policy and dead-letter queue cover deliveries EventBridge could not make; messages the projector
 *   fails five times move to the same queue (redrive), so an event the read model never got is always in one place.
 */
export class Events extends pulumi.ComponentResource {
    readonly eventBusName: pulumi.Output<string>;
    readonly eventBusArn: pulumi.Output<string>;
    readonly relayFunctionName: pulumi.Output<string>;
    readonly projectorFunctionName: pulumi.Output<string>;
    readonly deadLetterQueueName: pulumi.Output<string>;
    readonly projectorQueueName: pulumi.Output<string>;
    readonly scheduleName: pulumi.Output<string>;
    readonly endpointId: pulumi.Output<string>;

    constructor(name: string, args: EventsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("blueprint:events:Events", name, {}, opts);
        const parent = { parent: this };
        const access = appDatabaseAccess(args, this);
        const accountId = accountIdOf(this);
        const common = {
            subnetIds: args.subnetIds,
            detachedSecurityGroupId: args.detachedSecurityGroupId,
            logRetentionDays: args.logRetentionDays,
            logLevel: args.logLevel,
        };

        // A "Custom Event Bus - Classic" (rules and targets, the `events` API and endpoint service). EventBridge's newer
        // Custom Event Bus (subscribers, retention, ordered delivery) has its own API, SDK client, `eventsv2` endpoint
        // service and `event-busv2` ARNs: moving to it changes the endpoint, the policies and the relay's client (F19).
        const bus = new aws.cloudwatch.EventBus("orders-bus", { description: "order events from the outbox relay" }, { ...parent, protect: args.protectBus });

        const endpoint = interfaceEndpoint(
            "events",
            {
                vpcId: args.vpcId,
                service: "events",
                subnetIds: args.subnetIds,
                securityGroupId: args.eventsEndpointSecurityGroupId,
                policy: pulumi.all([bus.arn, accountId]).apply(([busArn, account]) => JSON.stringify(eventsEndpointPolicy(busArn, account))),
            },
            this,
        );

        const relay = new VpcFunction(
            "relay",
            {
                ...common,
                description: "outbox relay: event store to EventBridge, polling while it holds the lease",
                files: { "index.js": new pulumi.asset.StringAsset(args.relayCode.code) },
                environment: {
                    ...access.environment,
                    EVENT_BUS_NAME: bus.name,
                    POWERTOOLS_SERVICE_NAME: RELAY_SERVICE_NAME,
                    POWERTOOLS_METRICS_NAMESPACE: args.metricsNamespace,
                },
                securityGroupId: args.relaySecurityGroupId,
                memoryMb: RELAY_MEMORY_MB,
                timeoutSeconds: RELAY_TIMEOUT_SECONDS,
                statements: pulumi.all([access.statements, bus.arn]).apply(([statements, busArn]) => [...statements, putEventsStatement(busArn)]),
            },
            parent,
        );

        new aws.lambda.FunctionEventInvokeConfig("relay-async", { functionName: relay.functionName, ...RELAY_RETRY }, parent);

        const schedulerRole = new aws.iam.Role(
            "scheduler-role",
            {
                description: "EventBridge Scheduler starts the outbox relay",
                // Scheduler sends aws:SourceAccount when it assumes the role (its confused-deputy page); the schedule
                // group's ARN would also do as aws:SourceArn, but the account is what its setup guide shows.
                assumeRolePolicy: accountId.apply((account) => JSON.stringify(serviceTrustPolicy("scheduler.amazonaws.com", account))),
            },
            parent,
        );
        const schedulerPermissions = new aws.iam.RolePolicy(
            "scheduler-invoke",
            { role: schedulerRole.id, policy: relay.functionArn.apply((arn) => JSON.stringify(policyDocument(invokeFunctionStatement(arn)))) },
            parent,
        );
        const schedule = new aws.scheduler.Schedule(
            "relay-schedule",
            {
                description: "run the outbox relay",
                scheduleExpression: `rate(${RELAY_SCHEDULE_PERIOD_SECONDS / 60} minute)`,
                flexibleTimeWindow: { mode: "OFF" },
                target: {
                    arn: relay.functionArn,
                    roleArn: schedulerRole.arn,
                    input: JSON.stringify({ source: "schedule" }),
                    // A missed run is not retried: the run before it keeps polling until its own reserve (up to 2 min 20 s
                    // after it started), by when the one after has usually started; it drains from the checkpoint.
                    retryPolicy: { maximumRetryAttempts: 0, maximumEventAgeInSeconds: 60 },
                },
            },
            // Scheduler checks that it may assume the role and invoke the target when the schedule is created.
            { ...parent, dependsOn: [schedulerPermissions] },
        );

        const deadLetters = new aws.sqs.Queue(
            "events-dlq",
            { sqsManagedSseEnabled: true, messageRetentionSeconds: DEAD_LETTER_RETENTION_SECONDS },
            parent,
        );

        // The projector's inbox: the rule sends every event here, and the event source mapping below hands the
        // projector batches at a bounded concurrency (F35). A message the projector fails five times moves to the
        // dead-letter queue, where EventBridge also puts what it could not deliver to this queue.
        const inbox = new aws.sqs.Queue(
            "projector-queue",
            {
                sqsManagedSseEnabled: true,
                visibilityTimeoutSeconds: PROJECTOR_QUEUE.visibilityTimeoutSeconds,
                messageRetentionSeconds: PROJECTOR_QUEUE.messageRetentionSeconds,
                redrivePolicy: deadLetters.arn.apply((arn) => JSON.stringify({ deadLetterTargetArn: arn, maxReceiveCount: PROJECTOR_QUEUE.maxReceiveCount })),
            },
            parent,
        );

        const projector = new VpcFunction(
            "projector",
            {
                ...common,
                description: "projector: order events to the read model (order_summaries)",
                files: { "index.js": new pulumi.asset.StringAsset(args.projectorCode.code) },
                environment: {
                    ...access.environment,
                    POWERTOOLS_SERVICE_NAME: PROJECTOR_SERVICE_NAME,
                    POWERTOOLS_METRICS_NAMESPACE: args.metricsNamespace,
                },
                securityGroupId: args.projectorSecurityGroupId,
                memoryMb: 256,
                timeoutSeconds: PROJECTOR_TIMEOUT_SECONDS,
                statements: pulumi.all([access.statements, inbox.arn]).apply(([statements, queueArn]) => [...statements, receiveFromQueueStatement(queueArn)]),
            },
            parent,
        );
        // Lambda's pollers read the queue from the service side, not from the VPC: no SQS endpoint is needed.
        new aws.lambda.EventSourceMapping(
            "projector-source",
            {
                eventSourceArn: inbox.arn,
                functionName: projector.functionName,
                batchSize: PROJECTOR_QUEUE.batchSize,
                functionResponseTypes: ["ReportBatchItemFailures"],
                scalingConfig: { maximumConcurrency: PROJECTOR_MAX_CONCURRENCY },
            },
            parent,
        );

        const rule = new aws.cloudwatch.EventRule(
            "projector-rule",
            {
                description: "every order event to the projector's queue",
                eventBusName: bus.name,
                eventPattern: JSON.stringify({ source: [EVENT_SOURCE] }),
            },
            parent,
        );
        const queuePolicies = [
            new aws.sqs.QueuePolicy(
                "events-dlq-policy",
                { queueUrl: deadLetters.url, policy: pulumi.all([deadLetters.arn, rule.arn]).apply(([queueArn, ruleArn]) => JSON.stringify(queueFromRulePolicy(queueArn, ruleArn))) },
                parent,
            ),
            new aws.sqs.QueuePolicy(
                "projector-queue-policy",
                { queueUrl: inbox.url, policy: pulumi.all([inbox.arn, rule.arn]).apply(([queueArn, ruleArn]) => JSON.stringify(queueFromRulePolicy(queueArn, ruleArn))) },
                parent,
            ),
        ];
        new aws.cloudwatch.EventTarget(
            "projector-target",
            {
                rule: rule.name,
                // A target on a custom bus must name it, or the provider looks for the rule on the default bus.
                eventBusName: bus.name,
                arn: inbox.arn,
                retryPolicy: DELIVERY_RETRY,
                deadLetterConfig: { arn: deadLetters.arn },
            },
            { ...parent, dependsOn: queuePolicies },
        );

        this.eventBusName = bus.name;
        this.eventBusArn = bus.arn;
        this.relayFunctionName = relay.functionName;
        this.projectorFunctionName = projector.functionName;
        this.deadLetterQueueName = deadLetters.name;
        this.projectorQueueName = inbox.name;
        this.scheduleName = schedule.name;
        this.endpointId = endpoint.id;
        this.registerOutputs({
            eventBusName: this.eventBusName,
            eventBusArn: this.eventBusArn,
            relayFunctionName: this.relayFunctionName,
            projectorFunctionName: this.projectorFunctionName,
            deadLetterQueueName: this.deadLetterQueueName,
            projectorQueueName: this.projectorQueueName,
        });
    }
}
