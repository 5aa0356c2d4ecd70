import { strict as assert } from "node:assert";
import { CostEstimate, estimateCost, planRegion } from "../../../tools/cost/estimate";
import { HOURS_PER_MONTH, PRICES } from "../../../tools/cost/prices";
import type { CostResource } from "../../../tools/cost/types";
import { committedPlan, planWith } from "../../helpers/stackPlan";
import { baselineResources, withInputs } from "./baseline";

const eu = PRICES["eu-west-1"];
const near = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 0.006, `${actual} ≠ ${expected}`);

function fixed(e: CostEstimate, type: string, what = ""): number {
    return e.items.filter((i) => i.type === type && i.what.startsWith(what)).reduce((s, i) => s + i.monthly, 0);
}

describe("cost: estimate (estimateCost)", () => {
    it("prices the baseline's floor from the region of its AWS provider", () => {
        const e = estimateCost(baselineResources());
        assert.equal(e.region, "eu-west-1");
        assert.equal(e.pricedRegion, "eu-west-1");
        assert.deepEqual(e.warnings, []);
        near(fixed(e, "aws:rds/instance:Instance", "DB instance"), HOURS_PER_MONTH * eu.rdsInstanceHour["db.t4g.micro"]!.usd);
        near(fixed(e, "aws:rds/instance:Instance", "storage"), 20 * eu.rdsGp3GbMonth.usd);
        near(fixed(e, "aws:rds/instance:Instance", "RDS-managed master secret"), eu.secretMonth.usd);
        near(fixed(e, "aws:kms/key:Key"), eu.kmsKeyMonth.usd);
        near(e.fixedMonthlyTotal, e.items.reduce((s, i) => s + i.monthly, 0));
        assert.deepEqual(e.notPriced, []);
    });

    it("lists a resource type missing from the table under notPriced and leaves it out of the total", () => {
        const base = estimateCost(baselineResources());
        const synthetic: CostResource = { type: "aws:ec2/natGateway:NatGateway", name: "app-dev-nat", inputs: {} };
        const e = estimateCost([...baselineResources(), synthetic]);
        assert.deepEqual(e.notPriced, [{ type: synthetic.type, name: "app-dev-nat", reason: "type not in the price table (tools/cost/resourceTypes.ts)" }]);
        assert.equal(e.items.some((i) => i.name === "app-dev-nat"), false);
        assert.equal(e.free.some((f) => f.name === "app-dev-nat"), false);
        assert.equal(e.fixedMonthlyTotal, base.fixedMonthlyTotal);
    });

    it("lists free resources with the reason from the table", () => {
        const e = estimateCost(baselineResources());
        assert.deepEqual(
            e.free.find((f) => f.name === "app-dev-api-role"),
            { type: "aws:iam/role:Role", name: "app-dev-api-role", reason: "IAM has no charge" },
        );
        assert.ok(e.free.some((f) => f.type === "pulumi:providers:aws"));
    });

    it("reports a VPC with NAT gateways as not priced instead of free", () => {
        const e = estimateCost(withInputs(baselineResources(), "app-dev-vpc", { natGateways: { strategy: "OnePerAz" } }));
        assert.ok(e.notPriced.some((n) => n.name === "app-dev-vpc" && /NAT gateways/.test(n.reason)));
        assert.equal(e.free.some((f) => f.name === "app-dev-vpc"), false);
    });

    it("prices another region as us-east-1 with a warning", () => {
        const e = estimateCost(withInputs(baselineResources(), "app-dev-aws", { region: "ap-southeast-2" }));
        assert.equal(e.region, "ap-southeast-2");
        assert.equal(e.pricedRegion, "us-east-1");
        assert.match(e.warnings.join("\n"), /no prices for ap-southeast-2; using us-east-1's, which are among the lowest: expect the real bill to be higher/);
        near(fixed(e, "aws:rds/instance:Instance", "DB instance"), HOURS_PER_MONTH * PRICES["us-east-1"].rdsInstanceHour["db.t4g.micro"]!.usd);
    });

    it("prices us-east-1 with its own numbers, without a warning", () => {
        const e = estimateCost(baselineResources(), { region: "us-east-1" });
        assert.deepEqual(e.warnings, []);
        assert.equal(e.pricedRegion, "us-east-1");
    });

    it("reads the region from the AWS provider", () => {
        assert.equal(planRegion(baselineResources()), "eu-west-1");
        assert.equal(planRegion([]), undefined);
    });
});

describe("cost: estimate of the committed stacks", () => {
    for (const stack of ["dev", "prod"]) {
        it(`prices every resource of ${stack} (nothing left unpriced) in eu-west-1`, async () => {
            const e = estimateCost((await committedPlan(stack)).resources);
            assert.deepEqual(e.notPriced, []);
            assert.equal(e.pricedRegion, "eu-west-1");
            assert.ok(e.fixedMonthlyTotal > 0);
        });
    }

    it("prices dev's single-AZ db.t4g.micro, 2 endpoint AZs and no flow logs", async () => {
        const e = estimateCost((await committedPlan("dev")).resources);
        assert.ok(e.items.some((i) => i.what === "DB instance (db.t4g.micro, single-AZ)" && i.monthly === 13.14));
        for (const service of ["secretsmanager", "events"]) {
            assert.ok(e.items.some((i) => i.what === `${service} interface endpoint (2 AZs, one ENI per subnet)`), service);
        }
        assert.equal(e.usage.some((u) => u.type === "aws:ec2/flowLog:FlowLog"), false);
    });
});

describe("cost: a config change that changes the cost shows up in the estimate", () => {
    let dev: CostEstimate;
    before(async () => {
        dev = estimateCost((await committedPlan("dev")).resources);
    });

    it("events off: no EventBridge endpoint in the floor, no bus, relay or projector in the usage", async () => {
        const e = estimateCost((await planWith("dev", { "serverless-mysql:events": "false" })).resources);
        const endpoint = dev.items.find((i) => i.what.startsWith("events interface endpoint"));
        assert.ok(endpoint !== undefined);
        near(dev.fixedMonthlyTotal - e.fixedMonthlyTotal, endpoint.monthly + 6 * eu.alarmMetricMonth.usd);
        assert.deepEqual(e.usage.filter((u) => /-(orders-bus|relay-fn|projector-fn|relay-schedule|events-dlq)$/.test(u.name)), []);
        assert.ok(dev.usage.some((u) => u.name.endsWith("-relay-fn") && u.quantity === 43_800));
    });

    it("dbMultiAz: doubles the instance and its storage", async () => {
        const e = estimateCost((await planWith("dev", { "serverless-mysql:dbMultiAz": "true" })).resources);
        near(fixed(e, "aws:rds/instance:Instance", "DB instance"), 2 * fixed(dev, "aws:rds/instance:Instance", "DB instance"));
        near(fixed(e, "aws:rds/instance:Instance", "storage"), 2 * fixed(dev, "aws:rds/instance:Instance", "storage"));
        assert.ok(e.fixedMonthlyTotal > dev.fixedMonthlyTotal);
    });

    it("availabilityZones: one more endpoint ENI per AZ", async () => {
        const e = estimateCost((await planWith("dev", { "serverless-mysql:availabilityZones": "3" })).resources);
        near(fixed(e, "aws:ec2/vpcEndpoint:VpcEndpoint"), 1.5 * fixed(dev, "aws:ec2/vpcEndpoint:VpcEndpoint"));
        // One more ENI for each interface endpoint: Secrets Manager's and, with events on, EventBridge's.
        const endpoints = e.items.filter((i) => i.type === "aws:ec2/vpcEndpoint:VpcEndpoint").length;
        assert.equal(endpoints, 2);
        near(e.fixedMonthlyTotal - dev.fixedMonthlyTotal, endpoints * HOURS_PER_MONTH * eu.interfaceEndpointAzHour.usd);
    });

    it("dbInstanceClass: the instance's hourly price (the proxy stays at its 2-vCPU minimum)", async () => {
        const e = estimateCost((await planWith("dev", { "serverless-mysql:dbInstanceClass": "db.t4g.small" })).resources);
        near(fixed(e, "aws:rds/instance:Instance", "DB instance"), HOURS_PER_MONTH * eu.rdsInstanceHour["db.t4g.small"]!.usd);
        near(fixed(e, "aws:rds/proxy:Proxy"), fixed(dev, "aws:rds/proxy:Proxy"));
        assert.ok(e.fixedMonthlyTotal > dev.fixedMonthlyTotal);
    });

    it("flowLogs: adds flow-log ingestion and storage to the usage, not to the floor", async () => {
        const e = estimateCost((await planWith("dev", { "serverless-mysql:flowLogs": "true" })).resources);
        const flow = e.usage.filter((u) => u.type === "aws:ec2/flowLog:FlowLog");
        assert.deepEqual(flow.map((u) => u.what), ["logs ingested", "logs stored"]);
        assert.ok(flow[0]!.monthly > 0);
        assert.equal(e.fixedMonthlyTotal, dev.fixedMonthlyTotal);
        assert.ok(e.example.usageMonthlyTotal > dev.example.usageMonthlyTotal);
    });

    it("dbAuth secret: adds the app user's secret to the floor and its reads to the usage", async () => {
        const e = estimateCost((await planWith("dev", { "serverless-mysql:dbAuth": "secret" })).resources);
        near(e.fixedMonthlyTotal - dev.fixedMonthlyTotal, eu.secretMonth.usd);
        const reads = e.usage.find((u) => u.type === "aws:secretsmanager/secret:Secret");
        assert.ok(reads && reads.quantity > 0, "the API re-reads the secret once per TTL");
        assert.ok(e.usage.find((u) => u.type === "aws:kms/key:Key")!.quantity > 0, "each read decrypts with the key");
        assert.deepEqual(e.notPriced, []);
    });
});
