import { resourceRule } from "../../lib/rule";
import { T } from "../../lib/types";

export const disallowPublicAccess = resourceRule({
    name: "disallow-public-database",
    description: "RDS instances (including Aurora cluster instances) must not be publicly accessible.",
    enforcementLevel: "mandatory",
    severity: "critical",
    topics: ["database", "network"],
    anchors: ["Checkov CKV_AWS_17"],
    rationale: "A public endpoint exposes the database to credential stuffing from the internet.",
    remediationSteps: "Set publiclyAccessible: false and reach the database through RDS Proxy from private subnets.",
    types: [T.rdsInstance, T.rdsClusterInstance],
    check: (props, report) => {
        if (props.publiclyAccessible === true) {
            report("publiclyAccessible is true");
        }
    },
});
