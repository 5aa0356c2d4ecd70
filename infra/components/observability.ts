import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { alarmSpecs, type AlarmSpec, type AlarmThresholds, type MetricStat, type MonitoredEvents, type MonitoredFunction } from "../lib/alarms";
import { dashboardBody } from "../lib/dashboard";
import { regionOf } from "./awsScope";
import { physicalPrefix } from "../lib/naming";

export interface ObservabilityArgs {
    /** The stack's CMK; its policy lets CloudWatch use it for this stack's alarms (lib/keyPolicy.ts). */
    readonly kmsKeyArn: pulumi.Input<string>;
    /** Where alarm notifications go; none, and the alarms only change state (dev). */
    readonly alarmEmail?: string;
    readonly thresholds: AlarmThresholds;
    readonly apiId: pulumi.Input<string>;
    readonly stageName: pulumi.Input<string>;
    readonly apiFunction: MonitoredFunction<pulumi.Input<string>>;
    readonly migrateFunction: MonitoredFunction<pulumi.Input<string>>;
    readonly dbInstanceId: pulumi.Input<string>;
    readonly proxyName: pulumi.Input<string>;
    /** The app's metrics (app/src/metrics.ts): CloudWatch namespace and `service` of the API function. */
    readonly appMetricsNamespace: string;
    readonly appServiceName: string;
    /** With `events`: the relay, the projector and the dead-letter queue get alarms and a dashboard row. */
    readonly events?: MonitoredEvents<pulumi.Input<string>>;
}

/** MetricAlarm's metric inputs for one statistic: `statistic` for the five plain ones, `extendedStatistic` for percentiles. */
function statistic(stat: string): { statistic: string } | { extendedStatistic: string } {
    return /^p\d/.test(stat) ? { extendedStatistic: stat } : { statistic: stat };
}

function metricInputs(spec: AlarmSpec<pulumi.Input<string>>): Partial<aws.cloudwatch.MetricAlarmArgs> {
    const { metric } = spec;
    if (metric.kind === "single") {
        const { metric: ref, stat, period } = metric.stat;
        return { namespace: ref.namespace, metricName: ref.name, dimensions: ref.dimensions, period, ...statistic(stat) };
    }
    const query = (id: string, s: MetricStat<pulumi.Input<string>>): aws.types.input.cloudwatch.MetricAlarmMetricQuery => ({
        id,
        returnData: false,
        metric: { namespace: s.metric.namespace, metricName: s.metric.name, dimensions: s.metric.dimensions, period: s.period, stat: s.stat },
    });
    return {
        metricQueries: [
            ...Object.entries(metric.inputs).map(([id, s]) => query(id, s)),
            { id: "result", expression: metric.expression, label: metric.label, returnData: true },
        ],
    };
}

/** The events pipeline's names, resolved, for the dashboard body (undefined without `events`). */
function resolveEvents(events: MonitoredEvents<pulumi.Input<string>> | undefined): pulumi.Output<MonitoredEvents<string> | undefined> {
    if (events === undefined) {
        return pulumi.output(undefined);
    }
    return pulumi
        .all([events.relayFunction.name, events.projectorFunction.name, events.deadLetterQueueName, events.projectorQueueName])
        .apply(([relay, projector, queue, inbox]) => ({
            relayFunction: { name: relay, timeoutSeconds: events.relayFunction.timeoutSeconds },
            projectorFunction: { name: projector, timeoutSeconds: events.projectorFunction.timeoutSeconds },
            deadLetterQueueName: queue,
            projectorQueueName: inbox,
            appNamespace: events.appNamespace,
            relayService: events.relayService,
        }));
}

/**
 * Alarms, their notification topic and the stack's dashboard. The topic is encrypted with the stack's CMK;
 * with `alarmEmail` set it gets an email subscription, which AWS confirms only once someone follows the link
 * in the confirmation mail: until then nothing is delivered.
 */
export class Observability extends pulumi.ComponentResource {
    readonly topicArn: pulumi.Output<string>;
    readonly dashboardName: pulumi.Output<string>;
    readonly alarmNames: pulumi.Output<string[]>;

    constructor(name: string, args: ObservabilityArgs, opts?: pulumi.ComponentResourceOptions) {
        super("blueprint:observability:Observability", name, {}, opts);
        const parent = { parent: this };

        const topic = new aws.sns.Topic("alarms", { kmsMasterKeyId: args.kmsKeyArn }, parent);
        if (args.alarmEmail !== undefined) {
            new aws.sns.TopicSubscription("alarm-email", { topic: topic.arn, protocol: "email", endpoint: args.alarmEmail }, parent);
        }

        const resources = {
            apiId: args.apiId,
            stage: args.stageName,
            apiFunction: args.apiFunction,
            migrateFunction: args.migrateFunction,
            dbInstanceId: args.dbInstanceId,
            proxyName: args.proxyName,
            ...(args.events === undefined ? {} : { events: args.events }),
        };
        const specs = alarmSpecs(resources, args.thresholds);
        // Autonamed `<project>-<stack>-<key>-<7 hex>`. A changed key replaces its alarm.
        const alarms = specs.map(
            (spec) =>
                new aws.cloudwatch.MetricAlarm(
                    spec.key,
                    {
                        alarmDescription: spec.description,
                        ...metricInputs(spec),
                        comparisonOperator: spec.comparison,
                        threshold: spec.threshold,
                        evaluationPeriods: spec.evaluationPeriods,
                        datapointsToAlarm: spec.datapointsToAlarm,
                        treatMissingData: spec.treatMissingData,
                        alarmActions: [topic.arn],
                        okActions: [topic.arn],
                    },
                    parent,
                ),
        );

        const prefix = physicalPrefix();
        const dashboard = new aws.cloudwatch.Dashboard(
            "dashboard",
            {
                // Dashboards are per account, not per Region, and PutDashboard overwrites one of the same name:
                // the stack's prefix keeps two stacks apart. pulumi-aws does not autoname dashboards (the input
                // is `dashboardName`, not `name`), so the program names it, once: a dashboard's name cannot
                // change in place, and a renamed stack keeps its dashboard (ignoreChanges, docs/naming.md).
                dashboardName: prefix,
                dashboardBody: pulumi
                    .all([
                        args.apiId,
                        args.stageName,
                        args.apiFunction.name,
                        args.migrateFunction.name,
                        args.dbInstanceId,
                        args.proxyName,
                        // The dashboard's widgets show metrics of the provider's region.
                        pulumi.all([regionOf(this), pulumi.all(alarms.map((alarm) => alarm.arn))]),
                        resolveEvents(args.events),
                    ])
                    .apply(([apiId, stage, apiFunctionName, migrateFunctionName, dbInstanceId, proxyName, [region, alarmArns], events]) => {
                        const resolved = {
                            apiId,
                            stage,
                            apiFunction: { name: apiFunctionName, timeoutSeconds: args.apiFunction.timeoutSeconds },
                            migrateFunction: { name: migrateFunctionName, timeoutSeconds: args.migrateFunction.timeoutSeconds },
                            dbInstanceId,
                            proxyName,
                            ...(events === undefined ? {} : { events }),
                        };
                        return JSON.stringify(
                            dashboardBody({
                                title: `${prefix}: orders API`,
                                region,
                                resources: resolved,
                                alarms: alarmSpecs(resolved, args.thresholds),
                                alarmArns,
                                appNamespace: args.appMetricsNamespace,
                                appService: args.appServiceName,
                            }),
                        );
                    }),
            },
            { ...parent, ignoreChanges: ["dashboardName"] },
        );

        this.topicArn = topic.arn;
        this.dashboardName = dashboard.dashboardName;
        this.alarmNames = pulumi.all(alarms.map((alarm) => alarm.name));
        this.registerOutputs({ topicArn: this.topicArn, dashboardName: this.dashboardName, alarmNames: this.alarmNames });
    }
}
