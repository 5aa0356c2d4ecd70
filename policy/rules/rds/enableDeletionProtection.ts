import { dbKind } from "../../lib/rds";
import { resourceRule } from "../../lib/rule";
import { T } from "../../lib/types";
import { isUnknown } from "../../lib/unknown";

export const enableDeletionProtection = resourceRule({
    name: "enable-database-deletion-protection",
    description: "RDS instances and clusters must have deletion protection (made advisory for dev stacks in policy/config/dev.json).",
    enforcementLevel: "mandatory",
    severity: "medium",
    topics: ["database", "resilience"],
    anchors: ["Checkov CKV_AWS_293", "Checkov CKV_AWS_139"],
    rationale: "One mistaken `pulumi destroy` or replacement would delete the data.",
    remediationSteps: "Set deletionProtection: true (turn it off in a separate change before deleting the database on purpose).",
    types: [T.rdsInstance, T.rdsCluster],
    check: (props, report, { type }) => {
        if (!isUnknown(props.deletionProtection) && props.deletionProtection !== true) {
            report(`the ${dbKind(type)} does not set deletionProtection: true`);
        }
    },
});
