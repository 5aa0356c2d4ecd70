/**
 * The pack stands alone: `pulumi preview --policy-pack policy` runs it from policy/ with the
 * packages of policy/package.json and its lockfile, so every package a file of the pack imports
 * must be declared there, and no import may reach outside the folder.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import { isBuiltin } from "node:module";
import * as path from "node:path";
import * as ts from "typescript";

const ROOT = path.join(__dirname, "..", "..");
const PACK = path.join(ROOT, "policy");

interface PackageJson {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
}
interface Lockfile {
    packages: Record<string, { version?: string; dependencies?: Record<string, string> }>;
}

const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(file, "utf8")) as T;

/** Module specifiers a TypeScript source imports: import, import type, export from, require, import(). */
function moduleSpecifiers(source: string): string[] {
    return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

/** The npm package a bare specifier names (`@scope/name` or `name`), or undefined for relative paths and Node built-ins. */
function packageOf(specifier: string): string | undefined {
    if (specifier.startsWith(".") || specifier.startsWith("/") || isBuiltin(specifier)) {
        return undefined;
    }
    const parts = specifier.split("/");
    return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** Every .ts file of the pack, its installed node_modules left out. */
function packFiles(dir = PACK): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            return entry.name === "node_modules" ? [] : packFiles(full);
        }
        return entry.name.endsWith(".ts") ? [full] : [];
    });
}

const imports = () =>
    packFiles().flatMap((file) => moduleSpecifiers(fs.readFileSync(file, "utf8")).map((specifier) => ({ file: path.relative(ROOT, file), specifier })));

/**
 * Declared without an import, because the Pulumi CLI needs them to load the pack: it runs
 * @pulumi/pulumi/cmd/run-policy-pack from the pack's node_modules, which compiles index.ts with
 * ts-node and type-checks it with the `typescript` it resolves there (else a vendored 3.8 that
 * rejects the pack's tsconfig) against @types/node (tsconfig `types`).
 */
const NEEDED_TO_LOAD = ["@pulumi/pulumi", "typescript", "@types/node"];

describe("policy/package.json: the pack's own dependencies", () => {
    const pkg = readJson<PackageJson>(path.join(PACK, "package.json"));
    const declared = new Set(Object.keys(pkg.dependencies ?? {}));

    it("reads the packages a source imports, built-ins and relative paths left out", () => {
        const source = [
            'import { z } from "zod";',
            'import type { PolicyPack } from "@pulumi/policy";',
            'import * as fs from "node:fs";',
            'import * as path from "path";',
            'import { x } from "./lib/x";',
            'export * from "@scope/pkg/sub";',
            'const fp = require("lodash/fp");',
            'const lazy = () => import("left-pad");',
        ].join("\n");
        assert.deepEqual(moduleSpecifiers(source).map(packageOf).filter(Boolean), ["zod", "@pulumi/policy", "@scope/pkg", "lodash", "left-pad"]);
    });

    it("declares, in dependencies, every package a file of the pack imports", () => {
        const missing = imports()
            .map(({ file, specifier }) => ({ file, name: packageOf(specifier) }))
            .filter((i): i is { file: string; name: string } => i.name !== undefined && !declared.has(i.name))
            .map(({ file, name }) => `${file} imports ${name}: add it with \`npm install --prefix policy ${name}\``);
        assert.deepEqual(missing, []);
    });

    it("imports nothing from outside policy/ by a relative path", () => {
        const outside = imports()
            .filter(({ specifier }) => specifier.startsWith("."))
            .filter(({ file, specifier }) => path.relative(PACK, path.resolve(ROOT, path.dirname(file), specifier)).startsWith(".."))
            .map(({ file, specifier }) => `${file} imports ${specifier}`);
        assert.deepEqual(outside, []);
    });

    it("declares nothing beyond what the pack imports and what the CLI needs to load it", () => {
        const imported = new Set(imports().map(({ specifier }) => packageOf(specifier)));
        const unused = [...declared].filter((name) => !imported.has(name) && !NEEDED_TO_LOAD.includes(name));
        assert.deepEqual(unused, []);
        assert.deepEqual(NEEDED_TO_LOAD.filter((name) => !declared.has(name)), []);
        assert.deepEqual(pkg.devDependencies ?? {}, {}, "the CLI loads the pack with all of them: no devDependencies");
    });

    it("has a lockfile made from this package.json, so that `npm ci --prefix policy` installs it", () => {
        const lock = readJson<Lockfile>(path.join(PACK, "package-lock.json"));
        assert.deepEqual(lock.packages[""]?.dependencies ?? {}, pkg.dependencies ?? {});
        for (const name of declared) {
            assert.ok(lock.packages[`node_modules/${name}`]?.version, `${name} is locked`);
        }
    });

    it("asks for the same versions as the repository root, and locks the same ones", () => {
        // The root's tests and tools import the pack's files, which then resolve their packages from
        // policy/node_modules once the pack is installed. TypeScript merges two copies of a package
        // of the same name and version, and identical copies behave the same at run time; two
        // versions would give the suite two sets of @pulumi/policy types.
        const root = readJson<PackageJson>(path.join(ROOT, "package.json"));
        const rootRanges = { ...root.devDependencies, ...root.dependencies };
        const rootLock = readJson<Lockfile>(path.join(ROOT, "package-lock.json"));
        const packLock = readJson<Lockfile>(path.join(PACK, "package-lock.json"));
        const drift = [...declared]
            .filter((name) => rootRanges[name] !== undefined)
            .flatMap((name) => {
                const key = `node_modules/${name}`;
                const range = [pkg.dependencies![name], rootRanges[name]];
                const locked = [packLock.packages[key]?.version, rootLock.packages[key]?.version];
                return range[0] !== range[1] || locked[0] !== locked[1] ? [`${name}: policy ${range[0]} (${locked[0]}), root ${range[1]} (${locked[1]})`] : [];
            });
        assert.deepEqual(drift, []);
        for (const name of ["@pulumi/policy", "@pulumi/pulumi"]) {
            assert.ok(rootRanges[name] !== undefined, `the root declares ${name} too`);
        }
    });
});
