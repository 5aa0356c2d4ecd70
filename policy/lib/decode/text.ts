/** Bytes that are text: decoders only hand on what a person could have written. */

/** UTF-8 text with almost no control characters (tabs and newlines allowed), else undefined. */
export function printableText(bytes: Buffer): string | undefined {
    let text: string;
    try {
        text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
        return undefined;
    }
    // eslint-disable-next-line no-control-regex
    const control = text.match(/[\u0000-\u0008\u000e-\u001f\u007f\ufffd]/g)?.length ?? 0;
    return text.length > 0 && control <= text.length / 100 ? text : undefined;
}
