import { decodeBase64Text } from "../../lib/decode/base64";
import { resourceRule } from "../../lib/rule";
import { scanText } from "../../lib/secretScanner";
import { T } from "../../lib/types";
import { knownString } from "../../lib/unknown";

/** The user data props of each type and whether they hold base64. */
function userDataProps(type: string): [key: string, base64: boolean][] {
    // Instances take plain text in userData and base64 in userDataBase64; launch templates take
    // base64 in userData, though some programs pass plain text there.
    return type === T.launchTemplate ? [["userData", true]] : [["userData", false], ["userDataBase64", true]];
}

export const disallowHardcodedSecretsInUserData = resourceRule({
    name: "disallow-hardcoded-secrets-in-user-data",
    description: "EC2 instance and launch template user data must not contain credentials.",
    enforcementLevel: "mandatory",
    severity: "critical",
    topics: ["ec2", "secrets"],
    anchors: ["Checkov CKV_AWS_46", "secretlint preset-recommend", "gitleaks", "cloud-init users/chpasswd", "ECS agent ECS_ENGINE_AUTH_DATA"],
    rationale: "User data is readable from the instance metadata service and with ec2:DescribeInstanceAttribute.",
    remediationSteps: "Fetch secrets at boot from Secrets Manager or SSM SecureString with the instance role.",
    types: [T.ec2Instance, T.launchTemplate],
    check: async (props, report, { type }) => {
        for (const [key, base64] of userDataProps(type)) {
            const raw = knownString(props[key]);
            if (raw === undefined) {
                continue;
            }
            // Base64 is decoded (and inflated when it is gzip); text that is not base64 is scanned as it is.
            const text = (base64 ? decodeBase64Text(raw) : undefined) ?? raw;
            for (const finding of await scanText(text, { yaml: true })) {
                report(`${key} ${finding.message}`);
            }
        }
    },
});
