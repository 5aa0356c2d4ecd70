import { CloudWatchClient, DescribeAlarmHistoryCommand, SetAlarmStateCommand, paginateDescribeAlarms } from "@aws-sdk/client-cloudwatch";
import { GetAccountSettingsCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { RDSClient, paginateDescribeOrderableDBInstanceOptions } from "@aws-sdk/client-rds";
import type { AwsAccount } from "./ports";
import type { AwsCredentials } from "./sigv4";

/** The AwsAccount port on the AWS SDK, in the stack's region, with the credentials the run resolved. */
export function sdkAccount(region: string | undefined, credentials: AwsCredentials): AwsAccount {
    const config = { region, credentials };
    const rds = new RDSClient(config);
    const lambda = new LambdaClient(config);
    const cloudwatch = new CloudWatchClient(config);
    return {
        async orderableMysqlVersions(instanceClass) {
            const versions: string[] = [];
            for await (const page of paginateDescribeOrderableDBInstanceOptions({ client: rds }, { Engine: "mysql", DBInstanceClass: instanceClass })) {
                versions.push(...(page.OrderableDBInstanceOptions ?? []).flatMap((o) => (o.EngineVersion ? [o.EngineVersion] : [])));
            }
            return versions;
        },
        async lambdaConcurrency() {
            const { AccountLimit } = await lambda.send(new GetAccountSettingsCommand({}));
            return { limit: AccountLimit?.ConcurrentExecutions ?? 0, unreserved: AccountLimit?.UnreservedConcurrentExecutions ?? 0 };
        },
        async alarmsNotifying(topicArn) {
            const names: string[] = [];
            for await (const page of paginateDescribeAlarms({ client: cloudwatch }, { ActionPrefix: topicArn, AlarmTypes: ["MetricAlarm"] })) {
                names.push(...(page.MetricAlarms ?? []).flatMap((a) => (a.AlarmName ? [a.AlarmName] : [])));
            }
            return names;
        },
        async setAlarmState(alarmName, state, reason) {
            await cloudwatch.send(new SetAlarmStateCommand({ AlarmName: alarmName, StateValue: state, StateReason: reason }));
        },
        async alarmActions(alarmName, since) {
            const { AlarmHistoryItems = [] } = await cloudwatch.send(
                new DescribeAlarmHistoryCommand({ AlarmName: alarmName, HistoryItemType: "Action", StartDate: since, ScanBy: "TimestampAscending" }),
            );
            return AlarmHistoryItems.map((item) => ({ timestamp: item.Timestamp ?? since, summary: item.HistorySummary ?? "" }));
        },
    };
}
