import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";

const dir = path.resolve(__dirname, "..", "..", ".github", "workflows");

interface Step {
    readonly uses?: string;
    readonly run?: string;
    readonly with?: Record<string, unknown>;
}
interface Job {
    readonly "timeout-minutes"?: number;
    readonly steps?: readonly Step[];
}

/** Every job of every workflow that deploys or destroys (pulumi up/destroy, the live test), with its file. */
function deployingJobs(): { file: string; name: string; job: Job }[] {
    return fs
        .readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .flatMap((file) => {
            const doc = parse(fs.readFileSync(path.join(dir, file), "utf8")) as { jobs?: Record<string, Job> };
            return Object.entries(doc.jobs ?? {}).map(([name, job]) => ({ file, name, job }));
        })
        .filter(({ job }) =>
            (job.steps ?? []).some(
                (s) => (s.uses?.startsWith("pulumi/actions") && ["up", "destroy"].includes(String(s.with?.command))) || /test:live|pulumi (up|destroy)/.test(s.run ?? ""),
            ),
        );
}

describe("workflows: jobs that deploy outlast a first deploy", () => {
    it("finds the deploying jobs", () => {
        assert.ok(deployingJobs().length > 0, "no workflow runs pulumi up or the live test");
    });

    for (const { file, name, job } of deployingJobs()) {
        it(`${file} ${name}: a job budget of 2 hours or more, and AWS credentials that last as long as the job`, () => {
            // A Multi-AZ first deploy or a destroy waiting on Lambda's ENIs can take 45 minutes and more (deploy review F13).
            const minutes = job["timeout-minutes"] ?? 360;
            assert.ok(minutes >= 120, `timeout-minutes ${minutes}`);
            for (const step of (job.steps ?? []).filter((s) => s.uses?.startsWith("aws-actions/configure-aws-credentials"))) {
                // configure-aws-credentials asks for a 1-hour session unless told otherwise.
                const seconds = Number(step.with?.["role-duration-seconds"] ?? 3600);
                assert.ok(seconds >= minutes * 60, `role-duration-seconds ${seconds} ends before the job's ${minutes} minutes`);
            }
        });
    }
});
