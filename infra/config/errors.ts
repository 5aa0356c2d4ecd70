import * as pulumi from "@pulumi/pulumi";

/**
 * Raised when the stack configuration is invalid; the message names each key and how to fix it.
 * A RunError, so `pulumi up` prints the message without a stack trace.
 */
export class ConfigError extends pulumi.RunError {
    override readonly name = "ConfigError";
    constructor(
        message: string,
        readonly problems: readonly string[],
    ) {
        super(message);
    }
}
