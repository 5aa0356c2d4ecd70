import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** A bundle directory (holding `index.js`) and the environment its function runs with. */
export interface ColdStartSubject {
    readonly dir: string;
    readonly env: Readonly<Record<string, string>>;
}

/** One fresh process: the time to load the bundle, then to answer its first request. */
export interface ColdStart {
    readonly importMs: number;
    readonly firstRequestMs: number;
}

/**
 * What runs in each fresh process: load `index.js` as Lambda would (module evaluation only), then send it one
 * request. With BENCH_CLOCK_MS set, `Date` is frozen at that instant before anything loads, so that an IAM token
 * signed in the child equals the one the bench made the database user's password (SigV4 signs the time); the
 * same freeze runs in every child, floor included.
 */
const childScript = `
const frozen = Number(process.env.BENCH_CLOCK_MS);
if (frozen > 0) {
    const RealDate = Date;
    globalThis.Date = class extends RealDate {
        constructor(...args) { super(...(args.length === 0 ? [frozen] : args)); }
        static now() { return frozen; }
    };
}
const start = process.hrtime.bigint();
const bundle = require("./index.js");
const loaded = process.hrtime.bigint();
bundle.handler(JSON.parse(process.env.BENCH_EVENT), { awsRequestId: "bench-cold-start" }).then((result) => {
    const answered = process.hrtime.bigint();
    process.stdout.write(JSON.stringify({
        importMs: Number(loaded - start) / 1e6,
        firstRequestMs: Number(answered - loaded) / 1e6,
        status: result.statusCode,
        body: result.statusCode === 200 ? undefined : result.body,
    }));
    process.exit(0);
}, (error) => {
    process.stderr.write(String((error && error.stack) || error));
    process.exit(1);
});
`;

/**
 * Cold-starts a bundle once in a new Node.js process. The process gets only PATH and `subject.env`, not the
 * bench's own environment (whose NODE_OPTIONS would load tsx into it). Asynchronous: the local Secrets
 * Manager stub that a secret-mode child calls runs in this process.
 */
export async function coldStart(subject: ColdStartSubject, event: unknown): Promise<ColdStart> {
    const env = { PATH: process.env.PATH ?? "", ...subject.env, BENCH_EVENT: JSON.stringify(event) };
    const { stdout } = await run(process.execPath, ["-e", childScript], { cwd: subject.dir, env, encoding: "utf8" });
    const outcome = JSON.parse(stdout) as ColdStart & { status: number; body?: string };
    if (outcome.status !== 200) {
        throw new Error(`cold start in ${subject.dir} answered ${outcome.status}: ${outcome.body ?? ""}`);
    }
    return { importMs: outcome.importMs, firstRequestMs: outcome.firstRequestMs };
}

/**
 * Cold-starts two subjects alternately, `rounds` fresh processes each, swapping which goes first every round,
 * so that both meet the same machine state (file cache, other load) as often.
 */
export async function alternatingColdStarts(rounds: number, a: ColdStartSubject, b: ColdStartSubject, event: unknown): Promise<{ a: ColdStart[]; b: ColdStart[] }> {
    const samples = { a: [] as ColdStart[], b: [] as ColdStart[] };
    for (let round = 0; round < rounds; round += 1) {
        if (round % 2 === 0) {
            samples.a.push(await coldStart(a, event));
            samples.b.push(await coldStart(b, event));
        } else {
            samples.b.push(await coldStart(b, event));
            samples.a.push(await coldStart(a, event));
        }
    }
    return samples;
}
