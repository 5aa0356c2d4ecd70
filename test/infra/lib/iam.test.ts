import { strict as assert } from "node:assert";
import {
    decryptViaSecretsManagerStatement,
    flowLogsDeliveryStatement,
    flowLogsSourceArn,
    lambdaVpcAccessStatement,
    rdsConnectStatement,
    readSecretsStatement,
    secretsEndpointPolicy,
    serviceTrustPolicy,
    writeLogsStatement,
} from "../../../infra/lib/iam";

const secretArn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:app-AbCdEf";
const keyArn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const logGroupArn = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/api";

describe("lib: iam", () => {
    it("trusts a service and adds the confused-deputy guard when given the account", () => {
        const doc = serviceTrustPolicy("rds.amazonaws.com", "123456789012");
        assert.deepEqual(doc.Statement[0]!.Principal, { Service: "rds.amazonaws.com" });
        assert.deepEqual(doc.Statement[0]!.Condition, { StringEquals: { "aws:SourceAccount": "123456789012" } });
    });

    it("narrows the trust to the service's resources when given a source ARN pattern", () => {
        const doc = serviceTrustPolicy("vpc-flow-logs.amazonaws.com", "123456789012", flowLogsSourceArn("aws", "eu-west-1", "123456789012"));
        assert.deepEqual(doc.Statement[0]!.Condition, {
            StringEquals: { "aws:SourceAccount": "123456789012" },
            ArnLike: { "aws:SourceArn": "arn:aws:ec2:eu-west-1:123456789012:vpc-flow-log/*" },
        });
    });

    it("trusts a service without a condition when no account is given", () => {
        assert.equal(serviceTrustPolicy("lambda.amazonaws.com").Statement[0]!.Condition, undefined);
    });

    it("grants secret reads on the listed secrets only", () => {
        assert.deepEqual(readSecretsStatement([secretArn]), {
            Sid: "ReadSecretValue",
            Effect: "Allow",
            Action: "secretsmanager:GetSecretValue",
            Resource: [secretArn],
        });
    });

    it("grants decryption with the key only through Secrets Manager of the region", () => {
        const statement = decryptViaSecretsManagerStatement(keyArn, "eu-west-1");
        assert.equal(statement.Resource, keyArn);
        assert.deepEqual(statement.Condition, { StringEquals: { "kms:ViaService": "secretsmanager.eu-west-1.amazonaws.com" } });
    });

    it("lets a function write to the streams of its own log group and nothing else", () => {
        const statement = writeLogsStatement(logGroupArn);
        assert.deepEqual(statement.Action, ["logs:CreateLogStream", "logs:PutLogEvents"]);
        assert.equal(statement.Resource, `${logGroupArn}:*`);
    });

    it("keeps the VPC access statement to network interface actions", () => {
        const actions = lambdaVpcAccessStatement().Action as string[];
        assert.ok(actions.every((a) => a.startsWith("ec2:") && /NetworkInterface|PrivateIpAddresses|DescribeSubnets/.test(a)));
    });

    it("grants rds-db:connect on exactly the given user resource", () => {
        const arn = "arn:aws:rds-db:eu-west-1:123456789012:dbuser:prx-0abc/app";
        assert.deepEqual(rdsConnectStatement(arn).Resource, arn);
    });

    it("opens the Secrets Manager endpoint to reads of the listed secrets by this account only", () => {
        const doc = secretsEndpointPolicy([secretArn], "123456789012");
        const [statement] = doc.Statement;
        assert.deepEqual(statement!.Resource, [secretArn]);
        assert.deepEqual(statement!.Action, ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]);
        assert.deepEqual(statement!.Condition, { StringEquals: { "aws:PrincipalAccount": "123456789012" } });
    });

    it("lets flow logs deliver to one log group", () => {
        assert.deepEqual(flowLogsDeliveryStatement(logGroupArn).Resource, [logGroupArn, `${logGroupArn}:*`]);
    });
});
