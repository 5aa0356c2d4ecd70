import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { createConnection, type Connection, type RowDataPacket } from "mysql2/promise";
import { apiBundleAliases, buildLambdaBundle, bundleFile, type LambdaBundle } from "../build";
import { apiGatewayEvent } from "../dev/apiGatewayEvent";
import { startLocalEnvironment, type LocalEnvironment } from "../dev/localEnvironment";
import { IamAuthTokenSigner } from "../src/db/iamAuthToken";
import { defaultSnapshotEvery } from "../src/orders/snapshots";
import { alternatingColdStarts, type ColdStart, type ColdStartSubject } from "./coldStart";
import { interleaved, type PairedSamples } from "./interleave";
import { percentile, timed } from "./stats";
import { benchRelay } from "./relay";
import { formatTable, type Row } from "./table";

// `npm run bench`: one run against a local MariaDB on loopback. Loops are bounded; nothing leaves the machine.
// Every timed figure is a ratio of two things measured side by side in this run, because absolute times on a
// shared machine are not comparable from one run to the next.

/** The targets of issue 9 ("Performance"), checked on every run. */
const targets = {
    /** Warm GET /time through the handler ÷ a raw SELECT NOW() on an open TLS connection, p50 and p99. */
    warmP50Ratio: 1.15,
    warmP99Ratio: 1.3,
    /** Cold import of the API bundle ÷ cold import of the floor bundle (mysql2 and a one-query handler). */
    coldImportRatio: 1.3,
    /** The API bundle in the default auth mode (IAM, as the stack deploys it). */
    apiBundleBytes: 450 * 1024,
    /** GET /orders/{id} p50 at 100 events ÷ at 1 event. */
    readGrowthRatio: 1.5,
    /** Every Lambda bundle (the secret-mode API, the migrate function). */
    anyBundleBytes: 1_000_000,
} as const;

const warmUpRounds = 2000;
const warmRounds = 8000;
const referenceRounds = 2000;
const readRounds = 1500;
const tutorialRequests = 100;
const coldRounds = 21;
const sdkRounds = 11;

const context = { awsRequestId: "bench" } as Context;
/** Metrics on, as deployed: the API then builds its Powertools Metrics and flushes every invocation. */
const metricsEnvironment = { POWERTOOLS_METRICS_NAMESPACE: "orders-bench" };
type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
interface ApiBundle {
    readonly handler: Handler;
    readonly resetContainer: () => Promise<void>;
}

const ms = (value: number) => `${value.toFixed(3)} ms`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB (${bytes} B)`;
const ratio = (value: number) => `${value.toFixed(2)}x`;
const median = (values: readonly number[]) => percentile(values, 50);

async function statusCounters(admin: Connection): Promise<Record<string, number>> {
    const [rows] = await admin.query<RowDataPacket[]>(
        "SHOW GLOBAL STATUS WHERE Variable_name IN ('Connections', 'Com_stmt_prepare', 'Com_stmt_execute', 'Com_set_option')",
    );
    return Object.fromEntries(rows.map((row) => [String(row.Variable_name), Number(row.Value)]));
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

function writeBundle(root: string, name: string, bundle: LambdaBundle): string {
    const dir = path.join(root, name);
    mkdirSync(dir);
    writeFileSync(path.join(dir, "index.js"), bundle.code);
    return dir;
}

async function send(api: ApiBundle, method: string, rawPath: string, body?: unknown): Promise<{ status: number; body: any }> {
    const event = apiGatewayEvent(method, rawPath, body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const result = await api.handler(event, context);
    return { status: result.statusCode ?? 0, body: JSON.parse(String(result.body)) };
}

/** Runs `work` without letting it write to stdout: the EMF lines of the orders the bench makes are not results. */
async function quietly<T>(work: () => Promise<T>): Promise<T> {
    const write = process.stdout.write;
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
        return await work();
    } finally {
        process.stdout.write = write;
    }
}

/** An order with `events` events in its stream, made through the handler as a client would. */
async function orderWithEvents(api: ApiBundle, events: number): Promise<string> {
    const created = await quietly(() => send(api, "POST", "/orders", { customerId: "c-bench" }));
    for (let n = 1; n < events; n += 1) {
        const added = await send(api, "POST", `/orders/${created.body.id}/items`, { sku: `sku-${n}`, quantity: 1 + (n % 3), unitPrice: 2.5 });
        if (added.status !== 200) {
            throw new Error(`POST items answered ${added.status}`);
        }
    }
    return String(created.body.id);
}

/** `count` GET events for `rawPath`, made before timing starts: the bench's own work stays out of the samples. */
function getEvents(rawPath: string, count: number): () => APIGatewayProxyEventV2 {
    const events = Array.from({ length: count }, () => apiGatewayEvent("GET", rawPath));
    let next = 0;
    return () => events[next++ % count] as APIGatewayProxyEventV2;
}

/** Warm GET /time through the handler against a raw query on an open connection, side by side. */
async function warmRequests(api: ApiBundle, raw: Connection, rounds: number, warmUp: number): Promise<PairedSamples> {
    const event = getEvents("/time", warmUp + rounds);
    return interleaved(rounds, () => api.handler(event(), context), () => raw.query("SELECT NOW()"), warmUp);
}

/** GET /orders/{a} and GET /orders/{b} side by side: the p50 of each. */
async function readsSideBySide(api: ApiBundle, a: string, b: string): Promise<{ a: number; b: number }> {
    const [eventA, eventB] = [getEvents(`/orders/${a}`, 300 + readRounds), getEvents(`/orders/${b}`, 300 + readRounds)];
    const samples = await interleaved(readRounds, () => api.handler(eventA(), context), () => api.handler(eventB(), context), 300);
    return { a: median(samples.a), b: median(samples.b) };
}

const medians = (samples: readonly ColdStart[]) => ({ importMs: median(samples.map((s) => s.importMs)), firstRequestMs: median(samples.map((s) => s.firstRequestMs)) });

/**
 * The API bundle cold-started as deployed, in IAM mode, and the floor, both logging in as one new database user.
 * The API signs a real token with generated credentials; the child's clock is frozen (see `coldStart.ts`) so that
 * the token is known here and can be that user's password, since MariaDB has no IAM plugin.
 */
async function iamColdStartSubjects(local: LocalEnvironment, admin: Connection, user: string, dirs: { api: string; floor: string }) {
    const { mariadb } = local;
    const credentials = {
        accessKeyId: `ASIA${randomBytes(8).toString("hex").toUpperCase()}`,
        secretAccessKey: randomBytes(30).toString("base64"),
        sessionToken: randomBytes(300).toString("base64"),
    };
    const clock = Date.now();
    const region = "us-east-1";
    const signer = new IamAuthTokenSigner({ hostname: mariadb.host, port: mariadb.port, username: user, region, credentials: () => credentials, now: () => new Date(clock) });
    const token = await signer.getAuthToken();
    await admin.query("CREATE USER ?@'%' IDENTIFIED BY ? REQUIRE SSL", [user, token]);
    await admin.query("GRANT SELECT ON ?? TO ?@'%'", [`${mariadb.database}.events`, user]);
    const database = {
        DB_HOST: mariadb.host,
        DB_PORT: String(mariadb.port),
        DB_NAME: mariadb.database,
        DB_TLS: "required",
        DB_TLS_CA_FILE: mariadb.certificates.caFile,
        BENCH_CLOCK_MS: String(clock),
    };
    const aws = { AWS_REGION: region, AWS_ACCESS_KEY_ID: credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey, AWS_SESSION_TOKEN: credentials.sessionToken };
    const api: ColdStartSubject = { dir: dirs.api, env: { ...database, ...aws, ...metricsEnvironment, DB_AUTH: "iam", DB_USER: user, POWERTOOLS_LOG_LEVEL: "WARN" } };
    const floor: ColdStartSubject = { dir: dirs.floor, env: { ...database, DB_USER: user, DB_PASSWORD: token } };
    return { api, floor };
}

/** Secret mode's environment for a fresh process: the app secret from the local Secrets Manager stub. */
function secretModeEnvironment(local: LocalEnvironment): Record<string, string> {
    return {
        ...local.apiEnv,
        ...metricsEnvironment,
        AWS_REGION: "us-east-1",
        AWS_ACCESS_KEY_ID: "local",
        AWS_SECRET_ACCESS_KEY: "local",
        AWS_ENDPOINT_URL_SECRETS_MANAGER: local.secrets.endpoint,
        POWERTOOLS_LOG_LEVEL: "WARN",
    };
}

const RELAY_SECTION = "bench: relay drains at 0 and 30 ms bus latency, projector rate, lag as deployed (40 s of writes) ...";

/** `npm run bench -- --relay`: the relay and projector section alone, for work on the events pipeline. */
async function relayOnly(): Promise<void> {
    console.log("bench: starting MariaDB ...");
    const local = await startLocalEnvironment({ logLevel: "WARN", threadPool: true });
    Object.assign(process.env, local.apiEnv);
    const admin = await local.mariadb.connectAdmin();
    try {
        console.log(RELAY_SECTION);
        const rows = await benchRelay(local, admin);
        console.log(`\n${formatTable(rows)}\n`);
        process.exitCode = rows.some((row) => row.pass === false) ? 1 : 0;
    } finally {
        await admin.end();
        await local.stop();
    }
}

async function main(): Promise<void> {
    if (process.argv.includes("--relay")) {
        return relayOnly();
    }
    console.log("bench: building bundles ...");
    const bundles = {
        api: buildLambdaBundle("handler"),
        apiSecret: buildLambdaBundle("handler", { dbAuth: "secret" }),
        apiSecretRuntimeSdk: buildLambdaBundle("handler", { dbAuth: "secret", sdkClients: "runtime" }),
        migrate: buildLambdaBundle("migrate"),
        floor: bundleFile(path.join(__dirname, "floor.ts"), { external: [], alias: apiBundleAliases }),
    };
    // Inside the repository, so that a bundle that leaves @aws-sdk/client-* to the runtime finds it in node_modules.
    mkdirSync(path.join(__dirname, "..", "..", ".tmp"), { recursive: true });
    const root = mkdtempSync(path.join(__dirname, "..", "..", ".tmp", "bench-"));
    const dirs = {
        api: writeBundle(root, "api", bundles.api),
        apiSecret: writeBundle(root, "api-secret", bundles.apiSecret),
        apiSecretRuntimeSdk: writeBundle(root, "api-secret-runtime-sdk", bundles.apiSecretRuntimeSdk),
        floor: writeBundle(root, "floor", bundles.floor),
    };

    console.log("bench: starting MariaDB ...");
    const local = await startLocalEnvironment({ logLevel: "WARN", threadPool: true });
    Object.assign(process.env, local.apiEnv, metricsEnvironment);
    const admin = await local.mariadb.connectAdmin();
    const login = await appLogin(local);
    const raw = await createConnection(connectionOptions(local, login));
    // For reference only: the same raw query with mysql2's per-query stack capture off, as the app has it.
    const leanRaw = await createConnection({ ...connectionOptions(local, login), trace: false });
    // The bundle that ships for secret mode, loaded in this process: the warm path is the same code in both modes.
    const api = require(path.join(dirs.apiSecret, "index.js")) as ApiBundle;
    const iamUser = `bench_iam_${randomBytes(3).toString("hex")}`;
    try {
        const fetchesBefore = local.secrets.fetches(local.appSecretId);
        const countersBefore = await statusCounters(admin);

        console.log(`bench: warm GET /time, ${warmUpRounds} warm-up + ${warmRounds} rounds interleaved with raw queries ...`);
        const first = await timed(() => api.handler(apiGatewayEvent("GET", "/time"), context));
        const warm = await warmRequests(api, raw, warmRounds, warmUpRounds);
        const lean = await warmRequests(api, leanRaw, referenceRounds, 300);
        const requests = 1 + warmUpRounds + warmRounds + 300 + referenceRounds;
        const fetches = local.secrets.fetches(local.appSecretId) - fetchesBefore;
        const connections = (await statusCounters(admin)).Connections! - countersBefore.Connections!;

        const longestTail = 100 + defaultSnapshotEvery - 1;
        console.log(`bench: GET /orders/{id} at 1, 100 and ${longestTail} events ...`);
        const orders = { one: await orderWithEvents(api, 1), hundred: await orderWithEvents(api, 100), longestTail: await orderWithEvents(api, longestTail) };
        const reads = await readsSideBySide(api, orders.one, orders.hundred);
        const tailReads = await readsSideBySide(api, orders.one, orders.longestTail);
        const countersAfter = await statusCounters(admin);
        const pinning = ["Com_stmt_prepare", "Com_stmt_execute", "Com_set_option"].map((name) => countersAfter[name]! - countersBefore[name]!);

        console.log(`bench: ${tutorialRequests} requests the tutorial's way ...`);
        const tutorialSamples: number[] = [];
        for (let i = 0; i < tutorialRequests; i += 1) {
            tutorialSamples.push(await timed(() => tutorialRequest(local)));
        }

        console.log(`bench: cold starts, ${coldRounds} fresh processes each for the API (IAM) and the floor, alternating ...`);
        const subjects = await iamColdStartSubjects(local, admin, iamUser, dirs);
        const coldStarts = await alternatingColdStarts(coldRounds, subjects.api, subjects.floor, apiGatewayEvent("GET", "/time"));
        const apiStart = medians(coldStarts.a);
        const floorStart = medians(coldStarts.b);

        console.log(`bench: secret mode, ${sdkRounds} fresh processes each with the SDK client bundled and with the runtime's copy ...`);
        const secretEnv = secretModeEnvironment(local);
        const sdk = await alternatingColdStarts(sdkRounds, { dir: dirs.apiSecret, env: secretEnv }, { dir: dirs.apiSecretRuntimeSdk, env: secretEnv }, apiGatewayEvent("GET", "/time"));
        const total = (samples: readonly ColdStart[]) => median(samples.map((s) => s.importMs + s.firstRequestMs));
        const sdkBundled = total(sdk.a);
        const sdkRuntime = total(sdk.b);

        console.log(RELAY_SECTION);
        const relayRows = await benchRelay(local, admin);

        const p = {
            handler50: percentile(warm.a, 50),
            handler99: percentile(warm.a, 99),
            raw50: percentile(warm.b, 50),
            raw99: percentile(warm.b, 99),
        };
        const figures = {
            warm50: p.handler50 / p.raw50,
            warm99: p.handler99 / p.raw99,
            lean50: percentile(lean.a, 50) / percentile(lean.b, 50),
            coldImport: apiStart.importMs / floorStart.importMs,
            firstRequest: apiStart.firstRequestMs / floorStart.firstRequestMs,
            reads: reads.b / reads.a,
            tailReads: tailReads.b / tailReads.a,
        };
        const tutorial50 = percentile(tutorialSamples, 50);
        const rows: Row[] = [
            { metric: "raw SELECT NOW() on an open TLS connection, p50 / p99", value: `${ms(p.raw50)} / ${ms(p.raw99)}` },
            { metric: "handler GET /time, warm, p50 / p99", value: `${ms(p.handler50)} / ${ms(p.handler99)}` },
            { metric: "warm handler p50 ÷ raw query p50", value: ratio(figures.warm50), target: `<= ${targets.warmP50Ratio}x`, pass: figures.warm50 <= targets.warmP50Ratio },
            { metric: "warm handler p99 ÷ raw query p99", value: ratio(figures.warm99), target: `<= ${targets.warmP99Ratio}x`, pass: figures.warm99 <= targets.warmP99Ratio },
            { metric: "reference: the p50 ratio against a raw query with trace off, as the app has it", value: ratio(figures.lean50) },
            { metric: "handler GET /time, first request in this process", value: ms(first) },
            { metric: `secret fetches over ${requests} requests`, value: String(fetches), target: "1", pass: fetches === 1 },
            { metric: `DB connections over ${requests} requests`, value: String(connections), target: "1", pass: connections === 1 },
            { metric: "prepared statements / executes / SET (RDS Proxy pinning), whole run", value: pinning.join(" / "), target: "0 / 0 / 0", pass: pinning.every((count) => count === 0) },
            { metric: "GET /orders/{id} p50 at 1 event / at 100 events", value: `${ms(reads.a)} / ${ms(reads.b)}` },
            { metric: "GET /orders/{id} p50 at 100 events ÷ at 1 event", value: ratio(figures.reads), target: `<= ${targets.readGrowthRatio}x`, pass: figures.reads <= targets.readGrowthRatio },
            { metric: `the same at ${longestTail} events (the longest tail after a snapshot)`, value: ratio(figures.tailReads) },
            { metric: "tutorial way (secret + TLS connect per request), p50", value: ms(tutorial50) },
            { metric: "tutorial p50 ÷ warm handler p50", value: `${(tutorial50 / p.handler50).toFixed(1)}x` },
            { metric: `cold import, median of ${coldRounds}: API (IAM) / floor`, value: `${ms(apiStart.importMs)} / ${ms(floorStart.importMs)}` },
            { metric: "cold import of the API bundle ÷ floor bundle", value: ratio(figures.coldImport), target: `<= ${targets.coldImportRatio}x`, pass: figures.coldImport <= targets.coldImportRatio },
            { metric: "first request after a cold import: API (IAM, stub credentials) / floor", value: `${ms(apiStart.firstRequestMs)} / ${ms(floorStart.firstRequestMs)}` },
            { metric: "first request after a cold import, API ÷ floor", value: ratio(figures.firstRequest) },
            { metric: `secret mode, import + first request, median of ${sdkRounds}: SDK bundled / runtime's`, value: `${ms(sdkBundled)} / ${ms(sdkRuntime)}` },
            { metric: "secret mode: SDK client bundled ÷ loaded from the runtime's copy", value: ratio(sdkBundled / sdkRuntime) },
            { metric: "bundle: API, IAM mode (the default)", value: kib(bundles.api.bytes), target: `<= ${targets.apiBundleBytes / 1024} KiB`, pass: bundles.api.bytes <= targets.apiBundleBytes },
            { metric: "bundle: API, secret mode (SDK client bundled)", value: kib(bundles.apiSecret.bytes), target: "< 1 MB", pass: bundles.apiSecret.bytes < targets.anyBundleBytes },
            { metric: "bundle: migrate", value: kib(bundles.migrate.bytes), target: "< 1 MB", pass: bundles.migrate.bytes < targets.anyBundleBytes },
            { metric: "bundle: floor (mysql2 and one query)", value: kib(bundles.floor.bytes) },
            ...relayRows,
        ];
        console.log(`\n${formatTable(rows)}\n`);
        console.log("Loopback MariaDB on a shared machine: read the ratios and counts, not the absolute times. Through RDS Proxy,");
        console.log("every TLS connect and secret fetch also crosses the network, so the tutorial way costs more in AWS.");
        process.exitCode = rows.some((row) => row.pass === false) ? 1 : 0;
    } finally {
        await raw.end();
        await leanRaw.end();
        await admin.query("DROP USER IF EXISTS ?@'%'", [iamUser]).catch(() => undefined);
        await admin.end();
        await api.resetContainer();
        await local.stop();
        rmSync(root, { recursive: true, force: true });
    }
}

main().catch((error: unknown) => {
    console.error("bench failed:", error);
    process.exit(1);
});
