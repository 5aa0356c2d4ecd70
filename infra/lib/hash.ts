import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { normalizeSql } from "../../app/src/migrator/files";

/**
 * A content hash of the text files directly in `dir` (names and text, in name order), so that
 * adding, renaming or editing a migration changes it and nothing else does. Line endings are read as
 * LF, as the migrate function reads them (`normalizeSql`): a Windows checkout (core.autocrlf) must not look like an edit.
 */
export function directoryHash(dir: string, filter: (file: string) => boolean = () => true): string {
    const hash = createHash("sha256");
    for (const file of fs.readdirSync(dir).filter(filter).sort()) {
        const full = path.join(dir, file);
        if (fs.statSync(full).isFile()) {
            hash.update(file).update("\0").update(normalizeSql(fs.readFileSync(full, "utf8"))).update("\0");
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

