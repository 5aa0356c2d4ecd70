import { resourceRule } from "../../lib/rule";
import { scanText } from "../../lib/secretScanner";
import { T } from "../../lib/types";
import { knownString } from "../../lib/unknown";

export const disallowHardcodedSecretsInUserData = resourceRule({
    name: "disallow-hardcoded-secrets-in-user-data",
    description: "EC2 instance and launch template user data must not contain credentials.",
    enforcementLevel: "mandatory",
    severity: "critical",
    topics: ["ec2", "secrets"],
    rationale: "User data is readable from the instance metadata service and with ec2:DescribeInstanceAttribute.",
    remediationSteps: "Fetch secrets at boot from Secrets Manager or SSM SecureString with the instance role.",
    types: [T.ec2Instance, T.launchTemplate],
    check: (props, report, { type }) => {
        const raw = knownString(props.userData);
        if (raw === undefined) {
            return;
        }
        // Launch templates take base64 user data; instances take plain text (userDataBase64 is separate).
        const text = type === T.launchTemplate && /^[A-Za-z0-9+/=\s]+$/.test(raw) ? Buffer.from(raw, "base64").toString("utf8") : raw;
        for (const finding of scanText(text)) {
            report(`userData ${finding.message}`);
        }
    },
});
