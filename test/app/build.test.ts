import { strict as assert } from "node:assert";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { buildLambdaBundle, migrationsDir, type LambdaBundle, type LambdaEntry } from "../../app/build";
import { withEnvironment } from "../../app/dev/localEnvironment";
import { apiEvent, lambdaContext } from "./support/apiEvents";
import { useLocalEnvironment } from "./support/localEnvironment";

type Handler = (event: unknown, context?: unknown) => Promise<Record<string, unknown>>;

// esbuild takes about a second per bundle on a small machine: build each once for the whole file.
const built = new Map<LambdaEntry, LambdaBundle>();
function bundle(entry: LambdaEntry): LambdaBundle {
    const existing = built.get(entry) ?? buildLambdaBundle(entry);
    built.set(entry, existing);
    return existing;
}

describe("build: buildLambdaBundle", function () {
    this.timeout(60_000);

    it("keeps both bundles under 1 MB", () => {
        assert.ok(bundle("handler").bytes < 1_000_000, `handler: ${bundle("handler").bytes} B`);
        assert.ok(bundle("migrate").bytes < 1_000_000, `migrate: ${bundle("migrate").bytes} B`);
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

        it("finds migrations/ next to index.js in the migrate bundle, as in the deployed zip", async () => {
            const zipRoot = path.join(dir as string, "migrate");
            mkdirSync(zipRoot);
            writeFileSync(path.join(zipRoot, "index.js"), bundle("migrate").code);
            cpSync(migrationsDir, path.join(zipRoot, "migrations"), { recursive: true });
            const { handler } = require(path.join(zipRoot, "index.js")) as { handler: Handler };
            const result = await withEnvironment(local.env().migrateEnv, () => handler({ trigger: "test" }));
            assert.deepEqual(result, { applied: [], skipped: 2, appUser: "app" });
        });
    });
});
