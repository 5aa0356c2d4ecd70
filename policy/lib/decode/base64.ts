/**
 * Base64 that may hide a credential document (a service-account JSON in an environment variable,
 * a gzip-compressed script in user data). Strict, so ordinary words and ids are left alone, and
 * bounded, so a large blob costs nothing.
 */
import { gunzipBounded, isGzip } from "./gzip";
import { printableText } from "./text";

/** Larger values are not decoded: configuration documents are far smaller, bundles are not scanned this way. */
export const MAX_DECODED_BYTES = 64 * 1024;

/** Standard or URL-safe base64, nothing else; 16 characters at least (a 12-byte document). */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$|^[A-Za-z0-9_-]+$/;

/**
 * The text a base64 value decodes to (inflated first when it is gzip), or undefined when the value
 * is not base64, too large, or does not decode to printable UTF-8 text.
 */
export function decodeBase64Text(value: string): string | undefined {
    const v = value.replace(/\s+/g, "");
    if (v.length < 16 || v.length > (MAX_DECODED_BYTES * 4) / 3 + 4 || !BASE64.test(v)) {
        return undefined;
    }
    const bytes = Buffer.from(v, /[-_]/.test(v) ? "base64url" : "base64");
    return isGzip(bytes) ? gunzipBounded(bytes, MAX_DECODED_BYTES) : printableText(bytes);
}
