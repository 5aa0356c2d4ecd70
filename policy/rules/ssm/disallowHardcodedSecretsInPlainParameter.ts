import { resourceRule } from "../../lib/rule";
import { scanNamedValue } from "../../lib/secretScanner";
import { T } from "../../lib/types";
import { isUnknown, knownString } from "../../lib/unknown";

export const disallowHardcodedSecretsInPlainParameter = resourceRule({
    name: "disallow-hardcoded-secrets-in-plain-ssm-parameters",
    description: "SSM parameters that are not SecureString must not hold credentials.",
    enforcementLevel: "mandatory",
    severity: "high",
    topics: ["ssm", "secrets"],
    anchors: ["secretlint preset-recommend", "gitleaks", "detect-secrets KeywordDetector"],
    rationale: "String parameters are not encrypted and are readable with ssm:GetParameter.",
    remediationSteps: "Use type SecureString (with a CMK) or Secrets Manager for credentials.",
    types: [T.ssmParameter],
    check: async (props, report, { name }) => {
        if (isUnknown(props.type) || knownString(props.type) === "SecureString") {
            return;
        }
        const parameterName = knownString(props.name) ?? name;
        for (const key of ["value", "insecureValue"]) {
            for (const finding of await scanNamedValue(parameterName, props[key])) {
                report(`parameter ${parameterName} (${key}) ${finding.message}`);
            }
        }
    },
});
