import { dbKind, isReplica } from "../../lib/rds";
import { resourceRule } from "../../lib/rule";
import { T } from "../../lib/types";
import { isUnknown } from "../../lib/unknown";

export const enableStorageEncryption = resourceRule({
    name: "enable-database-storage-encryption",
    description: "RDS instances and clusters must encrypt their storage.",
    enforcementLevel: "mandatory",
    severity: "high",
    topics: ["database", "encryption"],
    anchors: ["Checkov CKV_AWS_16"],
    rationale: "Encryption at rest cannot be turned on later without a snapshot restore.",
    remediationSteps: "Set storageEncrypted: true and kmsKeyId to a customer-managed key (cannot be changed in place).",
    types: [T.rdsInstance, T.rdsCluster],
    check: (props, report, { type }) => {
        if (isReplica(props) || isUnknown(props.storageEncrypted)) {
            return; // replicas inherit the source's encryption
        }
        if (props.storageEncrypted !== true) {
            report(`the ${dbKind(type)} does not set storageEncrypted: true`);
        }
    },
});
