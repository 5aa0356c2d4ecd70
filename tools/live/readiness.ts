/**
 * The `readiness` stack output: what the deploy's readiness check reported (app/src/probe.ts's result, kept by the
 * invocation). The live test prints it, which measures on a real deploy how long the proxy's target took to take a
 * login: the number docs/deploy-review.md lists among what only a deploy can show.
 */
export function describeReadiness(output: unknown): string {
    if (typeof output !== "string") {
        throw new Error(`the stack's readiness output is ${JSON.stringify(output)}: the deploy ran no readiness check`);
    }
    let result: Record<string, unknown>;
    try {
        result = JSON.parse(output) as Record<string, unknown>;
    } catch {
        throw new Error(`the stack's readiness output is not the probe's JSON: ${output.slice(0, 200)}`);
    }
    if (result.ready !== true || typeof result.attempts !== "number" || typeof result.elapsedMs !== "number") {
        throw new Error(`the stack's readiness output does not say ready: ${output.slice(0, 200)}`);
    }
    const seconds = Math.round(result.elapsedMs / 1000);
    return `the app user logged in through the proxy (${String(result.auth)} mode) after ${result.attempts} attempt(s), ${seconds} s`;
}
