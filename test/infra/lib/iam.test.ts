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
import { FIXTURE_ACCOUNT, FIXTURE_REGION } from "../../helpers/fixtureValues";

const secretArn = `arn:aws:secretsmanager:${FIXTURE_REGION}:${FIXTURE_ACCOUNT}:secret:app-AbCdEf`;
const keyArn = `arn:aws:kms:${FIXTURE_REGION}:${FIXTURE_ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const logGroupArn = `arn:aws:logs:${FIXTURE_REGION}:${FIXTURE_ACCOUNT}:log-group:/aws/lambda/api`;

describe("lib: iam", () => {
    it("trusts a service and adds the confused-deputy guard when given the account", () => {
        const doc = serviceTrustPolicy("rds.amazonaws.com", FIXTURE_ACCOUNT);
        assert.deepEqual(doc.Statement[0]!.Principal, { Service: "rds.amazonaws.com" });
        assert.deepEqual(doc.Statement[0]!.Condition, { StringEquals: { "aws:SourceAccount": FIXTURE_ACCOUNT } });
    });

    it("narrows the trust to the service's resources when given a source ARN pattern", () => {
        const doc = serviceTrustPolicy("vpc-flow-logs.amazonaws.com", FIXTURE_ACCOUNT, flowLogsSourceArn("aws", FIXTURE_REGION, FIXTURE_ACCOUNT));
        assert.deepEqual(doc.Statement[0]!.Condition, {
            StringEquals: { "aws:SourceAccount": FIXTURE_ACCOUNT },
            ArnLike: { "aws:SourceArn": `arn:aws:ec2:${FIXTURE_REGION}:${FIXTURE_ACCOUNT}:vpc-flow-log/*` },
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
        const statement = decryptViaSecretsManagerStatement(keyArn, FIXTURE_REGION);
        assert.equal(statement.Resource, keyArn);
        assert.deepEqual(statement.Condition, { StringEquals: { "kms:ViaService": `secretsmanager.${FIXTURE_REGION}.amazonaws.com` } });
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
        const arn = `arn:aws:rds-db:${FIXTURE_REGION}:${FIXTURE_ACCOUNT}:dbuser:prx-0abc/app`;
        assert.deepEqual(rdsConnectStatement(arn).Resource, arn);
    });

    it("opens the Secrets Manager endpoint to reads of the listed secrets by this account only", () => {
        const doc = secretsEndpointPolicy([secretArn], FIXTURE_ACCOUNT);
        const [statement] = doc.Statement;
        assert.deepEqual(statement!.Resource, [secretArn]);
        assert.deepEqual(statement!.Action, ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]);
        assert.deepEqual(statement!.Condition, { StringEquals: { "aws:PrincipalAccount": FIXTURE_ACCOUNT } });
    });

    it("lets flow logs deliver to one log group", () => {
        assert.deepEqual(flowLogsDeliveryStatement(logGroupArn).Resource, [logGroupArn, `${logGroupArn}:*`]);
    });
});
