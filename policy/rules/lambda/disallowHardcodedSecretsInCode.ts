import { readCodeFiles } from "../../lib/codeAssets";
import { resourceRule } from "../../lib/rule";
import { scanText } from "../../lib/secretScanner";
import { T } from "../../lib/types";

interface Config {
    maxReports: number;
}

export const disallowHardcodedSecretsInCode = resourceRule<Config>({
    name: "disallow-hardcoded-secrets-in-lambda-code",
    description:
        "Lambda code bundles (assets the policy can read: directories, files, inline text) must not contain credentials.",
    enforcementLevel: "mandatory",
    severity: "critical",
    topics: ["lambda", "secrets"],
    anchors: ["secretlint preset-recommend", "gitleaks", "detect-secrets"],
    rationale: "A credential in the bundle ships to every copy of the code and to the artifact store; it cannot be rotated without a redeploy.",
    remediationSteps: "Move the value to Secrets Manager and read it at runtime; rotate the leaked credential.",
    configSchema: {
        properties: {
            maxReports: { type: "integer", minimum: 1, default: 10, description: "Stop after this many findings per function." },
        },
    },
    types: [T.lambdaFunction],
    check: async (props, report, { config }) => {
        const { files } = await readCodeFiles(props.code);
        let reported = 0;
        for (const { file, text } of files) {
            for (const finding of await scanText(text)) {
                if (reported++ >= config.maxReports) {
                    return;
                }
                report(`code file ${file} ${finding.message}`);
            }
        }
    },
});
