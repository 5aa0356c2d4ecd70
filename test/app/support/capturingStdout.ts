/**
 * Runs `fn` with process.stdout captured, and returns the lines written meanwhile. Powertools Metrics writes
 * through a Console bound to process.stdout (not through console.log), as Lambda needs for EMF, so replacing
 * the stream's `write` is what catches it.
 */
export function capturingStdout<T>(fn: () => Promise<T> | T): Promise<{ result: T; lines: string[] }> {
    return capturing([process.stdout], fn);
}

/** Like {@link capturingStdout}, with process.stderr too (Powertools writes WARN and ERROR lines there), in write order. */
export function capturingOutput<T>(fn: () => Promise<T> | T): Promise<{ result: T; lines: string[] }> {
    return capturing([process.stdout, process.stderr], fn);
}

async function capturing<T>(streams: readonly NodeJS.WriteStream[], fn: () => Promise<T> | T): Promise<{ result: T; lines: string[] }> {
    const chunks: string[] = [];
    const originals = streams.map((stream) => stream.write);
    for (const stream of streams) {
        stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
            chunks.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
            const callback = rest.find((arg): arg is () => void => typeof arg === "function");
            callback?.();
            return true;
        }) as typeof stream.write;
    }
    try {
        const result = await fn();
        return { result, lines: chunks.join("").split("\n").filter((line) => line.length > 0) };
    } finally {
        streams.forEach((stream, i) => {
            stream.write = originals[i]!;
        });
    }
}

/** One CloudWatch embedded metric format document, as Powertools writes it. */
export interface EmfDocument {
    readonly _aws: {
        readonly Timestamp: number;
        readonly CloudWatchMetrics: readonly { readonly Namespace: string; readonly Dimensions: readonly (readonly string[])[]; readonly Metrics: readonly { Name: string; Unit: string }[] }[];
    };
    readonly [key: string]: unknown;
}

/** The lines that are EMF documents (an `_aws.CloudWatchMetrics` member), parsed. */
export function emfDocuments(lines: readonly string[]): EmfDocument[] {
    return lines.flatMap((line) => {
        try {
            const parsed = JSON.parse(line) as Partial<EmfDocument>;
            return parsed._aws?.CloudWatchMetrics ? [parsed as EmfDocument] : [];
        } catch {
            return [];
        }
    });
}
