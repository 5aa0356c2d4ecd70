import { resourceRule } from "../../lib/rule";
import { scanNamedValue } from "../../lib/secretScanner";
import { asRecord } from "../../lib/unknown";

export const disallowHardcodedSecretsInTags = resourceRule({
    name: "disallow-hardcoded-secrets-in-tags",
    description: "Resource tags must not hold credentials (tags are readable by anyone with tag:GetResources).",
    enforcementLevel: "mandatory",
    severity: "high",
    topics: ["tags", "secrets"],
    anchors: ["secretlint preset-recommend", "gitleaks", "detect-secrets KeywordDetector"],
    rationale: "Tags are readable account-wide and copied into billing and inventory tools.",
    remediationSteps: "Remove the credential from tags and rotate it.",
    types: "all",
    check: async (props, report) => {
        for (const [name, value] of Object.entries(asRecord(props.tags) ?? {})) {
            for (const finding of await scanNamedValue(name, value)) {
                report(`tag ${name} ${finding.message}`);
            }
        }
    },
});
