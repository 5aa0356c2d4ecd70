import { strict as assert } from "node:assert";
import { Logger } from "@aws-lambda-powertools/logger";
import { Metrics } from "@aws-lambda-powertools/metrics";
import type { LogLevel } from "../../../infra/config";
import { LAMBDA_LOG_FORMAT } from "../../../infra/lib/logLevels";
import { withEnvironment } from "../../../app/dev/localEnvironment";
import { capturingOutput } from "../../app/support/capturingStdout";
import { fixturePlanWith, ofType } from "../../helpers/stackPlan";

const LEVELS = ["DEBUG", "INFO", "WARN", "ERROR"] as const satisfies readonly LogLevel[];

/** What a function writes (stdout and stderr, both reach its log group) while `run` runs, with the given environment. */
async function outputOf(env: Readonly<Record<string, string | undefined>>, run: () => void): Promise<string[]> {
    return (await withEnvironment(env, () => capturingOutput(run))).lines;
}

describe("lib: logLevels (Lambda's filter off, Powertools filters)", () => {
    it("uses a log format that has no Lambda application level", () => {
        // Lambda's filter exists only with JSON: https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-log-level.html
        assert.equal(LAMBDA_LOG_FORMAT, "Text");
    });

    it("needs it: where Lambda sets AWS_LAMBDA_LOG_LEVEL, Powertools ignores its own, quieter level", async () => {
        const lines = await outputOf({ AWS_LAMBDA_LOG_LEVEL: "INFO", POWERTOOLS_LOG_LEVEL: "ERROR", POWERTOOLS_DEV: undefined }, () => {
            new Logger({ serviceName: "why", logLevel: "ERROR" }).info("an info line");
        });
        assert.ok(lines.some((l) => l.includes("an info line")), "Powertools changed: it now honours its own level under Lambda's; revisit infra/lib/logLevels.ts");
    });

    for (const level of LEVELS) {
        it(`with logLevel ${level} and no Lambda level, Powertools keeps ${level} lines, drops quieter ones, and the metrics are written`, async () => {
            const lines = await outputOf({ AWS_LAMBDA_LOG_LEVEL: undefined, POWERTOOLS_LOG_LEVEL: level, POWERTOOLS_DEV: undefined }, () => {
                const logger = new Logger({ serviceName: "levels" });
                logger.debug("debug line");
                logger.info("info line");
                logger.warn("warn line");
                logger.error("error line");
                const metrics = new Metrics({ namespace: "levels-test", serviceName: "levels" });
                metrics.addMetric("Probe", "Count", 1);
                metrics.publishStoredMetrics();
            });
            const order = ["DEBUG", "INFO", "WARN", "ERROR"];
            for (const line of order) {
                const kept = lines.some((l) => l.includes(`${line.toLowerCase()} line`));
                assert.equal(kept, order.indexOf(line) >= order.indexOf(level), `${line} line at logLevel ${level}`);
            }
            assert.ok(lines.some((l) => l.includes('"_aws"') && l.includes("Probe")), "the EMF line is written");
        });
    }

    it("plans every function with Lambda's filter off and Powertools at the stack's level, even the quietest", async () => {
        const plan = await fixturePlanWith("small", { logLevel: "ERROR", events: "true" });
        const functions = ofType(plan, "aws:lambda/function:Function");
        assert.ok(functions.length > 0);
        for (const fn of functions) {
            const logging = fn.inputs.loggingConfig as { logFormat: string; applicationLogLevel?: string };
            const env = (fn.inputs.environment as { variables: Record<string, string> }).variables;
            assert.equal(logging.logFormat, LAMBDA_LOG_FORMAT, fn.name);
            assert.equal(logging.applicationLogLevel, undefined, fn.name);
            assert.equal(env.POWERTOOLS_LOG_LEVEL, "ERROR", fn.name);
        }
    });
});
