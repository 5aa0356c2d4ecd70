import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * A content hash of the files directly in `dir` (names and bytes, in name order), so that
 * adding, renaming or editing a migration changes it and nothing else does.
 */
export function directoryHash(dir: string, filter: (file: string) => boolean = () => true): string {
    const hash = createHash("sha256");
    for (const file of fs.readdirSync(dir).filter(filter).sort()) {
        const full = path.join(dir, file);
        if (fs.statSync(full).isFile()) {
            hash.update(file).update("\0").update(fs.readFileSync(full)).update("\0");
        }
    }
    return hash.digest("hex");
}

export function contentHash(...parts: string[]): string {
    const hash = createHash("sha256");
    for (const part of parts) {
        hash.update(part).update("\0");
    }
    return hash.digest("hex");
}
