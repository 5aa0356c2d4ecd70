import { resourceRule } from "../../lib/rule";
import { T } from "../../lib/types";
import { isUnknown, knownString } from "../../lib/unknown";

/**
 * The Permission arguments that narrow a "*" principal, as the Lambda API documents them for
 * AddPermission: the source resource, its account, the caller's organization, or Alexa's token.
 */
const NARROWING_ARGS = ["sourceArn", "sourceAccount", "principalOrgId", "eventSourceToken"] as const;

export const disallowWildcardPermissionPrincipal = resourceRule({
    name: "disallow-wildcard-lambda-permission-principal",
    description:
        "Lambda permissions must not let any principal (\"*\") invoke the function without a sourceArn, sourceAccount or principalOrgId, nor open a function URL with no authentication.",
    enforcementLevel: "mandatory",
    severity: "critical",
    topics: ["lambda", "iam", "exposure"],
    anchors: ["Checkov CKV_AWS_301", "Prowler awslambda_function_not_publicly_accessible", "Prowler awslambda_function_url_public"],
    rationale: "A \"*\" principal with nothing narrowing it makes the function invocable by any AWS account, bypassing API Gateway.",
    remediationSteps:
        "Grant the service principal (apigateway.amazonaws.com) with a sourceArn, a specific account, or \"*\" with principalOrgId; use functionUrlAuthType AWS_IAM.",
    types: [T.lambdaPermission],
    check: (props, report) => {
        if (knownString(props.principal)?.trim() !== "*") {
            return;
        }
        // Checkov CKV_AWS_301 fails every "*"; Prowler, and this rule, accept "*" narrowed by the
        // arguments AWS documents for it. A function URL with auth NONE is public whatever they say.
        if (knownString(props.functionUrlAuthType)?.toUpperCase() === "NONE") {
            report('principal is "*" on a function URL with functionUrlAuthType NONE: anyone on the internet can invoke the function');
            return;
        }
        const narrowed = NARROWING_ARGS.some((arg) => isUnknown(props[arg]) || (knownString(props[arg]) ?? "").trim() !== "");
        if (!narrowed) {
            report('principal is "*" with no sourceArn, sourceAccount or principalOrgId: any AWS account can invoke the function');
        }
    },
});
