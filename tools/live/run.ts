import { checkAccount, type StackDemands } from "./account";
import { checkAlarmDelivery } from "./alarmDelivery";
import { apiAuthOf, describeAuth, type ApiAuth } from "./auth";
import { changedOperations } from "./changes";
import { httpChecks } from "./checks";
import { LiveUsageError } from "./errors";
import type { HttpClient } from "./http";
import type { AwsAccount, Clock, LiveStack, LiveWorkspace, LogSink } from "./ports";
import { formatDuration, formatSummary, type StepResult } from "./report";
import { describeReadiness } from "./readiness";

export interface LiveTestDeps {
    readonly workspace: LiveWorkspace;
    /** The transport, without any authentication. */
    readonly http: HttpClient;
    /** Wraps the transport for the API's auth mode; throws LiveUsageError when what that needs is missing (a token). */
    readonly authenticate: (auth: ApiAuth, apiUrl: string, http: HttpClient) => HttpClient;
    /** What the run asks AWS itself: the account's offer before deploying, the alarms after. */
    readonly aws: AwsAccount;
    readonly clock: Clock;
    readonly log: LogSink;
}

export interface LiveTestOptions {
    /** What the stack asks of the account (instance class, engine version, reserved concurrency), from its plan. */
    readonly demands: StackDemands;
    /** The customer of the order the checks create, e.g. `live-test-dev-live-3f9a1c`. */
    readonly customerId: string;
    readonly idempotencyKey: string;
    /** How long GET /health may fail with 5xx right after `up`; 2 minutes unless set. */
    readonly readinessTimeoutMs?: number;
    /** How long a created order may take to appear in GET /orders (stacks with `events`). */
    readonly readModelTimeoutMs?: number;
    readonly retryDelayMs?: number;
    /** How long CloudWatch may take to record an alarm's notification; 3 minutes unless set. */
    readonly alarmTimeoutMs?: number;
    /**
     * How many times destroy is tried. Subnets wait for Lambda to release its VPC ENIs, which can
     * outlast the provider's budget; a second destroy then finishes the job (docs/deploy-review.md,
     * F13). 2 unless set.
     */
    readonly destroyAttempts?: number;
}

export interface LiveTestReport {
    readonly stackName: string;
    readonly steps: readonly StepResult[];
    readonly totalMs: number;
    /** 0 every step passed, 1 a step failed, 2 a step lacked something from the environment. */
    readonly exitCode: 0 | 1 | 2;
}

type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false };

/** Runs steps one at a time, times them, logs them, and never lets an error escape. */
class Steps {
    readonly results: StepResult[] = [];
    private usageFailure = false;

    constructor(
        private readonly clock: Clock,
        private readonly log: LogSink,
    ) {}

    async run<T>(name: string, action: () => Promise<T>, describe: (value: T) => string = () => ""): Promise<Outcome<T>> {
        this.log(`=== ${name}`);
        const started = this.clock.now();
        try {
            const value = await action();
            this.record(name, "passed", started, describe(value));
            return { ok: true, value };
        } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            this.usageFailure ||= error instanceof LiveUsageError;
            this.record(name, "failed", started, message);
            return { ok: false };
        }
    }

    skip(name: string, reason: string): void {
        this.results.push({ name, status: "skipped", durationMs: 0, detail: reason });
        this.log(`--- ${name}: skipped (${reason})`);
    }

    passed(name: string): boolean {
        return this.results.some((r) => r.name === name && r.status === "passed");
    }

    exitCode(): 0 | 1 | 2 {
        if (!this.results.some((r) => r.status === "failed")) {
            return 0;
        }
        return this.usageFailure ? 2 : 1;
    }

    private record(name: string, status: "passed" | "failed", started: number, detail: string): void {
        const durationMs = this.clock.now() - started;
        this.results.push({ name, status, durationMs, detail });
        const [first = "", ...rest] = detail.split("\n");
        this.log(`--- ${name}: ${status} in ${formatDuration(durationMs)}${first ? `: ${first}` : ""}`);
        for (const line of rest) {
            this.log(`    ${line}`);
        }
    }
}

const CHECKS_AFTER_UP = ["readiness check", "API client", "HTTP checks", "alarm delivery", "preview"];

/**
 * The live test: create a stack from a committed one, `up` with the policy pack, call the API,
 * preview again (nothing may change), then always lift deletion guards, destroy and remove the
 * stack, whatever failed before. The stack is only removed once destroy succeeded: removing it
 * earlier would lose the record of what is still running and costing money.
 */
export async function runLiveTest(deps: LiveTestDeps, options: LiveTestOptions): Promise<LiveTestReport> {
    const { workspace, clock, log } = deps;
    const steps = new Steps(clock, log);
    const started = clock.now();
    log(`Live test on stack ${workspace.stackName}`);

    // What the account cannot give fails here, before anything is deployed and paid for.
    const account = await steps.run("account", () => checkAccount(deps.aws, options.demands), (detail) => detail);
    const created = account.ok ? await steps.run("create stack", () => workspace.createStack(), () => workspace.stackName) : undefined;
    if (created === undefined || !created.ok) {
        const reason = created === undefined ? "the account cannot take the stack" : "no stack was created";
        for (const name of [...(created === undefined ? ["create stack"] : []), "up", ...CHECKS_AFTER_UP, "destroy"]) {
            steps.skip(name, reason);
        }
    } else {
        const stack = created.value;
        try {
            const up = await steps.run("up", () => stack.up(), (outputs) => `outputs: ${Object.keys(outputs).sort().join(", ") || "none"}`);
            if (up.ok) {
                // The deploy ran the check (it would have failed otherwise); this records what it saw.
                await steps.run("readiness check", async () => describeReadiness(up.value.readiness), (detail) => detail);
                await checkApi(deps, steps, up.value, options);
                await checkAlarms(deps, steps, up.value, options);
                await previewUnchanged(steps, stack);
            } else {
                for (const name of CHECKS_AFTER_UP) {
                    steps.skip(name, "up failed");
                }
            }
        } finally {
            await tearDown(steps, deps, stack, options.destroyAttempts ?? 2);
        }
    }

    const totalMs = clock.now() - started;
    const exitCode = steps.exitCode();
    log("");
    log(formatSummary(steps.results, totalMs));
    log("");
    log(exitCode === 0 ? "Live test passed." : `Live test failed (exit ${exitCode}).`);
    return { stackName: workspace.stackName, steps: steps.results, totalMs, exitCode };
}

async function checkApi(deps: LiveTestDeps, steps: Steps, outputs: Readonly<Record<string, unknown>>, options: LiveTestOptions): Promise<void> {
    const apiUrl = outputs.apiUrl;
    const client = await steps.run(
        "API client",
        async () => {
            if (typeof apiUrl !== "string" || !/^https?:\/\//.test(apiUrl)) {
                throw new Error(`the stack has no apiUrl output (got ${JSON.stringify(apiUrl)})`);
            }
            const auth = apiAuthOf(outputs);
            return { auth, client: deps.authenticate(auth, apiUrl, deps.http), description: `${apiUrl}, auth: ${describeAuth(auth)}` };
        },
        ({ description }) => description,
    );
    if (!client.ok) {
        steps.skip("HTTP checks", "no API client");
        return;
    }
    const checks = httpChecks({
        client: client.value.client,
        // An API with an authorizer must turn away a request without credentials.
        anonymous: client.value.auth === "none" ? undefined : deps.http,
        apiUrl: apiUrl as string,
        customerId: options.customerId,
        idempotencyKey: options.idempotencyKey,
        clock: deps.clock,
        log: deps.log,
        readinessTimeoutMs: options.readinessTimeoutMs ?? 120_000,
        retryDelayMs: options.retryDelayMs ?? 5_000,
        // The relay publishes within seconds once running, but its first run starts up to a minute after the deploy (Scheduler's
        // window), and its cold start in the VPC comes on top: three minutes is generous.
        ...(typeof outputs.eventBusName === "string" ? { readModelTimeoutMs: options.readModelTimeoutMs ?? 180_000 } : {}),
    });
    for (const check of checks) {
        if (check.needs !== undefined && !steps.passed(check.needs)) {
            steps.skip(check.name, `needs ${check.needs}`);
            continue;
        }
        await steps.run(check.name, () => check.run(), (detail) => detail);
    }
}

async function checkAlarms(deps: LiveTestDeps, steps: Steps, outputs: Readonly<Record<string, unknown>>, options: LiveTestOptions): Promise<void> {
    const topicArn = outputs.alarmTopicArn;
    if (typeof topicArn !== "string") {
        steps.skip("alarm delivery", "the stack has no alarmTopicArn output");
        return;
    }
    await steps.run(
        "alarm delivery",
        () =>
            checkAlarmDelivery(deps.aws, {
                topicArn,
                clock: deps.clock,
                timeoutMs: options.alarmTimeoutMs ?? 180_000,
                retryDelayMs: options.retryDelayMs ?? 5_000,
            }),
        (detail) => detail,
    );
}

async function previewUnchanged(steps: Steps, stack: LiveStack): Promise<void> {
    await steps.run(
        "preview",
        async () => {
            const { changeSummary, changes } = await stack.preview();
            const changed = changedOperations(changeSummary);
            if (Object.keys(changed).length > 0) {
                const counts = Object.entries(changed)
                    .map(([op, n]) => `${n} to ${op}`)
                    .join(", ");
                throw new Error([`a second preview right after up is not empty (${counts}):`, ...changes.map((c) => `  ${c}`)].join("\n"));
            }
            return `no changes (${changeSummary.same ?? 0} unchanged)`;
        },
        (detail) => detail,
    );
}

async function tearDown(steps: Steps, { workspace, log }: LiveTestDeps, stack: LiveStack, attempts: number): Promise<void> {
    // A failed preparation is reported, and destroy is tried anyway: it either succeeds or says
    // itself what it could not delete.
    await steps.run("prepare destroy", () => stack.prepareDestroy(), (changes) => (changes.length === 0 ? "nothing to lift" : changes.join("; ")));
    const destroyed = await steps.run(
        "destroy",
        async () => {
            for (let attempt = 1; ; attempt += 1) {
                try {
                    await stack.destroy();
                    return attempt;
                } catch (error) {
                    if (attempt >= attempts) {
                        throw error;
                    }
                    const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0];
                    log(`  destroy attempt ${attempt} of ${attempts} failed (${reason}); trying again`);
                }
            }
        },
        (attempt) => (attempt === 1 ? "" : `on attempt ${attempt}`),
    );
    if (destroyed.ok) {
        await steps.run("remove stack", () => workspace.removeStack());
    } else {
        steps.skip("remove stack", `stack ${workspace.stackName} kept: its state is the list of what destroy still has to delete (docs/live-test.md)`);
    }
}
