export type RouteName = "time" | "health" | "ready" | "listOrders" | "createOrder" | "getOrder" | "orderEvents" | "addItem" | "confirm" | "cancel";

interface RouteDefinition {
    readonly method: string;
    readonly pattern: RegExp;
    readonly name: RouteName;
}

// Order ids are UUIDs; anything else in that position is simply not a resource of this API (404).
const id = "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})";
const segment = "([^/]+)";

const routes: readonly RouteDefinition[] = [
    { method: "GET", pattern: /^\/time$/, name: "time" },
    { method: "GET", pattern: /^\/health$/, name: "health" },
    { method: "GET", pattern: /^\/ready$/, name: "ready" },
    { method: "GET", pattern: /^\/orders$/, name: "listOrders" },
    { method: "POST", pattern: /^\/orders$/, name: "createOrder" },
    { method: "GET", pattern: new RegExp(`^/orders/${segment}$`), name: "getOrder" },
    { method: "GET", pattern: new RegExp(`^/orders/${segment}/events$`), name: "orderEvents" },
    { method: "POST", pattern: new RegExp(`^/orders/${segment}/items$`), name: "addItem" },
    { method: "POST", pattern: new RegExp(`^/orders/${segment}/confirm$`), name: "confirm" },
    { method: "POST", pattern: new RegExp(`^/orders/${segment}/cancel$`), name: "cancel" },
];
const orderId = new RegExp(`^${id}$`);

export type RouteMatch =
    | { readonly kind: "route"; readonly name: RouteName; readonly orderId?: string }
    | { readonly kind: "notFound" }
    | { readonly kind: "orderNotFound"; readonly orderId: string }
    | { readonly kind: "methodNotAllowed"; readonly allow: readonly string[] };

/**
 * Finds the route for a method and raw path. Works behind API Gateway's `$default` route, where
 * the request arrives unrouted. A trailing slash is tolerated; HEAD is not served. Pure.
 */
export function matchRoute(method: string, rawPath: string): RouteMatch {
    const path = rawPath.length > 1 ? rawPath.replace(/\/+$/, "") : rawPath;
    const matching = routes.filter((route) => route.pattern.test(path));
    if (matching.length === 0) {
        return { kind: "notFound" };
    }
    const route = matching.find((candidate) => candidate.method === method.toUpperCase());
    if (route === undefined) {
        return { kind: "methodNotAllowed", allow: matching.map((candidate) => candidate.method) };
    }
    const captured = route.pattern.exec(path)?.[1];
    if (captured === undefined) {
        return { kind: "route", name: route.name };
    }
    const decoded = safeDecode(captured);
    return decoded !== undefined && orderId.test(decoded)
        ? { kind: "route", name: route.name, orderId: decoded.toLowerCase() }
        : { kind: "orderNotFound", orderId: captured };
}

function safeDecode(value: string): string | undefined {
    try {
        return decodeURIComponent(value);
    } catch {
        return undefined;
    }
}
