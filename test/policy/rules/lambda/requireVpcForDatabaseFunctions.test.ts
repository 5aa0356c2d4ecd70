import { strict as assert } from "node:assert";
import { requireVpcForDatabaseFunctions as rule } from "../../../../policy/rules/lambda/requireVpcForDatabaseFunctions";
import { runPolicy, UNKNOWN, withProp } from "../../../helpers/policy";
import { lambdaFunction } from "../../../helpers/policyFixtures";

describe("rule: require-vpc-for-database-functions", () => {
    it("passes the blueprint's function, which runs in the VPC", async () => {
        assert.deepEqual(await runPolicy(rule, lambdaFunction()), []);
    });

    it("reports a database client without vpcConfig", async () => {
        assert.deepEqual(await runPolicy(rule, withProp(lambdaFunction(), "vpcConfig", undefined)), [
            "the function reaches the database (DB_HOST) but has no vpcConfig with subnetIds and securityGroupIds",
        ]);
    });

    it("reports a vpcConfig without security groups", async () => {
        const fn = withProp(lambdaFunction(), "vpcConfig", { subnetIds: ["subnet-1"], securityGroupIds: [] });
        assert.equal((await runPolicy(rule, fn)).length, 1);
    });

    it("does not report a function without database variables", async () => {
        const fn = withProp(withProp(lambdaFunction(), "vpcConfig", undefined), "environment", { variables: { LOG_LEVEL: "INFO" } });
        assert.deepEqual(await runPolicy(rule, fn), []);
    });

    it("does not report subnets that are unknown during preview", async () => {
        const fn = withProp(lambdaFunction(), "vpcConfig", { subnetIds: UNKNOWN.array, securityGroupIds: [UNKNOWN.string] });
        assert.deepEqual(await runPolicy(rule, fn), []);
    });
});
