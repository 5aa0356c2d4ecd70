import type { Context } from "aws-lambda";
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { handler, resetContainer } from "../src/handler";
import { fromNodeRequest, writeResult } from "./apiGatewayEvent";
import { startLocalEnvironment } from "./localEnvironment";

// `npm run dev`: a throwaway MariaDB (TLS, migrated), a Secrets Manager stub, and the real Lambda handler
// behind a plain HTTP server on localhost. Everything is deleted on exit.
const port = Number(process.env.PORT ?? 3000);
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
    console.log("dev: starting MariaDB and the Secrets Manager stub ...");
    const local = await startLocalEnvironment({ logLevel: process.env.POWERTOOLS_LOG_LEVEL ?? "INFO" });
    Object.assign(process.env, local.apiEnv);

    const server = createServer((request, response) => {
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
    });
    server.listen(port, "127.0.0.1", () => {
        const { mariadb } = local;
        console.log(`dev: API on http://localhost:${port} (try: curl -s localhost:${port}/time)`);
        console.log("dev: no authentication here; send X-Dev-Caller: <IAM ARN or token sub> to act as a caller (anonymous without it)");
        console.log(`dev: MariaDB ${mariadb.database} on ${mariadb.host}:${mariadb.port}, TLS CA ${mariadb.certificates.caFile}`);
        console.log("dev: Ctrl-C stops everything and deletes the data");
    });

    let stopping = false;
    const stop = async () => {
        if (stopping) {
            return;
        }
        stopping = true;
        server.close();
        await resetContainer();
        await local.stop();
        process.exit(0);
    };
    process.on("SIGINT", () => void stop());
    process.on("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
    console.error("dev: could not start:", error);
    process.exit(1);
});
