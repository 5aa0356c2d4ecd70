import { strict as assert } from "node:assert";
import { randomUUID } from "node:crypto";
import type { Context } from "aws-lambda";
import { withEnvironment } from "../../../app/dev/localEnvironment";
import type { LocalEvents } from "../../../app/dev/localEvents";
import { RELAY_METRICS } from "../../../app/src/metrics";
import { EventStore } from "../../../app/src/orders/eventStore";
import { handler, resetRelayContainer } from "../../../app/src/relay";
import { capturingStdout, emfDocuments } from "../support/capturingStdout";
import { useLocalEnvironment } from "../support/localEnvironment";
import { freshEvents } from "../support/localEvents";
import { FIXTURE_PROJECT } from "../../helpers/fixtureValues";

/** An invocation with `remainingMs` left, counting down: the run polls until only its 10 s reserve is left. */
const context = (remainingMs: number) => {
    const deadline = Date.now() + remainingMs;
    return { awsRequestId: randomUUID(), getRemainingTimeInMillis: () => deadline - Date.now() } as unknown as Context;
};

describe("relay handler (against MariaDB and the EventBridge stub)", function () {
    this.timeout(60_000);
    const local = useLocalEnvironment();
    let events: LocalEvents | undefined;

    afterEach(async () => {
        await resetRelayContainer();
        await events?.stop();
        events = undefined;
    });

    it("drains the store into the bus named by EVENT_BUS_NAME, through AWS_ENDPOINT_URL_EVENTBRIDGE, and writes its counts as EMF", async () => {
        const admin = await local.env().mariadb.connectAdmin();
        try {
            events = await freshEvents(local.env(), admin);
        } finally {
            await admin.end();
        }
        const api = local.container();
        await new EventStore(api.db).append(randomUUID(), 0, [{ eventId: randomUUID(), type: "OrderCreated", data: { customerId: "handler" } }]);
        const env = {
            ...local.env().apiEnv,
            EVENT_BUS_NAME: "orders-handler-test",
            POWERTOOLS_SERVICE_NAME: "orders-relay",
            POWERTOOLS_METRICS_NAMESPACE: `${FIXTURE_PROJECT}-test`,
            POWERTOOLS_LOG_LEVEL: "SILENT",
        };
        const { result, lines } = await capturingStdout(() => withEnvironment(env, () => handler({}, context(10_500))));
        assert.equal(result.status, "caughtUp");
        assert.equal(result.published, 1);
        assert.deepEqual(events.bus.accepted.map((entry) => entry.EventBusName), ["orders-handler-test"]);
        const [doc] = emfDocuments(lines);
        assert.ok(doc, lines.join("\n"));
        assert.deepEqual(doc._aws.CloudWatchMetrics[0]?.Dimensions, [["service"]]);
        assert.equal(doc.service, "orders-relay");
        assert.deepEqual([doc[RELAY_METRICS.eventsPublished], doc[RELAY_METRICS.eventsParked], doc[RELAY_METRICS.relayBacklog]], [1, 0, 0]);
        const age = doc._aws.CloudWatchMetrics[0]?.Metrics.find((metric: { Name: string }) => metric.Name === RELAY_METRICS.oldestUnpublishedAge);
        assert.equal(age?.Unit, "Seconds");
        assert.equal(typeof doc[RELAY_METRICS.oldestUnpublishedAge], "number");
    });

    it("fails the invocation, naming the variable, when its environment is invalid", async () => {
        await assert.rejects(
            withEnvironment({ ...local.env().apiEnv, EVENT_BUS_NAME: "", POWERTOOLS_LOG_LEVEL: "SILENT" }, () => handler({}, context(60_000))),
            /EVENT_BUS_NAME is required/,
        );
    });
});
