import { strict as assert } from "node:assert";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { buildLambdaBundle, migrationsDir, type LambdaBundle, type LambdaEntry } from "../../app/build";
import { withEnvironment } from "../../app/dev/localEnvironment";
import { apiEvent, lambdaContext } from "./support/apiEvents";
import { useLocalEnvironment } from "./support/localEnvironment";
import { freshEvents } from "./support/localEvents";

type Handler = (event: unknown, context?: unknown) => Promise<Record<string, unknown>>;

// esbuild takes about a second per bundle on a small machine; buildLambdaBundle builds each once per process.
const bundle = (entry: LambdaEntry): LambdaBundle => buildLambdaBundle(entry);
const secretModeBundle = () => buildLambdaBundle("handler", { dbAuth: "secret" });

/** A directory outside the repository, where no node_modules can be found: a bundle there has only itself. */
function isolatedDir(): string {
    return mkdtempSync(path.join(tmpdir(), "bundle-isolated-"));
}

describe("build: buildLambdaBundle", function () {
    this.timeout(60_000);

    it("builds each bundle once per process: the same entry and SDK source give the same bundle, another source another", () => {
        assert.equal(buildLambdaBundle("handler"), buildLambdaBundle("handler", { dbAuth: "iam" }));
        assert.equal(secretModeBundle(), buildLambdaBundle("handler", { dbAuth: "secret", sdkClients: "bundled" }));
        assert.notEqual(secretModeBundle().code, bundle("handler").code);
        assert.notEqual(buildLambdaBundle("handler", { dbAuth: "secret", sdkClients: "runtime" }).code, secretModeBundle().code);
        // The relay loads no SDK client in either mode of the API, so its login mode does not change its bundle.
        assert.equal(buildLambdaBundle("relay", { dbAuth: "secret" }), bundle("relay"));
    });

    it("keeps every bundle under 1 MB", () => {
        assert.ok(bundle("handler").bytes < 1_000_000, `handler: ${bundle("handler").bytes} B`);
        assert.ok(bundle("migrate").bytes < 1_000_000, `migrate: ${bundle("migrate").bytes} B`);
        assert.ok(secretModeBundle().bytes < 1_000_000, `handler (secret mode): ${secretModeBundle().bytes} B`);
        assert.ok(bundle("relay").bytes < 1_000_000, `relay: ${bundle("relay").bytes} B`);
        assert.ok(bundle("projector").bytes < 1_000_000, `projector: ${bundle("projector").bytes} B`);
    });

    it("keeps the API bundle of the default auth mode (IAM) within 450 KiB: no AWS SDK in it", () => {
        assert.ok(bundle("handler").bytes <= 450 * 1024, `handler: ${bundle("handler").bytes} B`);
    });

    it("loads the default API bundle without any module from outside it, so IAM mode loads no SDK at init", () => {
        const dir = isolatedDir();
        try {
            writeFileSync(path.join(dir, "index.js"), bundle("handler").code);
            const api = require(path.join(dir, "index.js")) as { handler: unknown };
            assert.equal(typeof api.handler, "function");
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    describe("the bundles, run against MariaDB", () => {
        const local = useLocalEnvironment();
        let dir: string | undefined;

        before(() => {
            // Inside the repository, so that the bundles' only external (@aws-sdk/client-*, which the Lambda
            // runtime provides) resolves from node_modules.
            mkdirSync(path.join(__dirname, "../../.tmp"), { recursive: true });
            dir = mkdtempSync(path.join(__dirname, "../../.tmp/bundle-"));
        });
        after(() => {
            if (dir !== undefined) {
                rmSync(dir, { recursive: true, force: true });
            }
        });

        it("serves GET /time from the API bundle", async () => {
            const apiDir = path.join(dir as string, "api");
            mkdirSync(apiDir);
            writeFileSync(path.join(apiDir, "index.js"), bundle("handler").code);
            const api = require(path.join(apiDir, "index.js")) as { handler: Handler; resetContainer: () => Promise<void> };
            try {
                const result = await withEnvironment(local.env().apiEnv, () => api.handler(apiEvent("GET", "/time"), lambdaContext()));
                assert.equal(result.statusCode, 200, String(result.body));
            } finally {
                // The bundle holds its own container; close its connection so that the test run can exit.
                await api.resetContainer();
            }
        });

        it("serves GET /time in secret mode from the secret-mode bundle alone, its SDK client bundled", async () => {
            const isolated = isolatedDir();
            try {
                writeFileSync(path.join(isolated, "index.js"), secretModeBundle().code);
                const api = require(path.join(isolated, "index.js")) as { handler: Handler; resetContainer: () => Promise<void> };
                try {
                    const fetches = local.env().secrets.fetches(local.env().appSecretId);
                    const result = await withEnvironment(local.env().apiEnv, () => api.handler(apiEvent("GET", "/time"), lambdaContext()));
                    assert.equal(result.statusCode, 200, String(result.body));
                    assert.equal(local.env().secrets.fetches(local.env().appSecretId), fetches + 1, "the secret came from the (stub) Secrets Manager");
                } finally {
                    await api.resetContainer();
                }
            } finally {
                rmSync(isolated, { recursive: true, force: true });
            }
        });

        it("publishes from the relay bundle and projects from the projector bundle", async () => {
            const admin = await local.env().mariadb.connectAdmin();
            const events = await freshEvents(local.env(), admin).finally(() => admin.end());
            const load = <T>(entry: LambdaEntry): T => {
                const fnDir = path.join(dir as string, entry);
                mkdirSync(fnDir);
                writeFileSync(path.join(fnDir, "index.js"), bundle(entry).code);
                return require(path.join(fnDir, "index.js")) as T;
            };
            const relay = load<{ handler: Handler; resetRelayContainer: () => Promise<void> }>("relay");
            const projector = load<{ handler: Handler; resetProjectorContainer: () => Promise<void> }>("projector");
            const env = { ...local.env().apiEnv, EVENT_BUS_NAME: "bundle-test", POWERTOOLS_LOG_LEVEL: "SILENT" };
            try {
                const create = await withEnvironment(local.env().apiEnv, async () => {
                    const api = require(path.join(dir as string, "api", "index.js")) as { handler: Handler; resetContainer: () => Promise<void> };
                    try {
                        return await api.handler(apiEvent("POST", "/orders", { body: { customerId: "bundle" } }), lambdaContext());
                    } finally {
                        await api.resetContainer();
                    }
                });
                assert.equal(create.statusCode, 201, String(create.body));
                // The relay polls until only its 10 s reserve is left: half a second here.
                const deadline = Date.now() + 10_500;
                const run = await withEnvironment(env, () => relay.handler({}, { ...lambdaContext(), getRemainingTimeInMillis: () => deadline - Date.now() }));
                assert.equal(run.status, "caughtUp");
                assert.equal(run.published, 1);
                const [entry] = events.bus.accepted;
                assert.ok(entry !== undefined);
                const delivered = { source: entry.Source, "detail-type": entry.DetailType, detail: JSON.parse(entry.Detail) as unknown };
                // The stub already handed the event to the pipeline's projector: the bundle finds it applied.
                await events.bus.drained();
                assert.equal(await withEnvironment(env, () => projector.handler(delivered, lambdaContext())), "ignored");
                await assert.rejects(withEnvironment(env, () => projector.handler({ ...delivered, source: "other" }, lambdaContext())), /Not an orders event/);
            } finally {
                await relay.resetRelayContainer();
                await projector.resetProjectorContainer();
                await events.stop();
            }
        });

        it("finds migrations/ next to index.js in the migrate bundle, as in the deployed zip", async () => {
            const zipRoot = path.join(dir as string, "migrate");
            mkdirSync(zipRoot);
            writeFileSync(path.join(zipRoot, "index.js"), bundle("migrate").code);
            cpSync(migrationsDir, path.join(zipRoot, "migrations"), { recursive: true });
            const { handler } = require(path.join(zipRoot, "index.js")) as { handler: Handler };
            const result = await withEnvironment(local.env().migrateEnv, () => handler({ trigger: "test" }));
            assert.deepEqual(result, { applied: [], skipped: readdirSync(migrationsDir).filter((name) => name.endsWith(".sql")).length, appUser: "app" });
        });
    });
});
