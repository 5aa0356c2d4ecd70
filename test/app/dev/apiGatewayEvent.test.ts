import { strict as assert } from "node:assert";
import type { IncomingMessage } from "node:http";
import { apiGatewayEvent, fromNodeRequest } from "../../../app/dev/apiGatewayEvent";

describe("dev: apiGatewayEvent", () => {
    it("builds a payload 2.0 event for the $default route with lowercased header names", () => {
        const event = apiGatewayEvent("POST", "/orders", { headers: { "Content-Type": "application/json" }, body: "{}" });
        assert.equal(event.version, "2.0");
        assert.equal(event.routeKey, "$default");
        assert.equal(event.requestContext.http.method, "POST");
        assert.equal(event.headers["content-type"], "application/json");
        assert.equal(event.body, "{}");
    });

    it("turns a Node request into the same event, splitting path and query", () => {
        const request = { url: "/orders?limit=2", method: "GET", headers: { accept: "application/json" }, socket: { remoteAddress: "127.0.0.1" } };
        const event = fromNodeRequest(request as unknown as IncomingMessage, Buffer.alloc(0));
        assert.equal(event.rawPath, "/orders");
        assert.equal(event.rawQueryString, "limit=2");
        assert.equal(event.body, undefined);
        assert.equal(event.headers.accept, "application/json");
    });
});
