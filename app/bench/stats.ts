/** The p-th percentile (0-100) of samples, nearest-rank method. */
export function percentile(samples: readonly number[], p: number): number {
    if (samples.length === 0) {
        return Number.NaN;
    }
    const sorted = [...samples].sort((a, b) => a - b);
    const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
    return sorted[rank - 1] as number;
}

/** Milliseconds taken by `work`. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
    const start = process.hrtime.bigint();
    await work();
    return Number(process.hrtime.bigint() - start) / 1e6;
}
