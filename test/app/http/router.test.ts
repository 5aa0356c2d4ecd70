import { strict as assert } from "node:assert";
import { matchRoute } from "../../../app/src/http/router";

const id = "7d0c1c52-8f7e-4b8a-9d1e-0a1b2c3d4e5f";

describe("http: router", () => {
    const cases: Array<[string, string, string]> = [
        ["GET", "/time", "time"],
        ["GET", "/health", "health"],
        ["GET", "/ready", "ready"],
        ["POST", "/orders", "createOrder"],
        ["GET", `/orders/${id}`, "getOrder"],
        ["GET", `/orders/${id}/events`, "orderEvents"],
        ["POST", `/orders/${id}/items`, "addItem"],
        ["POST", `/orders/${id}/confirm`, "confirm"],
        ["POST", `/orders/${id}/cancel`, "cancel"],
    ];
    for (const [method, path, name] of cases) {
        it(`routes ${method} ${path.replace(id, "{id}")} to ${name}`, () => {
            const match = matchRoute(method, path);
            assert.equal(match.kind, "route");
            assert.equal(match.kind === "route" && match.name, name);
        });
    }

    it("passes the order id, lowercased", () => {
        assert.deepEqual(matchRoute("GET", `/orders/${id.toUpperCase()}`), { kind: "route", name: "getOrder", orderId: id });
    });

    it("tolerates a trailing slash", () => {
        assert.equal(matchRoute("GET", "/time/").kind, "route");
    });

    it("accepts a lowercase method", () => {
        assert.equal(matchRoute("get", "/time").kind, "route");
    });

    it("routes GET /orders to the list and POST /orders to creation", () => {
        assert.deepEqual(matchRoute("GET", "/orders"), { kind: "route", name: "listOrders" });
        assert.deepEqual(matchRoute("POST", "/orders/"), { kind: "route", name: "createOrder" });
    });

    it("says not found for an unknown path", () => {
        assert.deepEqual(matchRoute("GET", "/nope"), { kind: "notFound" });
    });

    it("says method not allowed, with the allowed methods, for a known path", () => {
        assert.deepEqual(matchRoute("DELETE", `/orders/${id}`), { kind: "methodNotAllowed", allow: ["GET"] });
        assert.deepEqual(matchRoute("DELETE", "/orders"), { kind: "methodNotAllowed", allow: ["GET", "POST"] });
    });

    it("treats an id that is not a UUID as an unknown order", () => {
        assert.equal(matchRoute("GET", "/orders/42").kind, "orderNotFound");
        assert.equal(matchRoute("POST", "/orders/%E0%A4%A/items").kind, "orderNotFound");
    });
});
