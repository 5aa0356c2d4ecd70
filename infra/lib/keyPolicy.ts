import type { PolicyDocument } from "./iam";

export interface StackKeyPolicyArgs {
    readonly partition: string;
    readonly accountId: string;
    readonly region: string;
}

/**
 * The stack key's policy: AWS's default key policy (the account administers the key, and IAM policies decide
 * who uses it: RDS, Secrets Manager and the functions work through those), plus what CloudWatch needs to
 * publish this stack's alarms to the alarm topic, which the key encrypts.
 *
 * CloudWatch is a service principal, which an IAM policy cannot grant anything, and a publisher to an
 * encrypted topic needs kms:GenerateDataKey* and kms:Decrypt on its key: without this statement the alarms
 * change state but every notification is dropped. SNS's "Enable compatibility between event sources from AWS
 * services and encrypted topics" gives the statement
 * (https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services); the
 * conditions keep other accounts' alarms, and alarms of other Regions, from using the grant (confused deputy).
 * They name no alarm: alarm names follow the project and stack names at creation, and a renamed stack keeps
 * its alarms' old names, so a condition on `<project>-<stack>-*` would cut them off after a rename
 * (docs/naming.md).
 *
 * SNS's page shows the statement without conditions. CloudWatch's key requests do carry aws:SourceAccount and
 * aws:SourceArn (the alarm's ARN): AWS's Modern Data Architecture Accelerator grants CloudWatch alarms exactly this
 * conditioned statement and notes that, unlike EventBridge deliveries (whose KMS requests carry neither key), the
 * conditions are supported here
 * (https://aws.github.io/modern-data-architecture-accelerator/typedocs/functions/_aws-mdaa_cloudwatch-constructs.grantCloudWatchAlarmsTopicAccess.html).
 * Only a deploy proves delivery (docs/deploy-review.md F24).
 */
export function stackKeyPolicy(args: StackKeyPolicyArgs): PolicyDocument {
    const { partition, accountId, region } = args;
    return {
        Version: "2012-10-17",
        Statement: [
            {
                // The statement AWS puts in a key created without a policy; kept word for word.
                Sid: "Enable IAM User Permissions",
                Effect: "Allow",
                Principal: { AWS: `arn:${partition}:iam::${accountId}:root` },
                Action: "kms:*",
                Resource: "*",
            },
            {
                Sid: "CloudWatchAlarmsPublishToTheEncryptedAlarmTopic",
                Effect: "Allow",
                Principal: { Service: "cloudwatch.amazonaws.com" },
                Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
                Resource: "*",
                Condition: {
                    StringEquals: { "aws:SourceAccount": accountId },
                    ArnLike: { "aws:SourceArn": `arn:${partition}:cloudwatch:${region}:${accountId}:alarm:*` },
                },
            },
        ],
    };
}
