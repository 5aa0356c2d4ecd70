import { resourceRule } from "../../lib/rule";
import { T } from "../../lib/types";
import { knownString } from "../../lib/unknown";

export const disallowPublicFunctionUrl = resourceRule({
    name: "disallow-public-function-url",
    description: "Lambda function URLs must use authorizationType AWS_IAM, not NONE.",
    enforcementLevel: "mandatory",
    severity: "critical",
    topics: ["lambda", "iam", "exposure"],
    anchors: ["Checkov CKV_AWS_258", "Prowler awslambda_function_url_public"],
    rationale: "A URL with no authentication lets anyone on the internet invoke the function, bypassing the API's authorizer and throttling.",
    remediationSteps: "Use authorizationType AWS_IAM (callers sign with SigV4), or route the function through the HTTP API and its authorizer.",
    types: [T.lambdaFunctionUrl],
    // With NONE the provider adds the public lambda:InvokeFunctionUrl permission itself (and leaves it
    // behind on destroy: pulumi-aws FunctionUrl docs, after Lambda's "Security and auth model for
    // function URLs"), so no aws.lambda.Permission shows the exposure to the permission rule.
    check: (props, report) => {
        if (knownString(props.authorizationType)?.trim().toUpperCase() === "NONE") {
            report("authorizationType is NONE: anyone on the internet can invoke the function through its URL");
        }
    },
});
