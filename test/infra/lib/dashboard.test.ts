import { strict as assert } from "node:assert";
import { APP_METRICS } from "../../../app/src/metrics";
import { alarmSpecs, type AlarmThresholds } from "../../../infra/lib/alarms";
import { DASHBOARD_COLUMNS, dashboardBody } from "../../../infra/lib/dashboard";
import { AWS_METRICS } from "../../../infra/lib/metrics";
import { FIXTURE_ACCOUNT, FIXTURE_REGION } from "../../helpers/fixtureValues";

const thresholds: AlarmThresholds = {
    api5xxPercent: 5,
    apiLatencyP90Ms: 2500,
    lambdaErrors: 0,
    lambdaThrottles: 0,
    lambdaDurationPercent: 80,
    dbCpuPercent: 90,
    dbFreeableMemoryMb: 256,
    dbFreeStorageGb: 1,
    dbConnections: 60,
    proxyPinnedConnections: 0,
    proxyFailedAuth: 0,
    proxyBorrowLatencyMs: 100,
    proxyConnectionsPercent: 90,
};
const resources = {
    apiId: "a1b2c3d4e5",
    stage: "$default",
    apiFunction: { name: "orders-api-fn", timeoutSeconds: 10 },
    migrateFunction: { name: "orders-migrate-fn", timeoutSeconds: 300 },
    dbInstanceId: "orders-db",
    proxyName: "orders-proxy",
};
const alarms = alarmSpecs(resources, thresholds);
const alarmArns = alarms.map((a) => `arn:aws:cloudwatch:${FIXTURE_REGION}:${FIXTURE_ACCOUNT}:alarm:stack-${a.key}`);
const body = dashboardBody({ title: "stack", region: FIXTURE_REGION, resources, alarms, alarmArns, appNamespace: "stack", appService: "orders-api" });

/** Every metric line of every chart: [namespace, name, ...dimension pairs, options]; math lines are skipped. */
function metricLines(): { namespace: string; name: string; dimensions: Record<string, string>; options: Record<string, unknown> }[] {
    return body.widgets
        .filter((w) => w.type === "metric")
        .flatMap((w) => w.properties.metrics as unknown[][])
        .filter((line) => typeof line[0] === "string")
        .map((line) => {
            const options = line[line.length - 1] as Record<string, unknown>;
            const pairs = line.slice(2, -1) as string[];
            const dimensions: Record<string, string> = {};
            for (let i = 0; i < pairs.length; i += 2) {
                dimensions[pairs[i]!] = pairs[i + 1]!;
            }
            return { namespace: line[0] as string, name: line[1] as string, dimensions, options };
        });
}

describe("lib: dashboard", () => {
    it("opens with a title and the status of every alarm, then charts in rows that fill the 24-column grid without overlap", () => {
        const [title, status] = body.widgets;
        assert.equal(title?.type, "text");
        assert.equal(status?.type, "alarm");
        assert.deepEqual(status?.properties.alarms, alarmArns);
        const cells = new Set<string>();
        for (const widget of body.widgets) {
            assert.ok(widget.x >= 0 && widget.x + widget.width <= DASHBOARD_COLUMNS, JSON.stringify(widget.properties.title));
            for (let x = widget.x; x < widget.x + widget.width; x += 1) {
                for (let y = widget.y; y < widget.y + widget.height; y += 1) {
                    assert.ok(!cells.has(`${x},${y}`), `widgets overlap at ${x},${y}`);
                    cells.add(`${x},${y}`);
                }
            }
            if (widget.type !== "text") {
                assert.equal(widget.properties.region, FIXTURE_REGION);
            }
        }
    });

    it("orders the rows the way a request travels: API, function and app, proxy, database, then migrate", () => {
        const titles = body.widgets.filter((w) => w.type === "metric").map((w) => String(w.properties.title));
        const firstRow = (pattern: RegExp) => titles.findIndex((t) => pattern.test(t));
        const order = [/^API requests/, /^API function/, /^Proxy/, /^Database/, /^migrate/].map(firstRow);
        assert.ok(order.every((index) => index >= 0), titles.join(" | "));
        assert.deepEqual([...order].sort((a, b) => a - b), order);
    });

    it("charts AWS metrics only with names and dimension sets from the AWS metric table", () => {
        const aws = metricLines().filter((line) => line.namespace.startsWith("AWS/"));
        assert.ok(aws.length > 20);
        for (const line of aws) {
            const names = Object.keys(line.dimensions).sort().join("+");
            const entry = Object.values(AWS_METRICS).find(
                (m) => m.namespace === line.namespace && m.name === line.name && m.dimensionSets.some((set) => [...set].sort().join("+") === names),
            );
            assert.ok(entry, `${line.namespace} ${line.name} with ${names} is not in the table`);
        }
    });

    it("charts every app metric in the stack's namespace by its service, refusals by order status", () => {
        const app = metricLines().filter((line) => line.namespace === "stack");
        assert.deepEqual([...new Set(app.map((line) => line.name))].sort(), Object.values(APP_METRICS).sort());
        for (const line of app) {
            assert.equal(line.dimensions.service, "orders-api");
        }
        assert.deepEqual(
            app.filter((line) => line.name === APP_METRICS.commandsRefused).map((line) => line.dimensions.OrderStatus),
            ["open", "confirmed", "cancelled"],
        );
    });

    it("draws each alarm's threshold on the chart of its metric", () => {
        const annotated = body.widgets
            .filter((w) => w.type === "metric")
            .flatMap((w) => ((w.properties.annotations as { horizontal: { value: number }[] } | undefined)?.horizontal ?? []).map((h) => h.value));
        for (const key of ["api-5xx-rate", "api-latency-p90", "api-fn-duration", "db-cpu", "db-free-storage", "proxy-borrow-latency"]) {
            assert.ok(annotated.includes(alarms.find((a) => a.key === key)!.threshold), key);
        }
    });
});
