import type { Context } from "aws-lambda";
import { randomUUID } from "node:crypto";
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import { handler, resetContainer } from "../src/handler";
import { fromNodeRequest, writeResult } from "./apiGatewayEvent";
import { startLocalEnvironment } from "./localEnvironment";
import { startLocalEvents } from "./localEvents";
import { DevStartError, devSettings, listen } from "./settings";

// `npm run dev`: a throwaway MariaDB (TLS, migrated), a Secrets Manager stub, and the real Lambda handler
// behind a plain HTTP server on localhost; the relay runs every RELAY_INTERVAL_MS into a local EventBridge stub that
// hands each event to the projector, so GET /orders catches up a moment after a change. Everything is deleted on exit.
// Bodies over the API's 64 KiB limit still reach the handler, so that its 413 is what the client sees.
const maxReadBytes = 1024 * 1024;

function fakeContext(): Context {
    const awsRequestId = randomUUID();
    return {
        awsRequestId,
        callbackWaitsForEmptyEventLoop: false,
        functionName: "orders-api-local",
        functionVersion: "$LATEST",
        invokedFunctionArn: "arn:aws:lambda:us-east-1:000000000000:function:orders-api-local",
        memoryLimitInMB: "256",
        logGroupName: "/aws/lambda/orders-api-local",
        logStreamName: "local",
        getRemainingTimeInMillis: () => 30_000,
        done: () => undefined,
        fail: () => undefined,
        succeed: () => undefined,
    };
}

async function main(): Promise<void> {
    const { port: requestedPort, relayIntervalMs } = devSettings(process.env);
    let ready: ((request: IncomingMessage, response: ServerResponse) => void) | undefined;
    // Listening comes first: a busy port fails in a moment, before a database is started for nothing.
    const server = createServer((request, response) => {
        if (ready === undefined) {
            response.writeHead(503, { "retry-after": "1" }).end();
        } else {
            ready(request, response);
        }
    });
    const port = await listen(server, requestedPort);

    console.log("dev: starting MariaDB and the Secrets Manager stub ...");
    let local: Awaited<ReturnType<typeof startLocalEnvironment>> | undefined;
    let events: Awaited<ReturnType<typeof startLocalEvents>>;
    try {
        local = await startLocalEnvironment({ logLevel: process.env.POWERTOOLS_LOG_LEVEL ?? "INFO" });
        Object.assign(process.env, local.apiEnv);
        events = await startLocalEvents(local.apiEnv);
    } catch (error) {
        // Nothing may be left running: the port, and a database already started.
        server.close();
        await local?.stop();
        throw error;
    }
    let relaying: Promise<unknown> = Promise.resolve();
    // One run at a time, as the lease would have it anyway; a failing run is logged and the next tick tries again.
    const relayTimer = setInterval(() => {
        relaying = relaying.then(() => events.runRelay(Math.max(relayIntervalMs, 3_000))).catch((error: unknown) => console.error("dev: relay run failed:", error));
    }, relayIntervalMs);

    ready = (request, response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        request.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size <= maxReadBytes) {
                chunks.push(chunk);
            }
        });
        request.on("end", () => {
            void handler(fromNodeRequest(request, Buffer.concat(chunks)), fakeContext())
                .then((result) => writeResult(response, result))
                .catch((error: unknown) => {
                    console.error(error);
                    response.writeHead(502).end();
                });
        });
    };
    const started = local;
    const { mariadb } = started;
    console.log(`dev: API on http://localhost:${port} (try: curl -s localhost:${port}/time)`);
    console.log("dev: no authentication here; send X-Dev-Caller: <IAM ARN or token sub> to act as a caller (anonymous without it)");
    console.log(`dev: MariaDB ${mariadb.database} on ${mariadb.host}:${mariadb.port}, TLS CA ${mariadb.certificates.caFile}`);
    console.log(`dev: relay every ${relayIntervalMs} ms into a local EventBridge stub (${events.bus.endpoint}) feeding the projector: GET /orders?customerId=... lists a moment after a change`);
    console.log("dev: Ctrl-C stops everything and deletes the data");

    let stopping = false;
    const stop = async () => {
        if (stopping) {
            return;
        }
        stopping = true;
        server.closeAllConnections();
        server.close();
        clearInterval(relayTimer);
        await relaying;
        await events.stop();
        await resetContainer();
        await started.stop();
        // The server, timers and child processes are gone: the process ends by itself, with its output drained.
        process.exitCode = 0;
    };
    process.on("SIGINT", () => void stop());
    process.on("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
    // A mistake in how it was started gets its message and the fix; anything else its stack, to report.
    console.error(`dev: could not start: ${error instanceof DevStartError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
});
