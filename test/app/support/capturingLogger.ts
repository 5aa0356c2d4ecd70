import { Logger } from "@aws-lambda-powertools/logger";

// Errors serialise with every own property (a mysql2 error's `sql` included) and their causes, so that a test
// sees everything a log formatter could possibly print.
function expand(_key: string, value: unknown): unknown {
    if (value instanceof Error) {
        return { ...value, name: value.name, message: value.message, stack: value.stack, cause: value.cause };
    }
    return value;
}

/** A Powertools logger that keeps what it is asked to log, fully expanded, instead of printing it. */
export class CapturingLogger extends Logger {
    readonly lines: string[] = [];

    constructor() {
        super({ serviceName: "test", logLevel: "SILENT" });
    }

    override debug(...input: unknown[]): void {
        this.lines.push(JSON.stringify(["DEBUG", ...input], expand));
    }
    override info(...input: unknown[]): void {
        this.lines.push(JSON.stringify(["INFO", ...input], expand));
    }
    override warn(...input: unknown[]): void {
        this.lines.push(JSON.stringify(["WARN", ...input], expand));
    }
    override error(...input: unknown[]): void {
        this.lines.push(JSON.stringify(["ERROR", ...input], expand));
    }
}
