import { dbKind, isReplica } from "../../lib/rds";
import { resourceRule } from "../../lib/rule";
import { T } from "../../lib/types";
import { isUnknown } from "../../lib/unknown";

export const enableManagedMasterUserPassword = resourceRule({
    name: "enable-managed-master-user-password",
    description: "RDS instances and clusters must let RDS manage and rotate the master password in Secrets Manager (manageMasterUserPassword).",
    enforcementLevel: "mandatory",
    severity: "high",
    topics: ["database", "secrets"],
    rationale: "RDS then creates, encrypts and rotates the master secret itself.",
    remediationSteps: "Set manageMasterUserPassword: true (optionally masterUserSecretKmsKeyId to your CMK).",
    types: [T.rdsInstance, T.rdsCluster],
    check: (props, report, { type }) => {
        if (isReplica(props) || isUnknown(props.manageMasterUserPassword)) {
            return; // replicas take the source's credentials
        }
        if (props.manageMasterUserPassword !== true) {
            report(`the ${dbKind(type)} does not set manageMasterUserPassword: true`);
        }
    },
});
