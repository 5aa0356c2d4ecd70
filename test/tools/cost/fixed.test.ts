import { strict as assert } from "node:assert";
import { CostEstimate, estimateCost } from "../../../tools/cost/estimate";
import { HOURS_PER_MONTH } from "../../../tools/cost/prices";
import { baselinePrices as eu, baselineResources, withInputs } from "./baseline";
const near = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 0.006, `${actual} ≠ ${expected}`);

function fixed(e: CostEstimate, type: string, what = ""): number {
    return e.items.filter((i) => i.type === type && i.what.startsWith(what)).reduce((s, i) => s + i.monthly, 0);
}

describe("cost: fixed (the monthly floor of each priced type)", () => {
    it("doubles the instance and its storage when Multi-AZ", () => {
        const single = estimateCost(baselineResources());
        const multi = estimateCost(withInputs(baselineResources(), "app-dev-db", { multiAz: true }));
        near(fixed(multi, "aws:rds/instance:Instance", "DB instance"), 2 * fixed(single, "aws:rds/instance:Instance", "DB instance"));
        near(fixed(multi, "aws:rds/instance:Instance", "storage"), 2 * fixed(single, "aws:rds/instance:Instance", "storage"));
    });

    it("reports an instance class without a price as not priced, and still prices the storage", () => {
        const e = estimateCost(withInputs(baselineResources(), "app-dev-db", { instanceClass: "db.x2g.16xlarge" }));
        assert.equal(fixed(e, "aws:rds/instance:Instance", "DB instance"), 0);
        assert.ok(fixed(e, "aws:rds/instance:Instance", "storage") > 0);
        assert.ok(e.notPriced.some((n) => n.name === "app-dev-db" && /class db\.x2g\.16xlarge/.test(n.reason)));
        // The proxy's price depends on the class's vCPUs, unknown too.
        assert.ok(e.notPriced.some((n) => n.name === "app-dev-proxy" && /vCPU count of db\.x2g\.16xlarge/.test(n.reason)));
    });

    it("reports storage other than gp3 as not priced", () => {
        const e = estimateCost(withInputs(baselineResources(), "app-dev-db", { storageType: "io2" }));
        assert.ok(e.notPriced.some((n) => n.name === "app-dev-db" && /io2/.test(n.reason)));
    });

    it("bills RDS Proxy for the target class's vCPUs, at least 2", () => {
        const e = estimateCost(baselineResources());
        near(fixed(e, "aws:rds/proxy:Proxy"), 2 * HOURS_PER_MONTH * eu.rdsProxyVcpuHour.usd);
        assert.match(e.items.find((i) => i.type === "aws:rds/proxy:Proxy")!.what, /2 vCPUs of db\.t4g\.micro/);
    });

    it("finds the proxy's instance when the target does not name it yet (one instance in the plan)", () => {
        const resources = withInputs(baselineResources(), "app-dev-proxy-target", { dbInstanceIdentifier: undefined });
        near(fixed(estimateCost(resources), "aws:rds/proxy:Proxy"), 2 * HOURS_PER_MONTH * eu.rdsProxyVcpuHour.usd);
    });

    it("bills an interface endpoint per subnet (one ENI per AZ), and a gateway endpoint nothing", () => {
        const three = estimateCost(withInputs(baselineResources(), "app-dev-secretsmanager", { subnetIds: ["a", "b", "c"] }));
        near(fixed(three, "aws:ec2/vpcEndpoint:VpcEndpoint"), 3 * HOURS_PER_MONTH * eu.interfaceEndpointAzHour.usd);
        const gateway = estimateCost(withInputs(baselineResources(), "app-dev-secretsmanager", { vpcEndpointType: "Gateway" }));
        assert.equal(fixed(gateway, "aws:ec2/vpcEndpoint:VpcEndpoint"), 0);
        assert.deepEqual(gateway.notPriced, []);
    });

    it("prices 7-day Performance Insights at $0 and refuses to guess longer retention", () => {
        const free = estimateCost(withInputs(baselineResources(), "app-dev-db", { performanceInsightsEnabled: true }));
        assert.equal(free.items.find((i) => i.what === "Performance Insights")?.monthly, 0);
        const long = estimateCost(withInputs(baselineResources(), "app-dev-db", { performanceInsightsEnabled: true, performanceInsightsRetentionPeriod: 731 }));
        assert.ok(long.notPriced.some((n) => /731-day retention/.test(n.reason)));
    });

    it("prices alarms per metric they read, dashboards and Secrets Manager secrets", () => {
        const e = estimateCost([
            ...baselineResources(),
            { type: "aws:cloudwatch/metricAlarm:MetricAlarm", name: "errors", inputs: { metricName: "Errors", period: 60 } },
            {
                type: "aws:cloudwatch/metricAlarm:MetricAlarm",
                name: "error-rate",
                inputs: { metricQueries: [{ id: "e", metric: { metricName: "Errors", period: 60 } }, { id: "i", metric: { metricName: "Invocations", period: 60 } }, { id: "r", expression: "e / i" }] },
            },
            { type: "aws:cloudwatch/metricAlarm:MetricAlarm", name: "fast", inputs: { metricName: "Errors", period: 10 } },
            { type: "aws:cloudwatch/dashboard:Dashboard", name: "board", inputs: {} },
            { type: "aws:sns/topic:Topic", name: "alerts", inputs: {} },
            { type: "aws:secretsmanager/secret:Secret", name: "app-dev-app-db", inputs: {} },
        ]);
        near(fixed(e, "aws:cloudwatch/metricAlarm:MetricAlarm"), 3 * eu.alarmMetricMonth.usd + eu.highResolutionAlarmMetricMonth.usd);
        near(fixed(e, "aws:cloudwatch/dashboard:Dashboard"), eu.dashboardMonth.usd);
        near(fixed(e, "aws:secretsmanager/secret:Secret"), eu.secretMonth.usd);
        assert.equal(fixed(e, "aws:sns/topic:Topic"), 0);
        assert.ok(e.usage.some((u) => u.type === "aws:sns/topic:Topic"));
        assert.deepEqual(e.notPriced, []);
    });
});
