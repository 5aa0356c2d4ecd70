import { resourceRule } from "../../lib/rule";
import { scanNamedValue, scanText } from "../../lib/secretScanner";
import { T } from "../../lib/types";
import { asArray, asRecord, isUnknown, knownString } from "../../lib/unknown";

/** `containerDefinitions` is a JSON string in @pulumi/aws; programs sometimes pass the array. */
function containers(raw: unknown): unknown[] {
    if (typeof raw === "string") {
        if (isUnknown(raw)) {
            return [];
        }
        try {
            return asArray(JSON.parse(raw));
        } catch {
            return [];
        }
    }
    return asArray(raw);
}

export const disallowHardcodedSecretsInContainerEnvironment = resourceRule({
    name: "disallow-hardcoded-secrets-in-container-environment",
    description:
        "ECS task definitions must not hold credentials in container environment variables, commands or entry points; use the container's secrets (valueFrom) instead.",
    enforcementLevel: "mandatory",
    severity: "critical",
    topics: ["ecs", "secrets"],
    rationale: "Task definitions are readable with ecs:DescribeTaskDefinition, kept for every revision and shown in the console.",
    anchors: ["AWS Security Hub ECS.8", "AWS Config ecs-no-environment-secrets", "Trivy AVD-AWS-0036", "secretlint preset-recommend", "gitleaks"],
    remediationSteps:
        "Move the value to Secrets Manager or SSM SecureString and reference it from the container's `secrets` list ({ name, valueFrom: <ARN> }).",
    types: [T.ecsTaskDefinition],
    check: async (props, report) => {
        for (const [i, raw] of containers(props.containerDefinitions).entries()) {
            const container = asRecord(raw);
            if (!container) {
                continue;
            }
            const label = `containerDefinitions[${i}]${knownString(container.name) ? ` ("${container.name}")` : ""}`;
            for (const variable of asArray(container.environment)) {
                const entry = asRecord(variable);
                const name = knownString(entry?.name);
                if (name === undefined) {
                    continue;
                }
                for (const finding of await scanNamedValue(name, entry?.value)) {
                    report(`${label}.environment ${name} ${finding.message}`);
                }
            }
            for (const key of ["command", "entryPoint"]) {
                const parts = asArray(container[key]).filter((part): part is string => typeof part === "string" && !isUnknown(part));
                // The words as one command line, then each script handed to a shell (`["sh", "-c", "PGPASSWORD=... psql"]`);
                // `yaml` turns on the decoders (shell lines, documents). The first text with findings is reported.
                for (const text of [parts.join(" "), ...parts.filter((part) => /\s/.test(part))]) {
                    const findings = await scanText(text, { yaml: true });
                    findings.forEach((finding) => report(`${label}.${key} ${finding.message}`));
                    if (findings.length > 0) {
                        break;
                    }
                }
            }
        }
    },
});
