import { strict as assert } from "node:assert";
import { AWS_METRICS, metricOf, type AwsMetric } from "../../../infra/lib/metrics";

const entries = Object.entries(AWS_METRICS) as [keyof typeof AWS_METRICS, AwsMetric][];

describe("lib: metrics (the AWS metric table)", () => {
    it("cites an AWS documentation page for every metric, and lists at least one dimension set and statistic", () => {
        for (const [key, metric] of entries) {
            assert.match(metric.source, /^https:\/\/docs\.aws\.amazon\.com\//, key);
            assert.match(metric.namespace, /^AWS\/(ApiGateway|Lambda|RDS|SQS)$/, key);
            assert.ok(metric.dimensionSets.length > 0 && metric.dimensionSets.every((set) => set.length > 0), key);
            assert.ok(metric.statistics.length > 0, key);
        }
    });

    it("uses the HTTP API's metric names and ApiId, not the REST API's 5XXError and ApiName", () => {
        assert.equal(AWS_METRICS.api5xx.name, "5xx");
        assert.equal(AWS_METRICS.api4xx.name, "4xx");
        for (const key of ["apiRequests", "api5xx", "api4xx", "apiLatency", "apiIntegrationLatency"] as const) {
            assert.deepEqual(AWS_METRICS[key].dimensionSets, [["ApiId"], ["ApiId", "Stage"], ["ApiId", "Stage", "Route"]], key);
        }
    });

    it("records which RDS Proxy metrics have which dimension sets", () => {
        const sets = (key: keyof typeof AWS_METRICS) => AWS_METRICS[key].dimensionSets.map((set) => set.join("+"));
        const targetSets = ["ProxyName", "ProxyName+TargetGroup+Target", "ProxyName+TargetGroup+TargetRole"];
        const endpointSets = ["ProxyName", "ProxyName+EndpointName"];
        assert.deepEqual(sets("proxyPinnedConnections"), targetSets);
        assert.deepEqual(sets("proxyDbConnections"), targetSets);
        assert.deepEqual(sets("proxyMaxDbConnections"), targetSets);
        assert.deepEqual(sets("proxyFailedAuth"), endpointSets);
        assert.deepEqual(sets("proxyBorrowLatency"), endpointSets);
        assert.equal(AWS_METRICS.proxyBorrowLatency.unit, "Microseconds");
    });

    describe("metricOf", () => {
        it("returns the metric with its dimensions when they are one documented set, in any order", () => {
            const ref = metricOf("apiLatency", { Stage: "$default", ApiId: "a1b2c3" });
            assert.deepEqual([ref.namespace, ref.name, ref.dimensions], ["AWS/ApiGateway", "Latency", { Stage: "$default", ApiId: "a1b2c3" }]);
        });

        it("refuses dimensions AWS does not publish the metric with, naming the sets it does", () => {
            assert.throws(() => metricOf("api5xx", { ApiName: "orders", Stage: "$default" }), /AWS\/ApiGateway 5xx is not published with the dimensions \[ApiName, Stage\]; AWS documents \[ApiId\]/);
            assert.throws(() => metricOf("proxyBorrowLatency", { ProxyName: "p", TargetGroup: "default", Target: "db" }), /DatabaseConnectionsBorrowLatency/);
            assert.throws(() => metricOf("proxyPinnedConnections", { ProxyName: "p", EndpointName: "default" }), /DatabaseConnectionsCurrentlySessionPinned/);
            assert.throws(() => metricOf("dbCpu", {}), /CPUUtilization/);
        });
    });
});
