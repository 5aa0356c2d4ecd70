import { runCli } from "../lib/cliMain";
import { randomBytes, randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { fromNodeProviderChain } from "@aws-sdk/credential-providers";
import { ConfigError } from "../../infra/config";
import { planStack } from "../plan/run";
import { authenticatedClient } from "./auth";
import { sdkAccount } from "./aws";
import { stackDemands } from "./demands";
import { LiveUsageError } from "./errors";
import { fetchClient } from "./http";
import type { Clock, LogSink } from "./ports";
import { runLiveTest } from "./run";
import { liveSettings } from "./settings";
import { automationWorkspace } from "./workspace";

const USAGE = "usage: npm run test:live -- --stack <dev|prod|…> [--backend <url>]   (docs/live-test.md)";

const systemClock: Clock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

const log: LogSink = (line) => process.stdout.write(`${line}\n`);

/**
 * `npm run test:live`: deploys a throwaway copy of a stack to AWS, calls its API, checks that a
 * second preview is empty, and destroys it. Exit 0 when every step passed, 1 when a step failed,
 * 2 on bad usage or a missing prerequisite (passphrase, Pulumi CLI, AWS credentials, token).
 */
async function main(): Promise<number> {
    let values: { stack?: string; backend?: string };
    try {
        ({ values } = parseArgs({ options: { stack: { type: "string" }, backend: { type: "string" } } }));
    } catch (err) {
        throw new LiveUsageError((err as Error).message);
    }
    const settings = liveSettings({ ...values, suffix: randomBytes(3).toString("hex") }, process.env);

    // The default chain: environment (CI's OIDC session), shared config and SSO, container and
    // instance roles. Resolved now, so a missing login fails before anything is deployed.
    const credentials = fromNodeProviderChain();
    try {
        await credentials();
    } catch (error) {
        throw new LiveUsageError(`no AWS credentials (${(error as Error).message}); log in (aws sso login, a profile in AWS_PROFILE, or environment variables)`, {
            cause: error,
        });
    }

    // The stack's plan says what it will ask of the account, checked against it before anything is deployed.
    let plan;
    try {
        plan = await planStack(settings.stack, { root: settings.root });
    } catch (error) {
        if (error instanceof ConfigError) {
            throw new LiveUsageError(error.message, { cause: error });
        }
        throw error;
    }

    // First Ctrl-C: stop the running operation and go on to destroy. Second: leave at once.
    const interrupt = new AbortController();
    const onSignal = (signal: NodeJS.Signals) => {
        if (interrupt.signal.aborted) {
            process.stderr.write(`${signal} again: exiting; stack ${settings.stackName} is left behind (docs/live-test.md, "A run was killed")\n`);
            process.exit(130);
        }
        process.stderr.write(`${signal}: stopping the current operation, then destroying the stack (again to exit at once)\n`);
        interrupt.abort();
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);

    log(`Deploying stack "${settings.stack}" as "${settings.stackName}", backend ${settings.backendUrl}`);
    const workspace = await automationWorkspace({ ...settings, log, signal: interrupt.signal });
    const report = await runLiveTest(
        {
            workspace,
            http: fetchClient(),
            aws: sdkAccount(settings.region, credentials),
            authenticate: (auth, apiUrl, http) => authenticatedClient(auth, apiUrl, http, { jwt: settings.jwt, credentials, region: settings.region }),
            clock: systemClock,
            log,
        },
        { customerId: `live-test-${settings.stackName}`, idempotencyKey: randomUUID(), demands: stackDemands(plan) },
    );
    if (report.steps.some((s) => s.name === "destroy" && s.status === "failed")) {
        log("");
        log(`Stack ${settings.stackName} still holds resources. Once the cause is fixed, with the same passphrase:`);
        log(`  PULUMI_BACKEND_URL=${settings.backendUrl} pulumi destroy --stack ${settings.stackName} --yes`);
        log(`  PULUMI_BACKEND_URL=${settings.backendUrl} pulumi stack rm ${settings.stackName} --yes`);
    }
    return report.exitCode;
}

// A killed deploy exits 130 at once on the second signal: nothing is left to drain but the line above.
void runCli(main, (err) => err instanceof LiveUsageError, 1).then(() => {
    if (process.exitCode === 2) {
        process.stderr.write(`${USAGE}\n`);
    }
});
