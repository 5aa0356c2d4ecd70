import { timed } from "./stats";

export interface PairedSamples {
    /** Milliseconds per call of the first function. */
    readonly a: number[];
    /** Milliseconds per call of the second function. */
    readonly b: number[];
}

/**
 * Times two functions side by side: `rounds` calls each, alternating, and swapping which goes first every
 * round (a b, b a, a b, ...) so that neither always runs right after the other. Both see the same machine,
 * the same noise and the same server at the same moments, which makes their ratio meaningful on a shared
 * machine where absolute times are not. `warmUp` rounds run first and are not kept.
 */
export async function interleaved(
    rounds: number,
    a: () => Promise<unknown>,
    b: () => Promise<unknown>,
    warmUp = 0,
): Promise<PairedSamples> {
    const samples: PairedSamples = { a: [], b: [] };
    for (let round = 0; round < warmUp + rounds; round += 1) {
        let timeA: number;
        let timeB: number;
        if (round % 2 === 0) {
            timeA = await timed(a);
            timeB = await timed(b);
        } else {
            timeB = await timed(b);
            timeA = await timed(a);
        }
        if (round >= warmUp) {
            samples.a.push(timeA);
            samples.b.push(timeB);
        }
    }
    return samples;
}
