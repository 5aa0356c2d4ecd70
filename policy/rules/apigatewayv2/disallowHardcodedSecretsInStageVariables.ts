import { resourceRule } from "../../lib/rule";
import { scanNamedValue } from "../../lib/secretScanner";
import { T } from "../../lib/types";
import { asRecord } from "../../lib/unknown";

export const disallowHardcodedSecretsInStageVariables = resourceRule({
    name: "disallow-hardcoded-secrets-in-stage-variables",
    description: "API Gateway stage variables must not hold credentials (they are readable by anyone who can read the stage).",
    enforcementLevel: "mandatory",
    severity: "high",
    topics: ["api", "secrets"],
    anchors: ["secretlint preset-recommend", "gitleaks", "detect-secrets KeywordDetector"],
    rationale: "Stage variables are plain configuration, visible to anyone who can read the API.",
    remediationSteps: "Keep credentials in Secrets Manager; pass only names or ARNs in stage variables.",
    types: [T.apiStage, T.restApiStage],
    check: async (props, report, { type }) => {
        const key = type === T.apiStage ? "stageVariables" : "variables";
        for (const [name, value] of Object.entries(asRecord(props[key]) ?? {})) {
            for (const finding of await scanNamedValue(name, value)) {
                report(`${key}.${name} ${finding.message}`);
            }
        }
    },
});
