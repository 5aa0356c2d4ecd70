import { resourceRule } from "../../lib/rule";
import { T } from "../../lib/types";
import { isUnknown, knownString } from "../../lib/unknown";

export const enableCustomerManagedKey = resourceRule({
    name: "enable-secret-cmk-encryption",
    description: "Secrets Manager secrets should be encrypted with a customer-managed KMS key, not the AWS managed aws/secretsmanager key.",
    enforcementLevel: "advisory",
    severity: "medium",
    topics: ["secrets", "encryption"],
    anchors: ["Checkov CKV_AWS_149"],
    rationale: "A customer-managed key lets you restrict and audit who can decrypt the secret.",
    remediationSteps: "Set kmsKeyId to a customer-managed key whose policy you control.",
    types: [T.secret],
    check: (props, report) => {
        if (isUnknown(props.kmsKeyId)) {
            return;
        }
        const key = knownString(props.kmsKeyId)?.trim() ?? "";
        if (key === "" || /alias\/aws\/secretsmanager$/.test(key)) {
            report("the secret uses the AWS managed key aws/secretsmanager");
        }
    },
});
