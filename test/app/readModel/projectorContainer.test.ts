import { strict as assert } from "node:assert";
import { randomUUID } from "node:crypto";
import { loadProjectorConfig } from "../../../app/src/config";
import { PROJECTOR_METRICS } from "../../../app/src/metrics";
import { EventStore } from "../../../app/src/orders/eventStore";
import { createProjectorContainer } from "../../../app/src/readModel/projectorContainer";
import { capturingStdout, emfDocuments } from "../support/capturingStdout";
import { useLocalEnvironment } from "../support/localEnvironment";
import { silentLogger } from "../support/silentLogger";
import { FIXTURE_PROJECT } from "../../helpers/fixtureValues";

describe("readModel: projector container (against MariaDB)", function () {
    this.timeout(30_000);
    const local = useLocalEnvironment();

    it("counts an applied event and an ignored repeat as EMF metrics of the projector's service", async () => {
        const env = { ...local.env().apiEnv, POWERTOOLS_METRICS_NAMESPACE: `${FIXTURE_PROJECT}-test`, POWERTOOLS_SERVICE_NAME: "" };
        const container = createProjectorContainer(loadProjectorConfig(env), { logger: silentLogger() });
        try {
            const orderId = randomUUID();
            await new EventStore(container.db).append(orderId, 0, [{ eventId: randomUUID(), type: "OrderCreated", data: { customerId: "emf" } }]);
            const [event] = await new EventStore(container.db).loadRange(orderId, 0, 1);
            assert.ok(event !== undefined);
            const { lines } = await capturingStdout(async () => {
                container.recordOutcome(await container.projector.project(event));
                container.recordOutcome(await container.projector.project(event));
            });
            const docs = emfDocuments(lines);
            assert.equal(docs.length, 2);
            for (const doc of docs) {
                assert.equal(doc.service, "orders-projector");
                assert.equal(doc._aws.CloudWatchMetrics[0]?.Namespace, `${FIXTURE_PROJECT}-test`);
            }
            assert.deepEqual(
                docs.map((doc) => [doc[PROJECTOR_METRICS.summariesUpdated], doc[PROJECTOR_METRICS.staleEventsIgnored]]),
                [
                    [1, 0],
                    [0, 1],
                ],
            );
        } finally {
            await container.db.close();
        }
    });
});
