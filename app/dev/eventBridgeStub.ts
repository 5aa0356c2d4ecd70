import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { readBody, reply } from "./awsJsonProtocol";

/** An entry of PutEvents as the stub received it. */
export interface ReceivedEntry {
    readonly Source: string;
    readonly DetailType: string;
    readonly Detail: string;
    readonly EventBusName?: string;
    readonly Time?: number;
}

/** An event as EventBridge hands it to a Lambda target. */
export interface DeliveredEvent {
    readonly version: "0";
    readonly id: string;
    readonly "detail-type": string;
    readonly source: string;
    readonly account: string;
    readonly time: string;
    readonly region: string;
    readonly resources: readonly string[];
    readonly detail: unknown;
}

export interface EventBridgeStubOptions {
    /** Called for each accepted entry, after PutEvents has answered (EventBridge delivers asynchronously). */
    readonly deliver?: (event: DeliveredEvent) => Promise<unknown>;
    /** Decides per entry whether to refuse it (an ErrorCode such as "InternalFailure"), e.g. to test partial failures. */
    readonly refuse?: (entry: ReceivedEntry, call: number) => string | undefined;
    /** Lambda's asynchronous invocation retries a failed delivery twice; so does the stub, then it dead-letters it. */
    readonly deliveryAttempts?: number;
    /** How long PutEvents takes to answer, as a round trip to EventBridge would (`npm run bench`); 0 by default. */
    readonly latencyMs?: number;
}

/** A local stand-in for Amazon EventBridge: PutEvents only, JSON 1.1 protocol, delivering to one target. */
export interface EventBridgeStub {
    /** For AWS_ENDPOINT_URL_EVENTBRIDGE. */
    readonly endpoint: string;
    /** Every accepted entry, in the order accepted. */
    readonly accepted: ReceivedEntry[];
    /** PutEvents calls, with how many entries each carried. */
    readonly calls: number[];
    /** Deliveries that failed every attempt: what would land in the dead-letter queue. */
    readonly deadLetters: DeliveredEvent[];
    /** Resolves when every delivery started so far has finished. */
    drained(): Promise<void>;
    close(): Promise<void>;
}

/** Starts the stub on a free loopback port. It checks no signature: it only ever listens on 127.0.0.1. */
export async function startEventBridgeStub(options: EventBridgeStubOptions = {}): Promise<EventBridgeStub> {
    const accepted: ReceivedEntry[] = [];
    const calls: number[] = [];
    const deadLetters: DeliveredEvent[] = [];
    const inFlight = new Set<Promise<void>>();
    const attempts = options.deliveryAttempts ?? 3;

    const deliver = (event: DeliveredEvent) => {
        if (options.deliver === undefined) {
            return;
        }
        const target = options.deliver;
        const delivery = (async () => {
            for (let attempt = 1; attempt <= attempts; attempt += 1) {
                try {
                    await target(event);
                    return;
                } catch {
                    // retried, then dead-lettered
                }
            }
            deadLetters.push(event);
        })();
        inFlight.add(delivery);
        void delivery.finally(() => inFlight.delete(delivery));
    };

    const server = createServer((request, response) => {
        void (async () => {
            const target = String(request.headers["x-amz-target"] ?? "");
            const body = await readBody(request);
            if (target !== "AWSEvents.PutEvents") {
                reply(response, 400, { __type: "UnknownOperationException", message: `Not implemented by the stub: ${target}` });
                return;
            }
            const entries = (body.Entries ?? []) as ReceivedEntry[];
            if (entries.length === 0 || entries.length > 10) {
                reply(response, 400, { __type: "ValidationException", message: "Entries must have 1 to 10 items" });
                return;
            }
            if (options.latencyMs !== undefined && options.latencyMs > 0) {
                await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
            }
            calls.push(entries.length);
            const call = calls.length;
            const results = entries.map((entry) => {
                const refused = options.refuse?.(entry, call);
                if (refused !== undefined) {
                    return { ErrorCode: refused, ErrorMessage: "refused by the stub" };
                }
                accepted.push(entry);
                return { EventId: randomUUID(), entry };
            });
            reply(response, 200, {
                FailedEntryCount: results.filter((result) => "ErrorCode" in result).length,
                Entries: results.map((result) => ("ErrorCode" in result ? result : { EventId: result.EventId })),
            });
            for (const result of results) {
                if ("entry" in result && result.entry !== undefined) {
                    const { entry } = result;
                    deliver({
                        version: "0",
                        id: result.EventId,
                        "detail-type": entry.DetailType,
                        source: entry.Source,
                        account: "000000000000",
                        time: new Date((entry.Time ?? Date.now() / 1000) * 1000).toISOString(),
                        region: "us-east-1",
                        resources: [],
                        detail: JSON.parse(entry.Detail) as unknown,
                    });
                }
            }
        })().catch((error: unknown) => reply(response, 500, { __type: "InternalException", message: String(error) }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    server.unref();
    const { port } = server.address() as AddressInfo;
    return {
        endpoint: `http://127.0.0.1:${port}`,
        accepted,
        calls,
        deadLetters,
        async drained() {
            while (inFlight.size > 0) {
                await Promise.all([...inFlight]);
            }
        },
        close: () => new Promise((resolve) => server.close(() => resolve())),
    };
}
