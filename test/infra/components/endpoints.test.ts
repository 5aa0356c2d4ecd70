import { strict as assert } from "node:assert";
import { committedPlan, idOf, parseDocument, planWith, single } from "../../helpers/stackPlan";
import type { StackPlan } from "../../../tools/plan/run";

const endpointPolicy = (plan: StackPlan) => parseDocument(single(plan, "aws:ec2/vpcEndpoint:VpcEndpoint", "-secretsmanager").inputs.policy);

describe("component: Endpoints", () => {
    it("reaches Secrets Manager through an interface endpoint with private DNS in the isolated subnets", async () => {
        const plan = await committedPlan("dev");
        const endpoint = single(plan, "aws:ec2/vpcEndpoint:VpcEndpoint", "-secretsmanager").inputs;
        assert.equal(endpoint.serviceName, "com.amazonaws.eu-west-1.secretsmanager");
        assert.equal(endpoint.vpcEndpointType, "Interface");
        assert.equal(endpoint.privateDnsEnabled, true);
        assert.deepEqual(endpoint.subnetIds, ["subnet-isolated-1", "subnet-isolated-2"]);
        assert.deepEqual(endpoint.securityGroupIds, [idOf(single(plan, "aws:ec2/securityGroup:SecurityGroup", "-dev-endpoint-sg"))]);
    });

    it("serves only reads of the RDS-managed master secret, to principals of the account, in IAM mode", async () => {
        const policy = endpointPolicy(await committedPlan("dev"));
        assert.equal(policy.Statement.length, 1);
        const [statement] = policy.Statement;
        const resources = statement!.Resource as string[];
        assert.equal(resources.length, 1);
        assert.match(resources[0]!, /:secret:rds!db-/);
        assert.ok((statement!.Action as string[]).every((a) => ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"].includes(a)));
        assert.deepEqual(statement!.Condition, { StringEquals: { "aws:PrincipalAccount": "123456789012" } });
    });

    it("also serves the app user's secret in secret mode, and nothing else", async () => {
        const resources = endpointPolicy(await planWith("dev", { "serverless-mysql:dbAuth": "secret" })).Statement[0]!.Resource as string[];
        assert.equal(resources.length, 2);
        assert.ok(resources.some((arn) => arn.includes(":secret:rds!db-")), "the RDS-managed master secret");
        assert.ok(resources.some((arn) => arn.includes("-app-db-")), "the app user's secret");
    });
});
