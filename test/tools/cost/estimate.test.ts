import { strict as assert } from "node:assert";
import { CostEstimate, estimateCost, planRegion } from "../../../tools/cost/estimate";
import { FALLBACK_REGION, HOURS_PER_MONTH, PRICES, isPricedRegion } from "../../../tools/cost/prices";
import type { CostResource } from "../../../tools/cost/types";
import { FIXTURE_REGION } from "../../helpers/fixtureValues";
import { committedPlan, committedStacks, fixturePlanWith, fixtureSettings, single } from "../../helpers/stackPlan";
import { BASELINE_REGION, baselinePrices as eu, baselineResources, withInputs } from "./baseline";
const near = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 0.006, `${actual} ≠ ${expected}`);

function fixed(e: CostEstimate, type: string, what = ""): number {
    return e.items.filter((i) => i.type === type && i.what.startsWith(what)).reduce((s, i) => s + i.monthly, 0);
}

describe("cost: estimate (estimateCost)", () => {
    it("prices the baseline's floor from the region of its AWS provider", () => {
        const e = estimateCost(baselineResources());
        assert.equal(e.region, BASELINE_REGION);
        assert.equal(e.pricedRegion, BASELINE_REGION);
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

    it("prices a region without prices as the fallback region, with a warning", () => {
        assert.equal(isPricedRegion(FIXTURE_REGION), false, `${FIXTURE_REGION} is meant to be a region without prices`);
        const e = estimateCost(withInputs(baselineResources(), "app-dev-aws", { region: FIXTURE_REGION }));
        assert.equal(e.region, FIXTURE_REGION);
        assert.equal(e.pricedRegion, FALLBACK_REGION);
        assert.ok(
            e.warnings.join("\n").includes(`no prices for ${FIXTURE_REGION}; using ${FALLBACK_REGION}'s, which are among the lowest: expect the real bill to be higher`),
            e.warnings.join("\n"),
        );
        near(fixed(e, "aws:rds/instance:Instance", "DB instance"), HOURS_PER_MONTH * PRICES[FALLBACK_REGION].rdsInstanceHour["db.t4g.micro"]!.usd);
    });

    it("prices the fallback region with its own numbers, without a warning", () => {
        const e = estimateCost(baselineResources(), { region: FALLBACK_REGION });
        assert.deepEqual(e.warnings, []);
        assert.equal(e.pricedRegion, FALLBACK_REGION);
    });

    it("reads the region from the AWS provider", () => {
        assert.equal(planRegion(baselineResources()), BASELINE_REGION);
        assert.equal(planRegion([]), undefined);
    });
});

describe("cost: estimate of the committed stacks", () => {
    // Whatever stacks a fork keeps, in whatever region, with whatever instance class: `npm run cost`
    // prices each in its region when the table has it, else as the fallback region with a warning. A
    // setting the table has no price for (an instance class, say) is listed as not priced with the
    // reason, which is no error; a resource type the table does not know is resourceTypes.test.ts's.
    for (const stack of committedStacks()) {
        it(`prices ${stack} in its region or the fallback, and says why anything is not priced`, async () => {
            const plan = await committedPlan(stack);
            const e = estimateCost(plan.resources);
            for (const n of e.notPriced) {
                assert.ok(n.reason.length > 10, `${n.name}: a reason`);
            }
            assert.equal(e.pricedRegion, isPricedRegion(e.region) ? e.region : FALLBACK_REGION);
            assert.equal(e.warnings.length > 0, !isPricedRegion(e.region));
            assert.ok(e.fixedMonthlyTotal > 0);
        });
    }
});

/**
 * The settings the estimates below reason about, set here rather than read from a stack file: a
 * single-AZ db.t4g.micro, two AZs, events on, no flow logs, IAM database authentication.
 */
const SMALL = { dbInstanceClass: "db.t4g.micro", dbMultiAz: "false", availabilityZones: "2", events: "true", flowLogs: "false", dbAuth: "iam" };

describe("cost: estimate of a plan", () => {
    it("prices a single-AZ db.t4g.micro, 2 endpoint AZs and no flow logs, in the stack's region", async () => {
        const e = estimateCost((await fixturePlanWith("small", SMALL)).resources);
        assert.equal(e.region, fixtureSettings("small")["aws:region"]);
        const prices = PRICES[e.pricedRegion];
        const instance = e.items.find((i) => i.what === "DB instance (db.t4g.micro, single-AZ)");
        near(instance?.monthly ?? 0, HOURS_PER_MONTH * prices.rdsInstanceHour["db.t4g.micro"]!.usd);
        for (const service of ["secretsmanager", "events"]) {
            assert.ok(e.items.some((i) => i.what === `${service} interface endpoint (2 AZs, one ENI per subnet)`), service);
        }
        assert.equal(e.usage.some((u) => u.type === "aws:ec2/flowLog:FlowLog"), false);
    });
});

describe("cost: a config change that changes the cost shows up in the estimate", () => {
    let base: CostEstimate;
    const prices = () => PRICES[base.pricedRegion];
    const planned = async (change: Record<string, string>) => estimateCost((await fixturePlanWith("small", { ...SMALL, ...change })).resources);
    before(async () => {
        base = await planned({});
    });

    it("events off: no EventBridge endpoint or polling relay in the floor, no bus, relay or projector in the usage", async () => {
        const e = await planned({ events: "false" });
        const endpoint = base.items.find((i) => i.what.startsWith("events interface endpoint"));
        assert.ok(endpoint !== undefined);
        // The relay polls all month (each run until the next takes over): its duration is part of the floor.
        const relay = base.items.find((i) => i.type === "aws:lambda/function:Function");
        assert.ok(relay !== undefined && relay.name === "relay-fn");
        const memoryMb = Number(single(await fixturePlanWith("small", SMALL), "aws:lambda/function:Function", "relay-fn").inputs.memorySize);
        near(relay.monthly, 43_800 * 60 * (memoryMb / 1024) * prices().lambdaArmGbSecond.usd);
        // What goes: the endpoint, the relay's polling and the alarms on the events resources; nothing else changes and nothing is added.
        const gone = base.items.filter((i) => !e.items.some((j) => j.name === i.name && j.what === i.what));
        assert.ok(gone.includes(endpoint) && gone.includes(relay));
        assert.deepEqual(
            gone.filter((i) => i !== endpoint && i !== relay && i.type !== "aws:cloudwatch/metricAlarm:MetricAlarm").map((i) => `${i.name}: ${i.what}`),
            [],
        );
        for (const item of e.items) {
            assert.equal(base.items.find((i) => i.name === item.name && i.what === item.what)?.monthly, item.monthly, `${item.name}: ${item.what}`);
        }
        near(base.fixedMonthlyTotal - e.fixedMonthlyTotal, gone.reduce((s, i) => s + i.monthly, 0));
        assert.deepEqual(e.usage.filter((u) => /^(orders-bus|relay-fn|projector-fn|relay-schedule|events-dlq|projector-queue)$/.test(u.name)), []);
        assert.ok(base.usage.some((u) => u.name === "relay-fn" && u.quantity === 43_800));
    });

    it("dbMultiAz: doubles the instance and its storage", async () => {
        const e = await planned({ dbMultiAz: "true" });
        near(fixed(e, "aws:rds/instance:Instance", "DB instance"), 2 * fixed(base, "aws:rds/instance:Instance", "DB instance"));
        near(fixed(e, "aws:rds/instance:Instance", "storage"), 2 * fixed(base, "aws:rds/instance:Instance", "storage"));
        assert.ok(e.fixedMonthlyTotal > base.fixedMonthlyTotal);
    });

    it("availabilityZones: one more endpoint ENI per AZ", async () => {
        const e = await planned({ availabilityZones: "3" });
        near(fixed(e, "aws:ec2/vpcEndpoint:VpcEndpoint"), 1.5 * fixed(base, "aws:ec2/vpcEndpoint:VpcEndpoint"));
        // One more ENI for each interface endpoint (Secrets Manager's and, with events on, EventBridge's).
        const endpoints = e.items.filter((i) => i.type === "aws:ec2/vpcEndpoint:VpcEndpoint").length;
        assert.ok(endpoints >= 2, `interface endpoints: ${endpoints}`);
        near(e.fixedMonthlyTotal - base.fixedMonthlyTotal, endpoints * HOURS_PER_MONTH * prices().interfaceEndpointAzHour.usd);
    });

    it("dbInstanceClass: the instance's hourly price (the proxy stays at its 2-vCPU minimum)", async () => {
        const e = await planned({ dbInstanceClass: "db.t4g.small" });
        near(fixed(e, "aws:rds/instance:Instance", "DB instance"), HOURS_PER_MONTH * prices().rdsInstanceHour["db.t4g.small"]!.usd);
        near(fixed(e, "aws:rds/proxy:Proxy"), fixed(base, "aws:rds/proxy:Proxy"));
        assert.ok(e.fixedMonthlyTotal > base.fixedMonthlyTotal);
    });

    it("flowLogs: adds flow-log ingestion and storage to the usage, not to the floor", async () => {
        const e = await planned({ flowLogs: "true" });
        const flow = e.usage.filter((u) => u.type === "aws:ec2/flowLog:FlowLog");
        assert.deepEqual(flow.map((u) => u.what), ["logs ingested", "logs stored"]);
        assert.ok(flow[0]!.monthly > 0);
        assert.equal(e.fixedMonthlyTotal, base.fixedMonthlyTotal);
        assert.ok(e.example.usageMonthlyTotal > base.example.usageMonthlyTotal);
    });

    it("dbAuth secret: adds the app user's secret to the floor and its reads to the usage", async () => {
        const e = await planned({ dbAuth: "secret" });
        near(e.fixedMonthlyTotal - base.fixedMonthlyTotal, prices().secretMonth.usd);
        const reads = e.usage.find((u) => u.type === "aws:secretsmanager/secret:Secret");
        assert.ok(reads && reads.quantity > 0, "the API re-reads the secret once per TTL");
        assert.ok(e.usage.find((u) => u.type === "aws:kms/key:Key")!.quantity > 0, "each read decrypts with the key");
        assert.deepEqual(e.notPriced, base.notPriced, "the secret mode adds nothing the table cannot price");
    });
});
