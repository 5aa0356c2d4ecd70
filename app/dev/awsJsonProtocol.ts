import type { IncomingMessage, ServerResponse } from "node:http";

/** Writes a reply of the AWS JSON 1.1 protocol, which the local service stubs speak. */
export function reply(response: ServerResponse, status: number, body: unknown): void {
    response.writeHead(status, { "content-type": "application/x-amz-json-1.1" });
    response.end(JSON.stringify(body));
}

/** Reads a request body of the AWS JSON 1.1 protocol; an empty body is `{}`. */
export async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) {
        chunks.push(chunk as Buffer);
    }
    const text = Buffer.concat(chunks).toString("utf8");
    return text === "" ? {} : (JSON.parse(text) as Record<string, unknown>);
}
