import { strict as assert } from "node:assert";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eventBridgeClient, eventBridgePutEvents } from "../../../app/src/outbox/relayContainer";
import { withEnvironment } from "../../../app/dev/localEnvironment";

const entry = { Source: "orders", DetailType: "OrderCreated", Detail: "{}", EventBusName: "bus", Time: new Date(0) };

describe("outbox: relayContainer (the EventBridge client)", () => {
    let server: Server;
    let endpoint: string;
    before(async () => {
        // Accepts the request and never answers, like an endpoint that hangs.
        server = createServer(() => undefined);
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
        endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(async () => {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
    });

    it("gives up on a PutEvents call that gets no answer, so a hung endpoint cannot hold the relay's lease", async () => {
        const env = { AWS_REGION: "us-east-1", AWS_ACCESS_KEY_ID: "local", AWS_SECRET_ACCESS_KEY: "local" };
        const client = eventBridgeClient({ connectionTimeout: 1_000, requestTimeout: 100 }, endpoint);
        try {
            // The SDK retries (3 attempts in standard mode), each one cut short.
            await withEnvironment(env, () => assert.rejects(eventBridgePutEvents(client)([entry]), (error: Error) => /Timeout/i.test(error.name)));
        } finally {
            client.destroy();
        }
    });
});
