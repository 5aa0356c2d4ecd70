import { resourceRule } from "../../lib/rule";
import { T } from "../../lib/types";
import { isUnknown, knownString } from "../../lib/unknown";

export const requireSourceArnForServicePrincipal = resourceRule({
    name: "require-source-arn-for-service-principal",
    description:
        "Lambda permissions for an AWS service principal must set sourceArn, so other accounts' resources of that service cannot invoke the function.",
    enforcementLevel: "mandatory",
    severity: "high",
    topics: ["lambda", "iam"],
    anchors: ["Checkov CKV_AWS_364"],
    rationale: "Without sourceArn any API in any account could invoke the function through the service (confused deputy).",
    remediationSteps: "Set sourceArn, e.g. `${api.executionArn}/*/*` for API Gateway.",
    types: [T.lambdaPermission],
    check: (props, report) => {
        const principal = knownString(props.principal);
        const isService = principal !== undefined && /\.amazonaws\.com(\.cn)?$/.test(principal.trim());
        const hasSourceArn = isUnknown(props.sourceArn) || (knownString(props.sourceArn) ?? "").trim() !== "";
        if (isService && !hasSourceArn) {
            report(`service principal ${principal} has no sourceArn (confused deputy)`);
        }
    },
});
