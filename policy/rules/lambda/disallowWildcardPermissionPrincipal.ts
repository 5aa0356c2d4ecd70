import { resourceRule } from "../../lib/rule";
import { T } from "../../lib/types";
import { knownString } from "../../lib/unknown";

export const disallowWildcardPermissionPrincipal = resourceRule({
    name: "disallow-wildcard-lambda-permission-principal",
    description: "Lambda permissions must not let any principal (\"*\") invoke the function.",
    enforcementLevel: "mandatory",
    severity: "critical",
    topics: ["lambda", "iam"],
    anchors: ["Checkov CKV_AWS_301"],
    rationale: "A \"*\" principal makes the function invocable by anyone, bypassing API Gateway.",
    remediationSteps: "Grant the service principal (apigateway.amazonaws.com) with a sourceArn, or a specific account.",
    types: [T.lambdaPermission],
    check: (props, report) => {
        if (knownString(props.principal)?.trim() === "*") {
            report('principal is "*": anyone can invoke the function');
        }
    },
});
