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
    ["ConfigError", "PolicyConfigError", "StackFileError"].includes(err.name) || err.message.startsWith("no stack file");

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
