import { Logger } from "@aws-lambda-powertools/logger";

/** A real Powertools logger that prints nothing, for tests. */
export function silentLogger(): Logger {
    return new Logger({ serviceName: "test", logLevel: "SILENT" });
}
