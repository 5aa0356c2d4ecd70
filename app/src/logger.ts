import { Logger } from "@aws-lambda-powertools/logger";
import type { LoggingConfig } from "./config";

/** Structured JSON logs (Powertools); one per container, request ids are added per invocation. */
export function createLogger(config: LoggingConfig): Logger {
    return new Logger({ serviceName: config.serviceName, logLevel: config.logLevel });
}

export { Logger };
