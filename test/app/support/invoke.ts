import type { ApiContainer } from "../../../app/src/container";
import { apiEvent, lambdaContext, type RequestSpec } from "./apiEvents";

export interface Reply {
    readonly status: number;
    readonly headers: Record<string, string>;
    readonly body: any;
    readonly text: string;
}

/** Sends one request through a container's handler, the way API Gateway would. */
export async function invoke(container: ApiContainer, method: string, path: string, spec: RequestSpec = {}): Promise<Reply> {
    const result = await container.handle(apiEvent(method, path, spec), lambdaContext());
    const text = String(result.body ?? "");
    return { status: result.statusCode, headers: result.headers, body: text === "" ? undefined : JSON.parse(text), text };
}
