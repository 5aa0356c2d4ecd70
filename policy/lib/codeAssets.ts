/**
 * Reads the text files of a Lambda code asset the way the policy engine hands it over: Pulumi
 * asset/archive objects (`FileArchive`, `AssetArchive`, `StringAsset`, `FileAsset`, whose fields
 * may be promises) or their serialized form (`{ "4dabf...": "<asset|archive sig>", path | text | assets }`).
 *
 * Only what can be read locally and cheaply: directories and plain files. Zip/jar archives and
 * remote assets are skipped (and reported as skipped), binary files too; sizes are capped.
 */
import * as fs from "node:fs/promises";
import * as path from "node:path";
import { asRecord, isUnknown } from "./unknown";

export interface CodeFile {
    file: string;
    text: string;
}

export interface CodeReadResult {
    files: CodeFile[];
    /** What could not be read (zip archives, remote assets, files over the cap). */
    skipped: string[];
}

const MAX_FILE_BYTES = 2 * 1024 * 1024;
const MAX_FILES = 2000;
const SKIPPED_EXTENSIONS = /\.(zip|jar|gz|tgz|png|jpe?g|gif|ico|woff2?|ttf|node|so|wasm|map|d\.ts)$/i;
/** Directories that hold dependencies or VCS data, not the function's own code. */
const SKIPPED_DIRECTORIES = new Set([".git", "node_modules"]);

async function resolve(value: unknown): Promise<unknown> {
    return value instanceof Promise ? await value : value;
}

async function readPath(p: string, into: CodeReadResult, label: string): Promise<void> {
    if (into.files.length >= MAX_FILES) {
        return;
    }
    let stat;
    try {
        stat = await fs.stat(p);
    } catch {
        into.skipped.push(`${label} (not found)`);
        return;
    }
    if (stat.isDirectory()) {
        for (const entry of (await fs.readdir(p)).sort()) {
            if (!SKIPPED_DIRECTORIES.has(entry)) {
                await readPath(path.join(p, entry), into, path.join(label, entry));
            }
        }
        return;
    }
    if (!stat.isFile()) {
        // FIFOs, sockets and devices: reading one can block forever or never end (/dev/zero).
        into.skipped.push(`${label} (not a regular file)`);
        return;
    }
    if (SKIPPED_EXTENSIONS.test(p) || stat.size > MAX_FILE_BYTES) {
        if (/\.(zip|jar)$/i.test(p) || stat.size > MAX_FILE_BYTES) {
            into.skipped.push(label);
        }
        return;
    }
    const buffer = await fs.readFile(p);
    if (!buffer.includes(0)) {
        into.files.push({ file: label, text: buffer.toString("utf8") });
    }
}

async function read(value: unknown, into: CodeReadResult, label: string): Promise<void> {
    const record = asRecord(await resolve(value));
    if (!record || isUnknown(value)) {
        return;
    }
    const text = await resolve(record.text);
    const assets = await resolve(record.assets);
    const filePath = await resolve(record.path);
    const uri = await resolve(record.uri);
    if (typeof text === "string") {
        into.files.push({ file: label, text });
    } else if (asRecord(assets)) {
        for (const [name, asset] of Object.entries(asRecord(assets)!)) {
            await read(asset, into, label ? `${label}/${name}` : name);
        }
    } else if (typeof filePath === "string" && !isUnknown(filePath)) {
        await readPath(filePath, into, label || filePath);
    } else if (typeof uri === "string") {
        into.skipped.push(uri);
    }
}

/** The readable text files in a Lambda `code` prop. Never throws on unreadable input. */
export async function readCodeFiles(code: unknown): Promise<CodeReadResult> {
    const result: CodeReadResult = { files: [], skipped: [] };
    try {
        await read(code, result, "");
    } catch (e) {
        result.skipped.push(`code (${(e as Error).message})`);
    }
    return result;
}
