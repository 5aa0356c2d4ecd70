import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { fromNodeProviderChain } from "@aws-sdk/credential-providers";
import { repositoryRoot } from "../../../tools/plan/run";

/**
 * Why the real run cannot happen here, or undefined when it can. Credentials are only looked up
 * when a stack is asked for, so an ordinary `npm test` never waits on the credential chain.
 */
async function skipReason(env: NodeJS.ProcessEnv): Promise<string | undefined> {
    if (!env.LIVE_TEST_STACK) {
        return "LIVE_TEST_STACK is not set (set it to one of the committed stacks, with AWS credentials and PULUMI_CONFIG_PASSPHRASE, to deploy for real; docs/live-test.md)";
    }
    if (!env.PULUMI_CONFIG_PASSPHRASE) {
        return "PULUMI_CONFIG_PASSPHRASE is not set";
    }
    try {
        await fromNodeProviderChain()();
    } catch (error) {
        return `no AWS credentials (${(error as Error).message})`;
    }
    return undefined;
}

describe("live: the blueprint on AWS (LIVE_TEST_STACK, costs money, about 30 minutes)", function () {
    // up and destroy of an RDS instance and a proxy take most of it; prod's Multi-AZ takes longer.
    this.timeout(3 * 60 * 60 * 1000);

    before(async function () {
        const reason = await skipReason(process.env);
        if (reason !== undefined) {
            console.log(`      skipped: ${reason}`);
            this.skip();
        }
    });

    it("deploys the stack with its policy pack, passes the HTTP checks, previews no change and destroys it", () => {
        const tsx = path.join(repositoryRoot, "node_modules", ".bin", "tsx");
        const run = spawnSync(tsx, [path.join(repositoryRoot, "tools", "live", "cli.ts"), "--stack", process.env.LIVE_TEST_STACK ?? ""], {
            cwd: repositoryRoot,
            stdio: "inherit",
        });
        assert.equal(run.status, 0, `npm run test:live exited ${run.status}; the summary table above says which step failed`);
    });
});
