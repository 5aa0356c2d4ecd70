import { strict as assert } from "node:assert";
import { estimateCost } from "../../../tools/cost/estimate";
import { EXAMPLE_ASSUMPTIONS, describeAssumptions, trafficModel } from "../../../tools/cost/usage";
import type { CostResource } from "../../../tools/cost/types";
import { BASELINE_REGION, baselinePrices as eu, baselineResources, withInputs } from "./baseline";
const usage = (resources: CostResource[], name: string, what: string) => estimateCost(resources).usage.find((u) => u.name === name && u.what === what);

describe("cost: usage (the worked example)", () => {
    it("finds the functions behind the API through its integrations", () => {
        const model = trafficModel(baselineResources(), EXAMPLE_ASSUMPTIONS);
        assert.deepEqual([...model.servingFunctions], ["app-dev-api-fn"]);
    });

    it("bills the API function's requests and arm64 GB-seconds at its memory size", () => {
        const requests = usage(baselineResources(), "app-dev-api-fn", "requests")!;
        assert.equal(requests.quantity, 1_000_000);
        assert.equal(requests.monthly, eu.lambdaRequestsMillion.usd);
        const duration = usage(baselineResources(), "app-dev-api-fn", "duration (arm64)")!;
        // 1,000,000 × 50 ms × 1 GB
        assert.equal(duration.quantity, 50_000);
        assert.match(duration.assumption, /1,000,000 × 50 ms × 1024 MB/);
    });

    it("does not guess an x86 duration price", () => {
        const e = estimateCost(withInputs(baselineResources(), "app-dev-api-fn", { architectures: ["x86_64"] }));
        assert.ok(e.notPriced.some((n) => n.name === "app-dev-api-fn" && /x86_64/.test(n.reason)));
    });

    it("scales with the requests a month", () => {
        const e = estimateCost(baselineResources(), { assumptions: { requestsPerMonth: 10_000_000 } });
        assert.equal(e.usage.find((u) => u.what === "HTTP API requests")!.monthly, Math.round(1000 * eu.httpApiRequestsMillion.usd) / 100);
        assert.equal(e.example.requestsPerMonth, 10_000_000);
    });

    it("logs more per request at DEBUG than at INFO, and keeps them as long as the log group's retention", () => {
        const info = usage(baselineResources(), "app-dev-api-fn", "logs ingested")!;
        const debug = usage(withInputs(baselineResources(), "app-dev-api-fn", { loggingConfig: { applicationLogLevel: "DEBUG", logGroup: "/aws/lambda/app-dev-api" } }), "app-dev-api-fn", "logs ingested")!;
        assert.ok(debug.quantity > info.quantity);
        assert.match(usage(baselineResources(), "app-dev-api-fn", "logs stored")!.assumption, /30-day retention/);
    });

    it("reads no secret per request in IAM mode, and once per TTL per warm container in secret mode", () => {
        assert.equal(trafficModel(baselineResources(), EXAMPLE_ASSUMPTIONS).secretReads.size, 0);
        const secretMode: CostResource[] = [
            ...withInputs(baselineResources(), "app-dev-api-fn", {
                environment: { variables: { DB_SECRET_ARN: `arn:aws:secretsmanager:${BASELINE_REGION}:1:secret:app-dev-app-db-AbCd`, SECRET_TTL_SECONDS: "300" } },
            }),
            { type: "aws:secretsmanager/secret:Secret", name: "app-dev-app-db", inputs: { kmsKeyId: `arn:aws:kms:${BASELINE_REGION}:1:key/app-dev-key-id` } },
        ];
        const reads = trafficModel(secretMode, EXAMPLE_ASSUMPTIONS).secretReads.get("app-dev-app-db");
        assert.equal(reads, (2 * 730 * 3600) / 300);
        assert.equal(usage(secretMode, "app-dev-key", "requests")!.quantity, reads);
        assert.ok(usage(secretMode, "app-dev-secretsmanager", "data processed")!.quantity > 0);
    });

    it("bills the app's EMF custom metrics only where the function sets a metrics namespace", () => {
        assert.equal(usage(baselineResources(), "app-dev-api-fn", "custom metrics (EMF)"), undefined);
        const withMetrics = withInputs(baselineResources(), "app-dev-api-fn", { environment: { variables: { POWERTOOLS_METRICS_NAMESPACE: "app-dev" } } });
        const metrics = usage(withMetrics, "app-dev-api-fn", "custom metrics (EMF)")!;
        assert.equal(metrics.quantity, EXAMPLE_ASSUMPTIONS.emfMetricsPerFunction);
        assert.equal(metrics.monthly, Math.round(100 * EXAMPLE_ASSUMPTIONS.emfMetricsPerFunction * eu.customMetricMonth.usd) / 100);
    });

    it("says what it assumes", () => {
        const text = describeAssumptions(EXAMPLE_ASSUMPTIONS).join("\n");
        assert.match(text, /1,000,000 API requests a month/);
        assert.match(text, /50 ms/);
        assert.match(text, /1000 B at INFO/);
    });
});
