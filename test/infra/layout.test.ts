import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { buildSync } from "esbuild";

const root = path.resolve(__dirname, "..", "..");

/** The repository's own files an esbuild bundle of `entryPoints` reads (packages stay external). */
function bundledFiles(entryPoints: string[]): string[] {
    const result = buildSync({
        absWorkingDir: root,
        entryPoints,
        bundle: true,
        platform: "node",
        packages: "external",
        write: false,
        metafile: true,
        logLevel: "silent",
        outdir: "out",
    });
    return Object.keys(result.metafile.inputs);
}

function tsFilesUnder(dir: string): string[] {
    return fs
        .readdirSync(path.join(root, dir), { withFileTypes: true })
        .flatMap((entry) => (entry.isDirectory() ? tsFilesUnder(path.join(dir, entry.name)) : entry.name.endsWith(".ts") ? [path.join(dir, entry.name)] : []));
}

/** Tooling and the policy pack read the program; the program never reads them (arrows point down). */
const FORBIDDEN = /^(tools|policy)\//;

describe("layout: the program apart from its tools", () => {
    it("bundles what `pulumi up` runs (infra/index.ts) without a file of tools/ or policy/", () => {
        const files = bundledFiles(["infra/index.ts"]);
        // The bundle really is the program: its entry, its config and its components.
        assert.ok(files.includes("infra/index.ts") && files.includes("infra/config/index.ts") && files.includes("infra/lib/nameRules.ts"), files.join("\n"));
        assert.deepEqual(
            files.filter((f) => FORBIDDEN.test(f)),
            [],
            "infra/ imports tooling or the policy pack; move the shared data into infra/lib and let tools/ read it from there",
        );
    });

    it("keeps every file under infra/ free of imports from tools/ or policy/, reached from the entry or not", () => {
        const entries = tsFilesUnder("infra");
        assert.ok(entries.length > 10);
        assert.deepEqual(bundledFiles(entries).filter((f) => FORBIDDEN.test(f)), []);
    });
});
