import { loadApiConfig } from "../../../app/src/config";
import { createApiContainer, type ApiContainer } from "../../../app/src/container";
import { startLocalEnvironment, type LocalEnvironment } from "../../../app/dev/localEnvironment";
import { missingTools } from "../../../app/dev/mariadb";
import { silentLogger } from "./silentLogger";

// One MariaDB for the whole test run: starting it costs seconds, the tests need milliseconds each.
let shared: Promise<LocalEnvironment> | undefined;
let warned = false;

/**
 * Call inside a `describe`: gives its tests the shared local environment (started on first use, stopped
 * when the process exits) and closes the API containers they created. Skips the suite when MariaDB or openssl is absent.
 */
export function useLocalEnvironment(): { env: () => LocalEnvironment; container: (overrides?: Record<string, string>) => ApiContainer } {
    let current: LocalEnvironment | undefined;
    const containers: ApiContainer[] = [];
    before(async function () {
        const missing = missingTools();
        if (missing.length > 0) {
            if (!warned) {
                console.warn(`    ${missing.join(", ")} not installed: skipping the database tests (apt-get install mariadb-server openssl)`);
                warned = true;
            }
            this.skip();
        }
        this.timeout(120_000);
        shared ??= startLocalEnvironment({ logLevel: "SILENT" });
        current = await shared;
    });
    after(async () => {
        await Promise.all(containers.splice(0).map((container) => container.db.close()));
    });
    return {
        env: () => {
            if (current === undefined) {
                throw new Error("the local environment is not started");
            }
            return current;
        },
        // A new container is a new "Lambda instance": its own config, secret cache and connection.
        container: (overrides = {}) => {
            if (current === undefined) {
                throw new Error("the local environment is not started");
            }
            const container = createApiContainer(loadApiConfig({ ...current.apiEnv, ...overrides }), { logger: silentLogger() });
            containers.push(container);
            return container;
        },
    };
}

/**
 * Stops the shared environment; registered once as a root hook by the first suite that imports this. In a worker of
 * `mocha --parallel` that suite's file is only the first of the worker's files, which share this module and its server:
 * there the server stays up and goes with the worker, whose exit stops it (app/dev/mariadb.ts, `exitOnQuit`).
 */
after(async function () {
    this.timeout(30_000);
    if (shared !== undefined && process.env.MOCHA_WORKER_ID === undefined) {
        await (await shared.catch(() => undefined))?.stop();
    }
});
