import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import { loadApiConfig } from "./config";
import { createApiContainer, type ApiContainer } from "./container";
import { json } from "./http/responses";
import { Logger } from "./logger";

// Created on the first invocation and kept while the container lives: config, clients, the connection.
let container: ApiContainer | undefined;

/** The API function: API Gateway HTTP API, payload format 2.0. */
export async function handler(event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyStructuredResultV2> {
    try {
        container ??= createApiContainer(loadApiConfig(process.env));
    } catch (error) {
        // A broken deployment (bad environment): say so in the log, keep the client's error body generic.
        // Powertools reads POWERTOOLS_LOG_LEVEL itself here, since the config that would carry it is invalid.
        new Logger({ serviceName: "orders-api" }).error("Cannot start the API", { error });
        return json(500, { error: "internal_error", message: "The service is misconfigured", requestId: context.awsRequestId });
    }
    container.logger.addContext(context);
    return container.handle(event, context);
}

/** Closes and forgets the container, as if the function were cold again; for tests and the dev server. */
export async function resetContainer(): Promise<void> {
    const current = container;
    container = undefined;
    await current?.db.close();
}
