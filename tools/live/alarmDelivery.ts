import type { AwsAccount, Clock } from "./ports";

export interface AlarmDeliveryOptions {
    /** The stack output `alarmTopicArn`. */
    readonly topicArn: string;
    readonly clock: Clock;
    /** How long CloudWatch may take to record the action after the state change. */
    readonly timeoutMs: number;
    readonly retryDelayMs: number;
}

/** What CloudWatch writes in an alarm's history when its SNS action went through, and when it did not. */
const EXECUTED = /^Successfully executed action /;
const FAILED = /^Failed to execute action /;

/**
 * Forces one of the stack's alarms into ALARM and waits for CloudWatch's own record of publishing to the alarm
 * topic. The topic is encrypted with the stack's key, so the publish only goes through if the key policy lets
 * CloudWatch use the key: when it does not, the alarm still changes state and the history says "Failed to execute
 * action … AWSKMS … AccessDeniedException" (aws/aws-cdk#11121), a failure nothing else would show (deploy review F24).
 * The alarm is set back to OK afterwards; its next evaluation sets its real state either way.
 */
export async function checkAlarmDelivery(aws: AwsAccount, options: AlarmDeliveryOptions): Promise<string> {
    const { topicArn, clock } = options;
    const [alarm] = [...(await aws.alarmsNotifying(topicArn))].sort();
    if (alarm === undefined) {
        throw new Error(`no alarm of the account notifies ${topicArn}`);
    }
    const since = new Date(clock.now());
    await aws.setAlarmState(alarm, "ALARM", "npm run test:live: checking that an alarm notification reaches the topic");
    try {
        const deadline = clock.now() + options.timeoutMs;
        for (;;) {
            const actions = (await aws.alarmActions(alarm, since)).filter((a) => a.summary.includes(topicArn));
            const failed = actions.find((a) => FAILED.test(a.summary));
            if (failed !== undefined) {
                throw new Error(`${alarm} went into ALARM but CloudWatch could not notify the topic: ${failed.summary}`);
            }
            if (actions.some((a) => EXECUTED.test(a.summary))) {
                return `${alarm} → ${topicArn}: CloudWatch published the notification`;
            }
            if (clock.now() >= deadline) {
                throw new Error(`${alarm} was set to ALARM, but CloudWatch recorded no action on ${topicArn} within ${Math.round(options.timeoutMs / 1000)} s`);
            }
            await clock.sleep(options.retryDelayMs);
        }
    } finally {
        await aws.setAlarmState(alarm, "OK", "npm run test:live: notification check done");
    }
}
