import { resourceRule } from "../../lib/rule";
import { T } from "../../lib/types";
import { asRecord, isUnknown } from "../../lib/unknown";

export const enableStageAccessLogging = resourceRule({
    name: "enable-api-stage-access-logging",
    description: "API Gateway stages must write access logs (accessLogSettings with a destination and a format).",
    enforcementLevel: "mandatory",
    severity: "medium",
    topics: ["api", "logging"],
    anchors: ["Checkov CKV_AWS_76", "Checkov CKV_AWS_95"],
    rationale: "Access logs are the record of who called the API, needed for incident response.",
    remediationSteps: "Set accessLogSettings.destinationArn to a log group ARN and accessLogSettings.format to a JSON format.",
    types: [T.apiStage, T.restApiStage],
    check: (props, report) => {
        if (isUnknown(props.accessLogSettings)) {
            return;
        }
        const settings = asRecord(props.accessLogSettings);
        const set = (v: unknown) => isUnknown(v) || (typeof v === "string" && v.trim() !== "");
        if (!settings || !set(settings.destinationArn) || !set(settings.format)) {
            report("the stage has no accessLogSettings with destinationArn and format");
        }
    },
});
