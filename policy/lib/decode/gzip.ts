/** gzip-compressed text (EC2 user data may be gzip, then base64), inflated with a size bound. */
import { gunzipSync } from "node:zlib";
import { printableText } from "./text";

export function isGzip(bytes: Uint8Array): boolean {
    return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * The text `bytes` inflate to, or undefined when they are not gzip, are corrupt, or inflate past
 * `maxBytes` (zlib stops at maxOutputLength instead of allocating a bomb's output).
 */
export function gunzipBounded(bytes: Uint8Array, maxBytes: number): string | undefined {
    if (!isGzip(bytes)) {
        return undefined;
    }
    try {
        return printableText(gunzipSync(bytes, { maxOutputLength: maxBytes }));
    } catch {
        return undefined;
    }
}
