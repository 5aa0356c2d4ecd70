import { resourceRule } from "../../lib/rule";
import { scanNamedValue } from "../../lib/secretScanner";
import { T } from "../../lib/types";
import { asRecord } from "../../lib/unknown";

export const disallowHardcodedSecretsInEnvironment = resourceRule({
    name: "disallow-hardcoded-secrets-in-lambda-environment",
    description:
        "Lambda environment variables must not hold credentials: AWS keys, private keys, URLs or connection strings with passwords, or literals under password-like names.",
    enforcementLevel: "mandatory",
    severity: "critical",
    topics: ["lambda", "secrets"],
    anchors: ["Checkov CKV_AWS_45", "secretlint preset-recommend", "gitleaks", "detect-secrets KeywordDetector"],
    rationale: "Environment variables are readable by anyone with lambda:GetFunctionConfiguration and land in the Pulumi state.",
    remediationSteps:
        "Store the value in Secrets Manager, pass its ARN (e.g. DB_SECRET_ARN) and read it at runtime, or use IAM database authentication.",
    types: [T.lambdaFunction],
    check: async (props, report) => {
        const variables = asRecord(asRecord(props.environment)?.variables) ?? {};
        for (const [name, value] of Object.entries(variables)) {
            for (const finding of await scanNamedValue(name, value)) {
                report(`environment variable ${name} ${finding.message}`);
            }
        }
    },
});
