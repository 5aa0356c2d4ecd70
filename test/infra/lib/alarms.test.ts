import { strict as assert } from "node:assert";
import { CONFIG_KEYS } from "../../../infra/config";
import { MAX_ALARM_DESCRIPTION, alarmSpecs, type AlarmSpec, type AlarmThresholds, type MetricStat } from "../../../infra/lib/alarms";
import { AWS_METRICS } from "../../../infra/lib/metrics";

/** The thresholds at their CONFIG_KEYS defaults: the baseline every case changes one thing of. */
const defaults: AlarmThresholds = {
    api5xxPercent: CONFIG_KEYS.alarmApi5xxPercent.default,
    apiLatencyP90Ms: CONFIG_KEYS.alarmApiLatencyP90Ms.default,
    lambdaErrors: CONFIG_KEYS.alarmLambdaErrors.default,
    lambdaThrottles: CONFIG_KEYS.alarmLambdaThrottles.default,
    lambdaDurationPercent: CONFIG_KEYS.alarmLambdaDurationPercent.default,
    dbCpuPercent: CONFIG_KEYS.alarmDbCpuPercent.default,
    dbFreeableMemoryMb: CONFIG_KEYS.alarmDbFreeableMemoryMb.default,
    dbFreeStorageGb: CONFIG_KEYS.alarmDbFreeStorageGb.default,
    dbConnections: CONFIG_KEYS.alarmDbConnections.default,
    proxyPinnedConnections: CONFIG_KEYS.alarmProxyPinnedConnections.default,
    proxyFailedAuth: CONFIG_KEYS.alarmProxyFailedAuth.default,
    proxyBorrowLatencyMs: CONFIG_KEYS.alarmProxyBorrowLatencyMs.default,
    proxyConnectionsPercent: CONFIG_KEYS.alarmProxyConnectionsPercent.default,
};

const resources = {
    apiId: "a1b2c3d4e5",
    stage: "$default",
    apiFunction: { name: "orders-api-fn", timeoutSeconds: 10 },
    migrateFunction: { name: "orders-migrate-fn", timeoutSeconds: 300 },
    dbInstanceId: "orders-db",
    proxyName: "orders-proxy",
};

const specs = (t: Partial<AlarmThresholds> = {}) => alarmSpecs(resources, { ...defaults, ...t });
const byKey = (key: string, list = specs()) => {
    const spec = list.find((s) => s.key === key);
    assert.ok(spec, `no alarm ${key}`);
    return spec;
};
const inputsOf = (spec: AlarmSpec<string>): MetricStat<string>[] => (spec.metric.kind === "single" ? [spec.metric.stat] : Object.values(spec.metric.inputs));
const describeInput = (s: MetricStat<string>) => `${s.metric.namespace} ${s.metric.name} ${JSON.stringify(s.metric.dimensions)} ${s.stat}/${s.period}s`;

const API = JSON.stringify({ ApiId: resources.apiId, Stage: "$default" });
const API_FN = JSON.stringify({ FunctionName: "orders-api-fn" });
const MIGRATE_FN = JSON.stringify({ FunctionName: "orders-migrate-fn" });
const DB = JSON.stringify({ DBInstanceIdentifier: "orders-db" });
const PROXY = JSON.stringify({ ProxyName: "orders-proxy" });

describe("lib: alarms", () => {
    it("watches exactly these metrics, with these dimensions, statistics and evaluation windows", () => {
        // Checked against AWS's metric pages and the "Recommended alarms" page (docs/observability.md).
        const expected: Record<string, [inputs: string[], comparison: string, evaluation: string, missing: string]> = {
            "api-5xx-rate": [[`AWS/ApiGateway 5xx ${API} Sum/60s`, `AWS/ApiGateway Count ${API} SampleCount/60s`], "GreaterThanThreshold", "3 of 3", "notBreaching"],
            "api-latency-p90": [[`AWS/ApiGateway Latency ${API} p90/60s`], "GreaterThanOrEqualToThreshold", "5 of 5", "notBreaching"],
            "api-fn-errors": [[`AWS/Lambda Errors ${API_FN} Sum/60s`], "GreaterThanThreshold", "3 of 3", "notBreaching"],
            "api-fn-throttles": [[`AWS/Lambda Throttles ${API_FN} Sum/60s`], "GreaterThanThreshold", "5 of 5", "notBreaching"],
            "api-fn-duration": [[`AWS/Lambda Duration ${API_FN} p90/60s`], "GreaterThanThreshold", "15 of 15", "notBreaching"],
            "migrate-failed": [[`AWS/Lambda Errors ${MIGRATE_FN} Sum/60s`], "GreaterThanThreshold", "1 of 1", "notBreaching"],
            "migrate-fn-throttles": [[`AWS/Lambda Throttles ${MIGRATE_FN} Sum/60s`], "GreaterThanThreshold", "1 of 1", "notBreaching"],
            "migrate-fn-duration": [[`AWS/Lambda Duration ${MIGRATE_FN} Maximum/60s`], "GreaterThanThreshold", "1 of 1", "notBreaching"],
            "proxy-pinned-connections": [[`AWS/RDS DatabaseConnectionsCurrentlySessionPinned ${PROXY} Sum/60s`], "GreaterThanThreshold", "1 of 1", "notBreaching"],
            "proxy-failed-auth": [[`AWS/RDS ClientConnectionsSetupFailedAuth ${PROXY} Sum/300s`], "GreaterThanThreshold", "1 of 1", "notBreaching"],
            "proxy-borrow-latency": [[`AWS/RDS DatabaseConnectionsBorrowLatency ${PROXY} Average/60s`], "GreaterThanThreshold", "5 of 5", "notBreaching"],
            "proxy-connections-near-max": [
                [`AWS/RDS DatabaseConnections ${PROXY} Sum/60s`, `AWS/RDS MaxDatabaseConnectionsAllowed ${PROXY} Sum/60s`],
                "GreaterThanThreshold",
                "5 of 5",
                "notBreaching",
            ],
            "db-cpu": [[`AWS/RDS CPUUtilization ${DB} Average/60s`], "GreaterThanThreshold", "5 of 5", "missing"],
            "db-freeable-memory": [[`AWS/RDS FreeableMemory ${DB} Average/60s`], "LessThanThreshold", "15 of 15", "missing"],
            "db-free-storage": [[`AWS/RDS FreeStorageSpace ${DB} Average/60s`], "LessThanThreshold", "5 of 5", "missing"],
            "db-connections": [[`AWS/RDS DatabaseConnections ${DB} Average/60s`], "GreaterThanThreshold", "5 of 5", "missing"],
        };
        const actual = Object.fromEntries(
            specs().map((s) => [s.key, [inputsOf(s).map(describeInput), s.comparison, `${s.datapointsToAlarm} of ${s.evaluationPeriods}`, s.treatMissingData]]),
        );
        assert.deepEqual(actual, expected);
    });

    it("uses only metrics, dimension sets and statistics from the AWS metric table", () => {
        for (const spec of specs()) {
            for (const input of inputsOf(spec)) {
                // AWS/RDS DatabaseConnections is two metrics, the instance's and the proxy's, told apart by their dimensions.
                const names = Object.keys(input.metric.dimensions).sort().join("+");
                const entry = Object.values(AWS_METRICS).find(
                    (m) => m.namespace === input.metric.namespace && m.name === input.metric.name && m.dimensionSets.some((set) => [...set].sort().join("+") === names),
                );
                assert.ok(entry, `${spec.key}: ${input.metric.name} with ${names} is not in the table`);
                assert.ok([...entry.statistics, "Maximum", "SampleCount"].includes(input.stat), `${spec.key}: ${input.stat} on ${entry.name}`);
            }
        }
    });

    it("computes the 5xx rate and the proxy's connection share with metric math over the table's metrics", () => {
        const rate = byKey("api-5xx-rate").metric;
        assert.equal(rate.kind === "math" && rate.expression, "100 * errors / requests");
        const share = byKey("proxy-connections-near-max").metric;
        assert.equal(share.kind === "math" && share.expression, "100 * connections / allowed");
    });

    it("takes every threshold from config, in the metric's unit", () => {
        const t = specs({ api5xxPercent: 2, apiLatencyP90Ms: 800, dbFreeableMemoryMb: 512, dbFreeStorageGb: 1.5, proxyBorrowLatencyMs: 40, dbConnections: 77 });
        assert.equal(byKey("api-5xx-rate", t).threshold, 2);
        assert.equal(byKey("api-latency-p90", t).threshold, 800);
        assert.equal(byKey("db-freeable-memory", t).threshold, 512 * 1024 * 1024, "FreeableMemory is in bytes");
        assert.equal(byKey("db-free-storage", t).threshold, 1.5 * 1024 ** 3, "FreeStorageSpace is in bytes");
        assert.equal(byKey("proxy-borrow-latency", t).threshold, 40_000, "the borrow latency is in microseconds");
        assert.equal(byKey("db-connections", t).threshold, 77);
    });

    it("sets each duration alarm below its own function's timeout", () => {
        assert.equal(byKey("api-fn-duration").threshold, 8000);
        assert.equal(byKey("migrate-fn-duration").threshold, 240_000);
        const longer = alarmSpecs({ ...resources, apiFunction: { name: "f", timeoutSeconds: 29 } }, { ...defaults, lambdaDurationPercent: 50 });
        assert.equal(byKey("api-fn-duration", longer).threshold, 14_500);
    });

    it("alarms on any migrate failure or throttle whatever the API function tolerates: one run per deploy is one datapoint", () => {
        const tolerant = specs({ lambdaErrors: 5, lambdaThrottles: 5 });
        assert.equal(byKey("migrate-failed", tolerant).threshold, 0);
        assert.equal(byKey("migrate-fn-throttles", tolerant).threshold, 0);
        assert.equal(byKey("api-fn-errors", tolerant).threshold, 5);
    });

    it("changes only the alarms a threshold belongs to", () => {
        const before = specs();
        const after = specs({ dbCpuPercent: 70 });
        const changed = after.filter((spec, i) => JSON.stringify(spec) !== JSON.stringify(before[i])).map((s) => s.key);
        assert.deepEqual(changed, ["db-cpu"]);
    });

    it("describes every alarm in what CloudWatch accepts, with what to do and the config key that sets it", () => {
        const keys = new Set<string>();
        for (const spec of specs()) {
            assert.ok(!keys.has(spec.key), spec.key);
            keys.add(spec.key);
            assert.match(spec.key, /^[a-z0-9-]+$/);
            assert.ok(spec.description.length > 100 && spec.description.length <= MAX_ALARM_DESCRIPTION, `${spec.key}: ${spec.description.length} characters`);
            const configKey = /config (alarm[A-Za-z0-9]+)\.$/.exec(spec.description)?.[1];
            const fixed = /Threshold: any (failure|throttle) \(not configurable: one run per deploy\)\.$/.test(spec.description);
            assert.ok((configKey && configKey in CONFIG_KEYS) || fixed, `${spec.key} names no config key`);
            assert.match(spec.description, /\b(check|look|search|find|fix|turn|raise|compare)\b/i, `${spec.key} says nothing to do`);
            assert.ok(spec.basis.length > 0);
        }
    });
});

describe("lib: alarms for the events pipeline", () => {
    const events = {
        relayFunction: { name: "orders-relay-fn", timeoutSeconds: 90 },
        projectorFunction: { name: "orders-projector-fn", timeoutSeconds: 10 },
        deadLetterQueueName: "orders-events-dlq",
        projectorQueueName: "orders-projector-queue",
        appNamespace: "orders-dev",
        relayService: "orders-relay",
    };
    const withEvents = (t: Partial<AlarmThresholds> = {}) => alarmSpecs({ ...resources, events }, { ...defaults, ...t });
    const RELAY_FN = JSON.stringify({ FunctionName: "orders-relay-fn" });
    const PROJECTOR_FN = JSON.stringify({ FunctionName: "orders-projector-fn" });
    const RELAY_APP = JSON.stringify({ service: "orders-relay" });

    it("adds exactly these alarms, on these metrics and windows, when the stack has events", () => {
        const expected: Record<string, [inputs: string[], comparison: string, evaluation: string, missing: string]> = {
            "relay-fn-errors": [[`AWS/Lambda Errors ${RELAY_FN} Sum/60s`], "GreaterThanThreshold", "3 of 3", "notBreaching"],
            // No invocation publishes no datapoint: missing data is what this alarm watches for.
            "relay-not-running": [[`AWS/Lambda Invocations ${RELAY_FN} Sum/60s`], "LessThanThreshold", "5 of 5", "breaching"],
            "relay-backlog": [[`orders-dev OldestUnpublishedAge ${RELAY_APP} Maximum/60s`], "GreaterThanThreshold", "3 of 5", "notBreaching"],
            "events-parked": [[`orders-dev EventsParked ${RELAY_APP} Sum/60s`], "GreaterThanThreshold", "1 of 1", "notBreaching"],
            "projector-fn-errors": [[`AWS/Lambda Errors ${PROJECTOR_FN} Sum/60s`], "GreaterThanThreshold", "3 of 3", "notBreaching"],
            "projector-backlog": [[`AWS/SQS ApproximateAgeOfOldestMessage ${JSON.stringify({ QueueName: "orders-projector-queue" })} Maximum/60s`], "GreaterThanThreshold", "5 of 5", "notBreaching"],
            "events-dead-letters": [[`AWS/SQS ApproximateNumberOfMessagesVisible ${JSON.stringify({ QueueName: "orders-events-dlq" })} Maximum/60s`], "GreaterThanThreshold", "1 of 1", "notBreaching"],
        };
        const base = new Set(specs().map((s) => s.key));
        const added = withEvents().filter((s) => !base.has(s.key));
        const actual = Object.fromEntries(
            added.map((s) => [s.key, [inputsOf(s).map(describeInput), s.comparison, `${s.datapointsToAlarm} of ${s.evaluationPeriods}`, s.treatMissingData]]),
        );
        assert.deepEqual(actual, expected);
        assert.equal(withEvents().length, specs().length + added.length);
    });

    it("pages on any parked event and any dead letter, whatever alarmLambdaErrors allows", () => {
        const tolerant = withEvents({ lambdaErrors: 5 });
        assert.equal(byKey("events-parked", tolerant).threshold, 0);
        assert.equal(byKey("events-dead-letters", tolerant).threshold, 0);
        assert.equal(byKey("relay-fn-errors", tolerant).threshold, 0);
        assert.equal(byKey("projector-fn-errors", tolerant).threshold, 5);
    });

    it("reads the relay's own metrics under the relay's service, and AWS metrics only with dimension sets AWS documents", () => {
        for (const spec of withEvents().filter((s) => !specs().some((b) => b.key === s.key))) {
            for (const input of inputsOf(spec)) {
                if (input.metric.namespace === events.appNamespace) {
                    assert.deepEqual(input.metric.dimensions, { service: "orders-relay" }, spec.key);
                    continue;
                }
                const names = Object.keys(input.metric.dimensions).sort().join("+");
                const entry = Object.values(AWS_METRICS).find(
                    (m) => m.namespace === input.metric.namespace && m.name === input.metric.name && m.dimensionSets.some((set) => [...set].sort().join("+") === names),
                );
                assert.ok(entry, `${spec.key}: ${input.metric.name} with ${names} is not in the table`);
            }
            assert.ok(spec.description.length > 100 && spec.description.length <= MAX_ALARM_DESCRIPTION, `${spec.key}: ${spec.description.length} characters`);
            assert.match(spec.description, /Threshold: (config alarm[A-Za-z0-9]+|[^.]*(not configurable|any)[^.]*)\.$/, `${spec.key} does not say where its threshold comes from`);
        }
    });
});
