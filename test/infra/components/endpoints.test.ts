import { strict as assert } from "node:assert";
import type { PlannedResource } from "../../../tools/plan/mocks";
import { fixturePlan, fixturePlanWith, idOf, ofType, parseDocument, single } from "../../helpers/stackPlan";
import type { StackPlan } from "../../../tools/plan/run";

/** The one resource of a type with exactly this logical name. */
function named(plan: StackPlan, type: string, name: string): PlannedResource {
    const found = ofType(plan, type).filter((r) => r.name === name);
    assert.equal(found.length, 1, `expected one ${type} named ${name}, found ${found.length}`);
    return found[0]!;
}

const endpointPolicy = (plan: StackPlan) => parseDocument(single(plan, "aws:ec2/vpcEndpoint:VpcEndpoint", "secretsmanager").inputs.policy);
const regionOf = (plan: StackPlan) => String(single(plan, "pulumi:providers:aws").inputs.region);

describe("component: Endpoints", () => {
    it("reaches Secrets Manager through an interface endpoint with private DNS in the isolated subnets", async () => {
        const plan = await fixturePlan("small");
        const endpoint = single(plan, "aws:ec2/vpcEndpoint:VpcEndpoint", "secretsmanager").inputs;
        assert.equal(endpoint.serviceName, `com.amazonaws.${regionOf(plan)}.secretsmanager`);
        assert.equal(endpoint.vpcEndpointType, "Interface");
        assert.equal(endpoint.privateDnsEnabled, true);
        assert.deepEqual(endpoint.subnetIds, ["subnet-isolated-1", "subnet-isolated-2"]);
        assert.deepEqual(endpoint.securityGroupIds, [idOf(named(plan, "aws:ec2/securityGroup:SecurityGroup", "endpoint-sg"))]);
        // The console lists endpoints by their Name tag: it carries the stack's prefix.
        assert.deepEqual(endpoint.tags, { Name: `${plan.project}-${plan.stack}-secretsmanager` });
    });

    it("serves only reads of the RDS-managed master secret, to principals of the account, in IAM mode", async () => {
        const policy = endpointPolicy(await fixturePlan("small"));
        assert.equal(policy.Statement.length, 1);
        const [statement] = policy.Statement;
        const resources = statement!.Resource as string[];
        assert.equal(resources.length, 1);
        assert.match(resources[0]!, /:secret:rds!db-/);
        assert.ok((statement!.Action as string[]).every((a) => ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"].includes(a)));
        assert.deepEqual(statement!.Condition, { StringEquals: { "aws:PrincipalAccount": "123456789012" } });
    });

    it("also serves the app user's secret in secret mode, and nothing else", async () => {
        const resources = endpointPolicy(await fixturePlanWith("small", { dbAuth: "secret" })).Statement[0]!.Resource as string[];
        assert.equal(resources.length, 2);
        assert.ok(resources.some((arn) => arn.includes(":secret:rds!db-")), "the RDS-managed master secret");
        assert.ok(resources.some((arn) => arn.includes(":secret:app-db-")), "the app user's secret");
    });
});
