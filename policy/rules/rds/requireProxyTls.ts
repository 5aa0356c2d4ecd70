import { resourceRule } from "../../lib/rule";
import { T } from "../../lib/types";
import { isUnknown } from "../../lib/unknown";

export const requireProxyTls = resourceRule({
    name: "require-tls-on-database-proxy",
    description: "RDS Proxy must require TLS for client connections.",
    enforcementLevel: "mandatory",
    severity: "high",
    topics: ["database", "encryption", "network"],
    rationale: "Without it clients may connect in plaintext inside the VPC.",
    remediationSteps: "Set requireTls: true and connect with TLS (ssl: { rejectUnauthorized: true }).",
    types: [T.rdsProxy],
    check: (props, report) => {
        if (!isUnknown(props.requireTls) && props.requireTls !== true) {
            report("requireTls is not true");
        }
    },
});
