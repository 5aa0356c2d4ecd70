import { resourceRule } from "../../lib/rule";
import { T } from "../../lib/types";
import { asRecord, isUnknown, knownNumber } from "../../lib/unknown";

export const configureStageThrottling = resourceRule({
    name: "configure-api-stage-throttling",
    description: "HTTP API stages should set default route throttling (burst and rate limits) so one client cannot exhaust database connections.",
    enforcementLevel: "advisory",
    severity: "low",
    topics: ["api", "resilience"],
    rationale: "Throttling keeps one client from exhausting Lambda concurrency and database connections.",
    remediationSteps: "Set defaultRouteSettings.throttlingBurstLimit and throttlingRateLimit.",
    types: [T.apiStage],
    check: (props, report) => {
        if (isUnknown(props.defaultRouteSettings)) {
            return;
        }
        const settings = asRecord(props.defaultRouteSettings) ?? {};
        const missing = ["throttlingBurstLimit", "throttlingRateLimit"].filter((key) => {
            const value = settings[key];
            return !isUnknown(value) && !((knownNumber(value) ?? 0) > 0);
        });
        if (missing.length > 0) {
            report(`defaultRouteSettings does not set ${missing.join(" and ")}`);
        }
    },
});
