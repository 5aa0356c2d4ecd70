import { strict as assert } from "node:assert";
import { stackKeyPolicy } from "../../../infra/lib/keyPolicy";
import { FIXTURE_ACCOUNT, FIXTURE_REGION } from "../../helpers/fixtureValues";

const policy = stackKeyPolicy({ partition: "aws", accountId: FIXTURE_ACCOUNT, region: FIXTURE_REGION });

describe("lib: keyPolicy", () => {
    it("keeps AWS's default statement, so the account and its IAM policies still govern the key", () => {
        assert.deepEqual(policy.Statement[0], {
            Sid: "Enable IAM User Permissions",
            Effect: "Allow",
            Principal: { AWS: `arn:aws:iam::${FIXTURE_ACCOUNT}:root` },
            Action: "kms:*",
            Resource: "*",
        });
    });

    it("lets CloudWatch generate data keys and decrypt for alarms of this account and Region, naming no alarm (a renamed stack keeps its alarms' names)", () => {
        assert.equal(policy.Statement.length, 2);
        const cloudwatch = policy.Statement[1]!;
        assert.deepEqual(cloudwatch.Principal, { Service: "cloudwatch.amazonaws.com" });
        assert.deepEqual(cloudwatch.Action, ["kms:Decrypt", "kms:GenerateDataKey*"]);
        assert.deepEqual(cloudwatch.Condition, {
            StringEquals: { "aws:SourceAccount": FIXTURE_ACCOUNT },
            ArnLike: { "aws:SourceArn": `arn:aws:cloudwatch:${FIXTURE_REGION}:${FIXTURE_ACCOUNT}:alarm:*` },
        });
    });

    it("follows the partition", () => {
        const china = stackKeyPolicy({ partition: "aws-cn", accountId: FIXTURE_ACCOUNT, region: "cn-north-1" });
        assert.equal((china.Statement[0]!.Principal as { AWS: string }).AWS, `arn:aws-cn:iam::${FIXTURE_ACCOUNT}:root`);
        assert.match(JSON.stringify(china.Statement[1]!.Condition), /arn:aws-cn:cloudwatch:cn-north-1:/);
    });
});
