import type { APIGatewayProxyEventV2, Context } from "aws-lambda";
import { databaseTime, pingDatabase } from "../db/probes";
import type { Queryable } from "../db/connection";
import type { Logger } from "../logger";
import { OrderNotFoundError } from "../orders/errors";
import type { OrderService } from "../orders/service";
import type { OrderState } from "../orders/fold";
import { callerOf } from "./caller";
import { MethodNotAllowedError, RouteNotFoundError } from "./errors";
import { errorResponse } from "./errorResponse";
import { idempotencyKeyOf, ifMatchVersion, jsonBody } from "./request";
import { listParameters } from "./listQuery";
import { ownerOf } from "../orders/owner";
import { listOrders } from "../readModel/orderList";
import type { SummaryStore } from "../readModel/summaryStore";
import { etag, json, type HttpResult } from "./responses";
import { matchRoute } from "./router";
import { addItemBody, createOrderBody, emptyBody } from "./schemas";

export interface ApiDependencies {
    readonly orders: OrderService;
    /** The read model behind GET /orders. */
    readonly summaries: SummaryStore;
    readonly db: Queryable;
    readonly logger: Logger;
}

export type ApiHandler = (event: APIGatewayProxyEventV2, context: Pick<Context, "awsRequestId">) => Promise<HttpResult>;

function orderResponse(status: number, { owner: _owner, ...order }: OrderState, headers: Record<string, string> = {}): HttpResult {
    // `owner` is a hash for scoping, not part of what a client sent or needs.
    return json(status, order, { etag: etag(order.version), ...headers });
}

function withoutOwner(data: object): object {
    if (!("owner" in data)) {
        return data;
    }
    const { owner: _owner, ...rest } = data as { owner: unknown };
    return rest;
}

/** The HTTP adapter: parse the request, call one use case, map the outcome. No SQL and no business rules here. */
export function createApi({ orders, summaries, db, logger }: ApiDependencies): ApiHandler {
    async function route(event: APIGatewayProxyEventV2): Promise<HttpResult> {
        const method = event.requestContext.http.method;
        const match = matchRoute(method, event.rawPath);
        switch (match.kind) {
            case "notFound":
                throw new RouteNotFoundError(event.rawPath);
            case "methodNotAllowed":
                throw new MethodNotAllowedError(method, match.allow);
            case "orderNotFound":
                throw new OrderNotFoundError(match.orderId);
        }
        const orderId = match.orderId ?? "";
        switch (match.name) {
            case "time":
                return json(200, { now: await databaseTime(db) });
            case "health":
                // Public (API Gateway authorizes every route but this one): it must cost nothing and tell nothing,
                // so it never touches the database. The deep check is GET /ready, behind authorization.
                return json(200, { status: "ok" }, { "cache-control": "no-store" });
            case "ready":
                await pingDatabase(db);
                return json(200, { status: "ok", database: "ok" }, { "cache-control": "no-store" });
            case "listOrders": {
                // From the read model: eventually consistent (docs/app.md "Listing orders"), scoped to the caller.
                const { customerId, status, limit, cursor } = listParameters(event);
                const page = await listOrders(summaries, {
                    owner: ownerOf(callerOf(event)),
                    limit,
                    ...(customerId === undefined ? {} : { customerId }),
                    ...(status === undefined ? {} : { status }),
                    ...(cursor === undefined ? {} : { cursor }),
                });
                return json(200, page, { "cache-control": "no-store" });
            }
            case "createOrder": {
                const key = idempotencyKeyOf(event);
                const { customerId } = jsonBody(event, createOrderBody);
                const { order, created } = await orders.create(customerId, callerOf(event), key);
                // A replay answers like the first response did; the header only tells the client it was one.
                return orderResponse(201, order, { location: `/orders/${order.id}`, ...(created ? {} : { "idempotent-replayed": "true" }) });
            }
            case "getOrder":
                return orderResponse(200, await orders.get(orderId, callerOf(event)));
            case "orderEvents": {
                const events = await orders.events(orderId, callerOf(event));
                // `owner` is a hash for the read model's scoping, not part of what a client sent or needs.
                return json(
                    200,
                    events.map(({ version, type, data, createdAt }) => ({ version, type, data: withoutOwner(data), createdAt })),
                );
            }
            case "addItem": {
                const expected = ifMatchVersion(event);
                const item = jsonBody(event, addItemBody);
                return orderResponse(200, await orders.execute(orderId, callerOf(event), { type: "addItem", item }, expected));
            }
            case "confirm":
            case "cancel": {
                const expected = ifMatchVersion(event);
                jsonBody(event, emptyBody, { optional: true });
                return orderResponse(200, await orders.execute(orderId, callerOf(event), { type: match.name }, expected));
            }
        }
    }

    return async (event, context) => {
        const requestId = context.awsRequestId;
        try {
            return await route(event);
        } catch (error) {
            // The Lambda request id is in every line already (handler.ts adds the context); the API Gateway id and
            // the route are only worth writing for a refused request.
            const request = { requestId, apiRequestId: event.requestContext.requestId, method: event.requestContext.http.method, path: event.rawPath };
            const result = errorResponse(error, requestId, logger, request);
            logger.info("Request refused", { ...request, status: result.statusCode });
            return result;
        }
    };
}
