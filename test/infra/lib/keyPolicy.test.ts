import { strict as assert } from "node:assert";
import { stackKeyPolicy } from "../../../infra/lib/keyPolicy";

const policy = stackKeyPolicy({ partition: "aws", accountId: "123456789012", region: "eu-west-1", alarmNamePrefix: "serverless-mysql-prod" });

describe("lib: keyPolicy", () => {
    it("keeps AWS's default statement, so the account and its IAM policies still govern the key", () => {
        assert.deepEqual(policy.Statement[0], {
            Sid: "Enable IAM User Permissions",
            Effect: "Allow",
            Principal: { AWS: "arn:aws:iam::123456789012:root" },
            Action: "kms:*",
            Resource: "*",
        });
    });

    it("lets CloudWatch generate data keys and decrypt for this stack's alarms in this account and Region, and nothing else", () => {
        assert.equal(policy.Statement.length, 2);
        const cloudwatch = policy.Statement[1]!;
        assert.deepEqual(cloudwatch.Principal, { Service: "cloudwatch.amazonaws.com" });
        assert.deepEqual(cloudwatch.Action, ["kms:Decrypt", "kms:GenerateDataKey*"]);
        assert.deepEqual(cloudwatch.Condition, {
            StringEquals: { "aws:SourceAccount": "123456789012" },
            ArnLike: { "aws:SourceArn": "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:serverless-mysql-prod-*" },
        });
    });

    it("follows the partition", () => {
        const china = stackKeyPolicy({ partition: "aws-cn", accountId: "123456789012", region: "cn-north-1", alarmNamePrefix: "p-s" });
        assert.equal((china.Statement[0]!.Principal as { AWS: string }).AWS, "arn:aws-cn:iam::123456789012:root");
        assert.match(JSON.stringify(china.Statement[1]!.Condition), /arn:aws-cn:cloudwatch:cn-north-1:/);
    });
});
