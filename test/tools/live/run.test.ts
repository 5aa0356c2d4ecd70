import { strict as assert } from "node:assert";
import type { ApiAuth } from "../../../tools/live/auth";
import { LiveUsageError } from "../../../tools/live/errors";
import type { HttpClient } from "../../../tools/live/http";
import { runLiveTest, type LiveTestReport } from "../../../tools/live/run";
import { FakeAwsAccount, FakeClock, FakeWorkspace, fakeApi, jsonResponse, type FakeAwsOptions, type FakeWorkspaceOptions, type Route } from "./fakes";
import { FIXTURE_API_URL, FIXTURE_PROJECT } from "../../helpers/fixtureValues";

interface Run {
    readonly report: LiveTestReport;
    readonly workspace: FakeWorkspace;
    readonly lines: string[];
    readonly auths: ApiAuth[];
    readonly output: string;
    readonly aws: FakeAwsAccount;
}

/** What the fixture stack asks of the account: its plan's class and engine version, no reservation. */
const DEMANDS = { instanceClass: "db.t4g.micro", engineVersion: "8.4", reservedConcurrency: {} };

/** Stands in for SigV4 or a token: the fake API only checks that some Authorization header is there. */
const withCredentials = (http: HttpClient): HttpClient => (request) => http({ ...request, headers: { ...request.headers, authorization: "credentials" } });

async function run(
    options: FakeWorkspaceOptions = {},
    route?: Route,
    authenticate?: (auth: ApiAuth) => HttpClient,
    account: FakeAwsOptions = {},
    demands = DEMANDS,
): Promise<Run> {
    const clock = new FakeClock();
    const aws = new FakeAwsAccount(clock, account);
    const workspace = new FakeWorkspace(clock, options);
    const lines: string[] = [];
    const auths: ApiAuth[] = [];
    const api = fakeApi(route, { requireAuth: true });
    const report = await runLiveTest(
        {
            workspace,
            http: api,
            authenticate: (auth, _apiUrl, http) => {
                auths.push(auth);
                return authenticate ? authenticate(auth) : withCredentials(http);
            },
            aws,
            clock,
            log: (line) => lines.push(line),
        },
        { customerId: "live-test-small-live-abc123", idempotencyKey: "key-1", readinessTimeoutMs: 60_000, retryDelayMs: 5_000, demands },
    );
    return { report, workspace, lines, auths, output: lines.join("\n"), aws };
}

const statusOf = (report: LiveTestReport, name: string) => report.steps.find((s) => s.name === name)?.status;
const TEARDOWN = ["prepareDestroy", "destroy", "removeStack"];

describe("live: runLiveTest", () => {
    it("creates the stack, runs up, the HTTP checks and preview, then prepares, destroys and removes it: exit 0", async () => {
        const { report, workspace } = await run();
        assert.deepEqual(workspace.calls, ["createStack", "up", "preview", ...TEARDOWN]);
        assert.deepEqual(
            report.steps.map((s) => `${s.name}: ${s.status}`),
            [
                "account: passed",
                "create stack: passed",
                "up: passed",
                "readiness check: passed",
                "API client: passed",
                "GET /health: passed",
                "GET /ready: passed",
                "GET /time: passed",
                "POST /orders: passed",
                "POST /orders (same Idempotency-Key): passed",
                "GET /orders/{id}: passed",
                "GET /orders/{id} without credentials: passed",
                "alarm delivery: passed",
                "preview: passed",
                "prepare destroy: passed",
                "destroy: passed",
                "remove stack: passed",
            ],
        );
        assert.equal(report.exitCode, 0);
    });

    it("destroys and removes the stack when up fails, skipping the checks and the preview: exit 1", async () => {
        const { report, workspace } = await run({ failures: { up: new Error("policy violation: enable-database-deletion-protection") } });
        assert.deepEqual(workspace.calls, ["createStack", "up", ...TEARDOWN]);
        assert.equal(statusOf(report, "up"), "failed");
        assert.equal(statusOf(report, "HTTP checks"), "skipped");
        assert.equal(statusOf(report, "preview"), "skipped");
        assert.equal(statusOf(report, "remove stack"), "passed");
        assert.equal(report.exitCode, 1);
    });

    it("destroys and removes the stack when an HTTP check fails, and still runs the preview: exit 1", async () => {
        const { report, workspace } = await run({}, (r) => (r.url.endsWith("/time") ? jsonResponse(500, { error: "internal" }) : undefined));
        assert.deepEqual(workspace.calls, ["createStack", "up", "preview", ...TEARDOWN]);
        assert.equal(statusOf(report, "GET /time"), "failed");
        assert.equal(statusOf(report, "POST /orders"), "passed");
        assert.equal(report.exitCode, 1);
    });

    it("destroys and removes the stack when the preview fails: exit 1", async () => {
        const { report, workspace } = await run({ failures: { preview: new Error("preview crashed") } });
        assert.deepEqual(workspace.calls, ["createStack", "up", "preview", ...TEARDOWN]);
        assert.equal(statusOf(report, "preview"), "failed");
        assert.equal(report.exitCode, 1);
    });

    it("fails when the second preview would change something, and prints what would change", async () => {
        const { report, output } = await run({
            preview: { changeSummary: { same: 40, update: 1, replace: 1 }, changes: ["update aws:lambda/function:Function api [code]", "replace random:index/randomId:RandomId suffix [keepers]"] },
        });
        assert.equal(statusOf(report, "preview"), "failed");
        assert.match(output, /preview right after up is not empty \(1 to update, 1 to replace\)/);
        assert.match(output, /^ {4} {2}update aws:lambda\/function:Function api \[code\]$/m);
        assert.match(output, /replace random:index\/randomId:RandomId suffix \[keepers\]/);
        assert.equal(statusOf(report, "remove stack"), "passed");
        assert.equal(report.exitCode, 1);
    });

    it("passes a preview whose summary holds only unchanged resources (zero counts included)", async () => {
        const { report } = await run({ preview: { changeSummary: { same: 42, update: 0 }, changes: [] } });
        assert.equal(statusOf(report, "preview"), "passed");
        assert.equal(report.exitCode, 0);
    });

    it("prints each step's duration as it ends, and a summary table with the total", async () => {
        const { output, report } = await run({ durations: { up: 723_000, destroy: 401_000 } });
        assert.match(output, /^--- up: passed in 12m 03s: outputs: alarmTopicArn, apiAuth, apiUrl, readiness$/m);
        assert.match(output, /^--- destroy: passed in 6m 41s$/m);
        assert.match(output, /^--- create stack: passed in 1\.0s: small-live-abc123$/m);
        assert.match(output, /^step\s+result\s+duration\s+detail$/m);
        assert.match(output, /^up\s+passed\s+12m 03s\s+outputs: alarmTopicArn, apiAuth, apiUrl, readiness$/m);
        assert.match(output, /^GET \/health\s+passed\s+0ms\s+ok$/m);
        // Four fake operations of 1 s each, and one wait between two reads of the alarm's history.
        assert.match(output, /^total\s+18m 53s$/m);
        assert.equal(report.totalMs, 723_000 + 401_000 + 4 * 1000 + 5_000);
        assert.match(output, /^Live test passed\.$/m);
    });

    it("reports a failing HTTP check with the request, the status and the body", async () => {
        const { report, output } = await run({}, (r) =>
            r.method === "POST" ? { status: 403, headers: { "apigw-requestid": "Abc=" }, body: '{"message":"Forbidden"}' } : undefined,
        );
        const failed = report.steps.find((s) => s.name === "POST /orders");
        assert.equal(failed?.status, "failed");
        assert.match(failed?.detail ?? "", /^POST \/orders: expected status 201, got 403$/m);
        assert.match(output, /^ {4} {2}status: 403$/m);
        assert.match(output, /^ {4} {2}body: \{"message":"Forbidden"\}$/m);
        assert.match(output, /^ {4} {2}apigw-requestid: Abc=$/m);
        assert.equal(statusOf(report, "GET /orders/{id}"), "skipped", "nothing to read back");
        assert.equal(statusOf(report, "POST /orders (same Idempotency-Key)"), "skipped");
        assert.equal(report.exitCode, 1);
    });

    it("reports a failing destroy, keeps the stack for a retry, and exits 1 even when everything else passed", async () => {
        const { report, workspace, output } = await run({ failures: { destroy: new Error("InvalidParameterCombination: Cannot delete protected DB Instance") } });
        assert.deepEqual(workspace.calls, ["createStack", "up", "preview", "prepareDestroy", "destroy", "destroy"]);
        assert.equal(statusOf(report, "destroy"), "failed");
        assert.equal(statusOf(report, "remove stack"), "skipped");
        assert.match(output, /Cannot delete protected DB Instance/);
        assert.match(output, /remove stack: skipped \(stack small-live-abc123 kept/);
        assert.equal(report.exitCode, 1);
    });

    it("tries destroy a second time when the first stops (Lambda ENIs outlasting the provider's wait)", async () => {
        const { report, workspace, output } = await run({ failures: { destroy: new Error("deleting subnet: DependencyViolation\nmore") }, failTimes: { destroy: 1 } });
        assert.deepEqual(workspace.calls, ["createStack", "up", "preview", "prepareDestroy", "destroy", "destroy", "removeStack"]);
        assert.match(output, /^ {2}destroy attempt 1 of 2 failed \(deleting subnet: DependencyViolation\); trying again$/m);
        assert.match(output, /^--- destroy: passed in 2\.0s: on attempt 2$/m);
        assert.equal(report.exitCode, 0);
    });

    it("still destroys when lifting the deletion guards failed, and reports both", async () => {
        const { report, workspace } = await run({ failures: { prepareDestroy: new Error("targeted up failed") } });
        assert.deepEqual(workspace.calls, ["createStack", "up", "preview", ...TEARDOWN]);
        assert.equal(statusOf(report, "prepare destroy"), "failed");
        assert.equal(statusOf(report, "destroy"), "passed");
        assert.equal(report.exitCode, 1);
    });

    it("shows what was lifted before destroy", async () => {
        const lifted = `${FIXTURE_PROJECT}-hardened-live-abc123-db: deletion protection off, no final snapshot`;
        const { output } = await run({ lifted: [lifted] });
        assert.ok(output.includes(`--- prepare destroy: passed in 1.0s: ${lifted}`), output);
    });

    it("neither deploys nor destroys when the stack could not be created: exit 1", async () => {
        const { report, workspace } = await run({ failures: { createStack: new Error("stack init failed") } });
        assert.deepEqual(workspace.calls, ["createStack"]);
        assert.equal(statusOf(report, "up"), "skipped");
        assert.equal(statusOf(report, "destroy"), "skipped");
        assert.equal(report.exitCode, 1);
    });

    it("exits 2, after destroying, when the API expects a token the environment does not provide", async () => {
        const { report, workspace, output } = await run({ outputs: { apiUrl: FIXTURE_API_URL, apiAuth: "jwt" } }, undefined, () => {
            throw new LiveUsageError("set LIVE_TEST_JWT");
        });
        assert.equal(statusOf(report, "API client"), "failed");
        assert.equal(statusOf(report, "HTTP checks"), "skipped");
        assert.deepEqual(workspace.calls, ["createStack", "up", "preview", ...TEARDOWN]);
        assert.match(output, /API client: failed in 0ms: set LIVE_TEST_JWT/);
        assert.equal(report.exitCode, 2);
    });

    it("asks for the client of the stack's apiAuth output, and for an open one when the output is absent", async () => {
        assert.deepEqual((await run()).auths, ["iam"]);
        const open = await run({ outputs: { apiUrl: FIXTURE_API_URL } });
        assert.deepEqual(open.auths, ["none"]);
        assert.equal(statusOf(open.report, "GET /orders/{id} without credentials"), undefined, "an open API has nothing to refuse");
    });

    it("fails when an API with an authorizer answers a request without credentials", async () => {
        const { report, output } = await run({}, (r) => (r.headers.authorization === undefined && r.method === "GET" ? jsonResponse(200, {}) : undefined));
        assert.equal(statusOf(report, "GET /orders/{id} without credentials"), "failed");
        assert.match(output, /expected 401 or 403 for a request without credentials, got 200/);
        assert.equal(report.exitCode, 1);
    });

    it("fails the readiness step, and still calls the API and tears down, when the stack reports no readiness check", async () => {
        const { report, workspace } = await run({ outputs: { apiUrl: FIXTURE_API_URL, apiAuth: "iam" } });
        assert.equal(statusOf(report, "readiness check"), "failed");
        assert.equal(statusOf(report, "GET /time"), "passed");
        assert.deepEqual(workspace.calls.slice(-3), TEARDOWN);
        assert.equal(report.exitCode, 1);
    });

    it("fails the API client step when the stack exports no apiUrl", async () => {
        const { report } = await run({ outputs: { vpcId: "vpc-1" } });
        assert.match(report.steps.find((s) => s.name === "API client")?.detail ?? "", /no apiUrl output/);
        assert.equal(report.exitCode, 1);
    });
});

describe("live: account and alarm checks", () => {
    it("deploys nothing when RDS does not offer the class at the stack's engine version, and says how to look: exit 2", async () => {
        const { report, workspace, output } = await run({}, undefined, undefined, { orderableVersions: ["8.0.40", "8.0.41"] });
        assert.deepEqual(workspace.calls, []);
        assert.equal(statusOf(report, "account"), "failed");
        assert.equal(statusOf(report, "create stack"), "skipped");
        assert.equal(statusOf(report, "destroy"), "skipped");
        assert.match(output, /db\.t4g\.micro cannot be ordered for MySQL 8\.4 in this region \(RDS offers it with MySQL 8\.0\.40, 8\.0\.41\)/);
        assert.match(output, /describe-orderable-db-instance-options --engine mysql --db-instance-class db\.t4g\.micro/);
        assert.equal(report.exitCode, 2);
    });

    it("refuses reservations the account's quota cannot hold, naming each function", async () => {
        const demands = { ...DEMANDS, reservedConcurrency: { "projector-fn": 5 } };
        const { report, output } = await run({}, undefined, undefined, { concurrency: { limit: 10, unreserved: 10 } }, demands);
        assert.equal(statusOf(report, "account"), "failed");
        assert.match(output, /reserves 5 concurrent executions \(projector-fn: 5\), but the account has 10 unreserved of 10, and Lambda keeps at least 100 unreserved/);
        assert.equal(report.exitCode, 2);
    });

    it("passes a low quota without reservations, saying it is too low for load", async () => {
        const { report, output } = await run({}, undefined, undefined, { concurrency: { limit: 10, unreserved: 10 } });
        assert.equal(statusOf(report, "account"), "passed");
        assert.match(output, /Lambda concurrency quota 10: enough for this test, not for load/);
        assert.equal(report.exitCode, 0);
    });

    it("forces an alarm into ALARM, waits for CloudWatch's record of the notification, and sets it back to OK", async () => {
        const { report, aws, output } = await run({}, undefined, undefined, { alarms: ["b-alarm", "a-alarm"], deliveredAfterReads: 3 });
        assert.equal(statusOf(report, "alarm delivery"), "passed");
        assert.deepEqual(aws.states, ["a-alarm: ALARM", "a-alarm: OK"]);
        assert.match(output, /a-alarm → arn:aws:sns:\S+: CloudWatch published the notification/);
    });

    it("fails when CloudWatch could not publish to the encrypted topic, quoting its error, and still tears down", async () => {
        const { report, aws, workspace, output } = await run({}, undefined, undefined, { delivery: "failed" });
        assert.equal(statusOf(report, "alarm delivery"), "failed");
        assert.match(output, /went into ALARM but CloudWatch could not notify the topic: Failed to execute action .*AWSKMS/);
        assert.deepEqual(aws.states.at(-1), "fixture-api-errors: OK");
        assert.deepEqual(workspace.calls.slice(-3), TEARDOWN);
        assert.equal(report.exitCode, 1);
    });

    it("fails when no notification is recorded in time", async () => {
        const { report, output } = await run({}, undefined, undefined, { delivery: "never" });
        assert.equal(statusOf(report, "alarm delivery"), "failed");
        assert.match(output, /recorded no action on arn:aws:sns:\S+ within 180 s/);
    });

    it("skips the alarm check for a stack without an alarm topic", async () => {
        const { report } = await run({ outputs: { apiUrl: FIXTURE_API_URL, apiAuth: "iam" } });
        assert.equal(statusOf(report, "alarm delivery"), "skipped");
    });
});
