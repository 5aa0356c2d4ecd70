import { strict as assert } from "node:assert";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { buildLambdaBundle } from "../../app/build";
import { freePort } from "../../app/dev/mariadb";
import { withEnvironment } from "../../app/dev/localEnvironment";
import { ChainBrokenError } from "../../app/src/db/probes";
import { createProbeHandler, PROBE_MARGIN_MS, type ProbeResult } from "../../app/src/probe";
import { lambdaContext } from "./support/apiEvents";
import { useLocalEnvironment } from "./support/localEnvironment";
import { silentLogger } from "./support/silentLogger";

/** A clock that only the probe's pauses move, so a run that waits minutes takes none. */
function fakeTime() {
    let clock = 5_000_000;
    return { now: () => clock, sleep: async (ms: number) => void (clock += ms) };
}

const context = (remainingMs: number) => ({ ...lambdaContext(), getRemainingTimeInMillis: () => remainingMs });

describe("probe: the readiness probe (against MariaDB)", function () {
    this.timeout(60_000);
    const local = useLocalEnvironment();
    const run = (env: Record<string, string>, remainingMs = 600_000) =>
        withEnvironment({ ...local.env().apiEnv, POWERTOOLS_SERVICE_NAME: "", ...env }, () =>
            createProbeHandler({ logger: silentLogger(), ...fakeTime() })({}, context(remainingMs)),
        );

    it("logs in as the app user the way the API does and reports how many attempts it took", async () => {
        const result = await run({});
        assert.deepEqual(result, { ready: true, attempts: 1, elapsedMs: 0, auth: "secret", host: local.env().mariadb.host } satisfies ProbeResult);
    });

    it("retries an unreachable endpoint until its time is nearly up, then fails naming the network link", async () => {
        const remainingMs = 120_000;
        const error = await run({ DB_PORT: String(await freePort()) }, remainingMs).catch((e: unknown) => e);
        assert.ok(error instanceof ChainBrokenError, String(error));
        assert.equal(error.diagnosis.link, "network");
        assert.ok(error.attempts > 3, `attempts: ${error.attempts}`);
        assert.ok(error.elapsedMs <= remainingMs - PROBE_MARGIN_MS, "stops before the margin kept for the last report");
        assert.match(error.message, /^Readiness check failed at link "network" \(ECONNREFUSED\)/);
    });

    it("fails at once, naming the configuration, when its environment is incomplete", async () => {
        const error = await run({ DB_AUTH: "iam", DB_USER: "" }).catch((e: unknown) => e);
        assert.ok(error instanceof ChainBrokenError);
        assert.equal(error.diagnosis.link, "configuration");
        assert.match(error.message, /DB_USER is required/);
    });

    it("is bundled like the API: under 1 MB, and in IAM mode without the AWS SDK", () => {
        const iam = buildLambdaBundle("probe", { dbAuth: "iam" });
        const secret = buildLambdaBundle("probe", { dbAuth: "secret" });
        assert.ok(iam.bytes < secret.bytes, "the secret-mode bundle carries the Secrets Manager client");
        assert.ok(secret.bytes < 1_000_000, `probe (secret mode): ${secret.bytes} B`);
        assert.ok(iam.bytes <= 450 * 1024, `probe (IAM mode, no SDK): ${iam.bytes} B`);
    });

    it("runs from its own bundle, with nothing outside it, in secret mode", async () => {
        const dir = mkdtempSync(path.join(tmpdir(), "probe-bundle-"));
        try {
            writeFileSync(path.join(dir, "index.js"), buildLambdaBundle("probe", { dbAuth: "secret" }).code);
            const probe = require(path.join(dir, "index.js")) as { handler: (event: unknown, ctx: unknown) => Promise<ProbeResult> };
            assert.equal(probe.handler.length, 2, "no third (callback) parameter");
            const result = await withEnvironment({ ...local.env().apiEnv, POWERTOOLS_LOG_LEVEL: "SILENT" }, () => probe.handler({}, context(60_000)));
            assert.equal(result.ready, true);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});
