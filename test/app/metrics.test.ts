import { strict as assert } from "node:assert";
import { randomBytes } from "node:crypto";
import type { Connection, RowDataPacket } from "mysql2/promise";
import { loadApiConfig } from "../../app/src/config";
import { createApiContainer } from "../../app/src/container";
import { APP_METRICS, EmfMetrics, noMetrics, ORDER_STATUS_DIMENSION } from "../../app/src/metrics";
import { invoke } from "./support/invoke";
import { capturingStdout, emfDocuments, type EmfDocument } from "./support/capturingStdout";
import { useLocalEnvironment } from "./support/localEnvironment";
import { silentLogger } from "./support/silentLogger";
import { FIXTURE_PROJECT } from "../helpers/fixtureValues";

const namespace = `${FIXTURE_PROJECT}-test`;

/** Every metric of the documents, with its value and the dimensions of its document. */
function metricsIn(documents: readonly EmfDocument[]): { name: string; value: unknown; dimensions: Record<string, unknown>; namespace: string; unit: string }[] {
    return documents.flatMap((doc) =>
        doc._aws.CloudWatchMetrics.flatMap((directive) =>
            directive.Metrics.map((metric) => ({
                name: metric.Name,
                unit: metric.Unit,
                value: doc[metric.Name],
                namespace: directive.Namespace,
                dimensions: Object.fromEntries(directive.Dimensions.flat().map((d) => [d, doc[d]])),
            })),
        ),
    );
}

describe("metrics: EmfMetrics", () => {
    const metrics = () => new EmfMetrics({ namespace, serviceName: "orders-api", logger: silentLogger() });

    it("writes nothing when nothing was counted", async () => {
        const m = metrics();
        const { lines } = await capturingStdout(() => m.flush());
        assert.deepEqual(lines, []);
    });

    it("writes one EMF document per flush, in the stack's namespace, with the service as its only dimension", async () => {
        const m = metrics();
        m.orderCreated();
        m.orderCreated();
        m.concurrencyRetry();
        m.reconnected();
        m.credentialsRefreshed();
        const { lines } = await capturingStdout(() => m.flush());
        assert.equal(lines.length, 1);
        const [doc] = emfDocuments(lines);
        assert.ok(doc, lines[0]);
        assert.equal(typeof doc._aws.Timestamp, "number");
        assert.deepEqual(doc._aws.CloudWatchMetrics[0]!.Dimensions, [["service"]]);
        assert.deepEqual(
            metricsIn([doc]).map(({ name, value, unit, namespace: ns, dimensions }) => [name, value, unit, ns, dimensions]),
            [
                [APP_METRICS.ordersCreated, 2, "Count", namespace, { service: "orders-api" }],
                [APP_METRICS.concurrencyRetries, 1, "Count", namespace, { service: "orders-api" }],
                [APP_METRICS.databaseReconnects, 1, "Count", namespace, { service: "orders-api" }],
                [APP_METRICS.credentialRefreshCount, 1, "Count", namespace, { service: "orders-api" }],
            ],
        );
    });

    it("writes refused commands by order status, in documents of their own so no other count takes that dimension", async () => {
        const m = metrics();
        m.orderCreated();
        m.commandRefused("cancelled");
        m.commandRefused("cancelled");
        m.commandRefused("open");
        const { lines } = await capturingStdout(() => m.flush());
        const documents = emfDocuments(lines);
        assert.equal(documents.length, 3);
        const refusals = metricsIn(documents).filter((metric) => metric.name === APP_METRICS.commandsRefused);
        assert.deepEqual(
            refusals.map(({ value, dimensions }) => [value, dimensions]),
            [
                [2, { service: "orders-api", [ORDER_STATUS_DIMENSION]: "cancelled" }],
                [1, { service: "orders-api", [ORDER_STATUS_DIMENSION]: "open" }],
            ],
        );
        const created = metricsIn(documents).filter((metric) => metric.name === APP_METRICS.ordersCreated);
        assert.deepEqual(created.map((metric) => metric.dimensions), [{ service: "orders-api" }]);
    });

    it("starts from zero after a flush", async () => {
        const m = metrics();
        m.orderCreated();
        await capturingStdout(() => m.flush());
        m.commandRefused("confirmed");
        const { lines } = await capturingStdout(() => m.flush());
        assert.deepEqual(metricsIn(emfDocuments(lines)).map((metric) => metric.name), [APP_METRICS.commandsRefused]);
    });

    it("is off where no namespace is configured: the container counts into noMetrics", () => {
        const container = createApiContainer(loadApiConfig({ DB_HOST: "proxy.example.internal", DB_NAME: "orders", DB_AUTH: "iam", DB_USER: "app" }), {
            logger: silentLogger(),
        });
        assert.equal(container.metrics, noMetrics);
        const configured = loadApiConfig({ DB_HOST: "proxy.example.internal", DB_NAME: "orders", DB_AUTH: "iam", DB_USER: "app", POWERTOOLS_METRICS_NAMESPACE: namespace });
        assert.equal(configured.metricsNamespace, namespace);
        assert.ok(createApiContainer(configured, { logger: silentLogger() }).metrics instanceof EmfMetrics);
    });

    it("refuses a namespace CloudWatch reserves for AWS", () => {
        assert.throws(
            () => loadApiConfig({ DB_HOST: "h", DB_NAME: "orders", DB_AUTH: "iam", DB_USER: "app", POWERTOOLS_METRICS_NAMESPACE: "AWS/Lambda" }),
            /POWERTOOLS_METRICS_NAMESPACE/,
        );
    });
});

describe("metrics: what the API emits (against MariaDB)", function () {
    this.timeout(30_000);
    const local = useLocalEnvironment();
    let admin: Connection;
    const containers: ReturnType<typeof createApiContainer>[] = [];

    before(async () => {
        admin = await local.env().mariadb.connectAdmin();
    });
    after(async () => {
        await Promise.all(containers.splice(0).map((container) => container.db.close()));
        await admin?.end();
    });

    /** A container whose metrics are real EmfMetrics, as in Lambda. */
    function meteredContainer() {
        const container = createApiContainer(loadApiConfig({ ...local.env().apiEnv, POWERTOOLS_METRICS_NAMESPACE: namespace }), { logger: silentLogger() });
        containers.push(container);
        return container;
    }

    async function killAppConnections(): Promise<void> {
        const [rows] = await admin.query<RowDataPacket[]>("SELECT ID FROM information_schema.PROCESSLIST WHERE USER = 'app'");
        for (const row of rows) {
            await admin.query("KILL ?", [row.ID]);
        }
    }

    it("counts an order created, once per invocation, and nothing for a read", async () => {
        const container = meteredContainer();
        const created = await capturingStdout(() => invoke(container, "POST", "/orders", { body: { customerId: "c-metrics" } }));
        assert.equal(created.result.status, 201);
        const metrics = metricsIn(emfDocuments(created.lines));
        assert.deepEqual(
            metrics.map(({ name, value, namespace: ns, dimensions }) => [name, value, ns, dimensions]),
            [[APP_METRICS.ordersCreated, 1, namespace, { service: "orders-api" }]],
        );
        const read = await capturingStdout(() => invoke(container, "GET", `/orders/${created.result.body.id}`));
        assert.equal(read.result.status, 200);
        assert.deepEqual(emfDocuments(read.lines), []);
    });

    it("counts commands refused by the order's status", async () => {
        const container = meteredContainer();
        const { result: order } = await capturingStdout(() => invoke(container, "POST", "/orders", { body: { customerId: "c-refused" } }));
        const emptyConfirm = await capturingStdout(() => invoke(container, "POST", `/orders/${order.body.id}/confirm`));
        assert.equal(emptyConfirm.result.status, 409);
        await capturingStdout(() => invoke(container, "POST", `/orders/${order.body.id}/cancel`));
        const addToCancelled = await capturingStdout(() =>
            invoke(container, "POST", `/orders/${order.body.id}/items`, { body: { sku: "s", quantity: 1, unitPrice: 1 } }),
        );
        assert.equal(addToCancelled.result.status, 409);
        assert.deepEqual(
            [...metricsIn(emfDocuments(emptyConfirm.lines)), ...metricsIn(emfDocuments(addToCancelled.lines))].map(({ name, value, dimensions }) => [name, value, dimensions]),
            [
                [APP_METRICS.commandsRefused, 1, { service: "orders-api", [ORDER_STATUS_DIMENSION]: "open" }],
                [APP_METRICS.commandsRefused, 1, { service: "orders-api", [ORDER_STATUS_DIMENSION]: "cancelled" }],
            ],
        );
    });

    it("counts a reconnect after the connection was killed, and a credential refresh after a rotation", async () => {
        const env = local.env();
        const container = meteredContainer();
        assert.equal((await invoke(container, "GET", "/ready")).status, 200);
        await killAppConnections();
        const reconnect = await capturingStdout(() => invoke(container, "GET", "/time"));
        assert.equal(reconnect.result.status, 200, reconnect.result.text);
        assert.deepEqual(metricsIn(emfDocuments(reconnect.lines)).map(({ name, value }) => [name, value]), [[APP_METRICS.databaseReconnects, 1]]);

        const password = randomBytes(18).toString("base64url");
        await admin.query("ALTER USER 'app'@'%' IDENTIFIED BY ?", [password]);
        env.secrets.put(env.appSecretId, { username: "app", password });
        await killAppConnections();
        const rotated = await capturingStdout(() => invoke(container, "GET", "/ready"));
        assert.equal(rotated.result.status, 200, rotated.result.text);
        assert.deepEqual(
            metricsIn(emfDocuments(rotated.lines)).map(({ name, value }) => [name, value]),
            [
                [APP_METRICS.databaseReconnects, 1],
                [APP_METRICS.credentialRefreshCount, 1],
            ],
        );
        // Nothing but EMF documents reached stdout: the logger is silent, and the password is in none of them.
        assert.equal(rotated.lines.join("\n").includes(password), false);
    });
});
