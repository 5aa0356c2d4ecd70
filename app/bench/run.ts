import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import type { Context } from "aws-lambda";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { createConnection, type Connection, type RowDataPacket } from "mysql2/promise";
import { buildLambdaBundle } from "../build";
import { apiGatewayEvent } from "../dev/apiGatewayEvent";
import { startLocalEnvironment, type LocalEnvironment } from "../dev/localEnvironment";
import { handler, resetContainer } from "../src/handler";
import { percentile, timed } from "./stats";
import { formatTable, type Row } from "./table";

// `npm run bench`: one run against a local MariaDB on loopback. Loops are bounded; nothing leaves the machine.
const warmRequests = 1000;
const tutorialRequests = 100;
const coldImports = 5;
const ratioTarget = 1.5;
const bundleLimitBytes = 1_000_000;

const context = { awsRequestId: "bench" } as Context;
const timeEvent = () => apiGatewayEvent("GET", "/time");

async function serverConnections(admin: Connection): Promise<number> {
    const [rows] = await admin.query<RowDataPacket[]>("SHOW GLOBAL STATUS LIKE 'Connections'");
    return Number(rows[0]?.Value);
}

async function appLogin(local: LocalEnvironment) {
    const client = new SecretsManagerClient({});
    const output = await client.send(new GetSecretValueCommand({ SecretId: local.appSecretId }));
    client.destroy();
    return JSON.parse(output.SecretString ?? "{}") as { username: string; password: string };
}

function connectionOptions(local: LocalEnvironment, login: { username: string; password: string }) {
    const { mariadb } = local;
    return {
        host: mariadb.host,
        port: mariadb.port,
        database: mariadb.database,
        user: login.username,
        password: login.password,
        ssl: { ca: readFileSync(mariadb.certificates.caFile, "utf8"), rejectUnauthorized: true, verifyIdentity: true },
    };
}

/** What the tutorial did on every request: read the secret, open a TLS connection, query, close. */
async function tutorialRequest(local: LocalEnvironment): Promise<void> {
    const login = await appLogin(local);
    const connection = await createConnection(connectionOptions(local, login));
    await connection.query("SELECT NOW()");
    await connection.end();
}

/** Median time to load a bundle in a fresh Node process (module evaluation only, no request). */
function coldImportMs(bundleDir: string): number {
    const script = "const t=process.hrtime.bigint();require('./index.js');process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))";
    const samples = Array.from({ length: coldImports }, () => Number(execFileSync(process.execPath, ["-e", script], { cwd: bundleDir, encoding: "utf8" })));
    return percentile(samples, 50);
}

const ms = (value: number) => `${value.toFixed(3)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB (${bytes} B)`;

async function main(): Promise<void> {
    console.log("bench: building bundles ...");
    const bundles = { handler: buildLambdaBundle("handler"), migrate: buildLambdaBundle("migrate") };
    // Inside the repository so that the bundle's one external, @aws-sdk/client-*, resolves from node_modules.
    const bundleDir = path.join(__dirname, "..", "..", ".tmp", "bench-bundle");
    mkdirSync(bundleDir, { recursive: true });
    writeFileSync(path.join(bundleDir, "index.js"), bundles.handler.code);

    console.log("bench: starting MariaDB ...");
    const local = await startLocalEnvironment({ logLevel: "INFO" });
    Object.assign(process.env, local.apiEnv);
    const admin = await local.mariadb.connectAdmin();
    const raw = await createConnection(connectionOptions(local, await appLogin(local)));
    try {
        const fetchesBefore = local.secrets.fetches(local.appSecretId);
        const connectionsBefore = await serverConnections(admin);
        console.log(`bench: ${warmRequests} warm requests, interleaved with raw queries ...`);
        const firstEvent = timeEvent();
        const cold = await timed(() => handler(firstEvent, context));
        for (let i = 0; i < 50; i += 1) {
            await handler(timeEvent(), context);
            await raw.query("SELECT NOW()");
        }
        const handlerSamples: number[] = [];
        const rawSamples: number[] = [];
        for (let i = 0; i < warmRequests; i += 1) {
            const event = timeEvent();
            handlerSamples.push(await timed(() => handler(event, context)));
            rawSamples.push(await timed(() => raw.query("SELECT NOW()")));
        }
        const fetches = local.secrets.fetches(local.appSecretId) - fetchesBefore;
        const connections = (await serverConnections(admin)) - connectionsBefore;

        console.log(`bench: ${tutorialRequests} requests the tutorial's way ...`);
        const tutorialSamples: number[] = [];
        for (let i = 0; i < tutorialRequests; i += 1) {
            tutorialSamples.push(await timed(() => tutorialRequest(local)));
        }
        console.log("bench: cold imports ...");
        const importMs = coldImportMs(bundleDir);

        const p50 = { handler: percentile(handlerSamples, 50), raw: percentile(rawSamples, 50), tutorial: percentile(tutorialSamples, 50) };
        const ratio = p50.handler / p50.raw;
        const rows: Row[] = [
            { metric: "raw SELECT NOW() on an open connection, p50", value: ms(p50.raw) },
            { metric: "raw SELECT NOW() on an open connection, p99", value: ms(percentile(rawSamples, 99)) },
            { metric: "handler GET /time, warm, p50", value: ms(p50.handler) },
            { metric: "handler GET /time, warm, p99", value: ms(percentile(handlerSamples, 99)) },
            { metric: "handler p50 / raw p50", value: `${ratio.toFixed(2)}x`, target: `< ${ratioTarget}x`, pass: ratio < ratioTarget },
            { metric: "handler GET /time, first (cold) request", value: ms(cold) },
            { metric: "tutorial way (secret + TLS connect per request), p50", value: ms(p50.tutorial) },
            { metric: "tutorial way, p99", value: ms(percentile(tutorialSamples, 99)) },
            { metric: "tutorial p50 / handler p50", value: `${(p50.tutorial / p50.handler).toFixed(1)}x` },
            { metric: `secret fetches per ${warmRequests} requests (+1 cold)`, value: String(fetches), target: "1", pass: fetches === 1 },
            { metric: `DB connections per ${warmRequests} requests (+1 cold)`, value: String(connections), target: "1", pass: connections === 1 },
            { metric: "tutorial way: secret fetches / connections per request", value: "1 / 1" },
            { metric: "bundle handler (minified)", value: kb(bundles.handler.bytes), target: "< 1 MB", pass: bundles.handler.bytes < bundleLimitBytes },
            { metric: "bundle migrate (minified)", value: kb(bundles.migrate.bytes), target: "< 1 MB", pass: bundles.migrate.bytes < bundleLimitBytes },
            { metric: `cold import of the handler bundle, median of ${coldImports}`, value: ms(importMs) },
        ];
        console.log(`\n${formatTable(rows)}\n`);
        console.log("Loopback MariaDB on a shared machine: compare ratios and counts, not absolute times. Through RDS Proxy,");
        console.log("each TLS connect and secret fetch also crosses the network, so the tutorial way costs more in AWS.");
        process.exitCode = rows.some((row) => row.pass === false) ? 1 : 0;
    } finally {
        await raw.end();
        await admin.end();
        await resetContainer();
        await local.stop();
        rmSync(bundleDir, { recursive: true, force: true });
    }
}

main().catch((error: unknown) => {
    console.error("bench failed:", error);
    process.exit(1);
});
