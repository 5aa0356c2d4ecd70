import { parseArgs } from "node:util";

/**
 * How every CLI under tools/ ends. The exit code goes into `process.exitCode` and the process ends on its own
 * once stdout and stderr have drained: `process.exit()` right after a write cuts piped output at the pipe's
 * buffer (64 KiB on Linux), which truncated `npm run plan -- --json | jq`. See Node's docs on process.exit():
 * "writes to process.stdout in Node.js are sometimes asynchronous".
 */

/** An error a user caused (unknown stack, invalid config, bad flag): its message is the whole story, no stack trace. */
export type IsUserError = (err: Error) => boolean;

/** Configuration errors already name the key or file and the fix. */
export const isConfigOrUsageError: IsUserError = (err) =>
    ["ConfigError", "PolicyConfigError"].includes(err.name) || err.message.startsWith("no stack file");

/**
 * Runs a CLI's main function: its resolved number becomes the exit code; a rejection prints the message of a
 * user's error (exit 2) or the stack of anything else (exit `unexpectedCode`), to stderr.
 */
export function runCli(main: () => Promise<number>, isUserError: IsUserError = isConfigOrUsageError, unexpectedCode = 2): Promise<void> {
    return main().then(
        (code) => {
            process.exitCode = code;
        },
        (err: Error) => {
            const known = err instanceof Error && isUserError(err);
            process.stderr.write(`${known ? err.message : (err?.stack ?? String(err))}\n`);
            process.exitCode = known ? 2 : unexpectedCode;
        },
    );
}

/** The flags of a CLI that works on one stack: `--stack <name>` is required, `--json` optional, plus its own. */
export type StackCliOptions = Record<string, { readonly type: "string" | "boolean"; readonly default?: string | boolean }>;

/**
 * Parses `--stack <name> [--json]` and the CLI's own flags, or says what is wrong, with the usage line, on `stderr`
 * and answers undefined (the CLI then exits 2).
 */
export function parseStackArgs<T extends StackCliOptions>(
    argv: readonly string[],
    options: T,
    usage: string,
    stderr: (text: string) => void,
): ({ stack: string; json: boolean } & { [K in keyof T]?: string | boolean }) | undefined {
    let values: Record<string, string | boolean | undefined>;
    try {
        ({ values } = parseArgs({ args: [...argv], options: { stack: { type: "string" }, json: { type: "boolean", default: false }, ...options } }));
    } catch (err) {
        stderr(`${(err as Error).message}\n${usage}\n`);
        return undefined;
    }
    if (typeof values.stack !== "string" || values.stack === "") {
        stderr(`--stack is required\n${usage}\n`);
        return undefined;
    }
    return { ...values, stack: values.stack, json: values.json === true } as { stack: string; json: boolean } & { [K in keyof T]?: string | boolean };
}
