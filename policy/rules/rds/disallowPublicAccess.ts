import { resourceRule } from "../../lib/rule";
import { T } from "../../lib/types";

export const disallowPublicAccess = resourceRule({
    name: "disallow-public-database",
    description: "RDS instances must not be publicly accessible.",
    enforcementLevel: "mandatory",
    severity: "critical",
    topics: ["database", "network"],
    remediationSteps: "Set publiclyAccessible: false and reach the database through RDS Proxy from private subnets.",
    types: [T.rdsInstance],
    check: (props, report) => {
        if (props.publiclyAccessible === true) {
            report("publiclyAccessible is true");
        }
    },
});
