import type { PolicyResource, StackValidationArgs, ReportViolation } from "@pulumi/policy";
import { BlueprintStackPolicy } from "../../lib/rule";
import { T } from "../../lib/types";
import { isUnknown, unwrapProps } from "../../lib/unknown";

/** The values a SecretRotation's secretId may hold to point at this secret. */
function identifiers(secret: PolicyResource): string[] {
    const props = unwrapProps(secret.props);
    return [props.arn, props.id, props.name, secret.urn, secret.name].filter((v): v is string => typeof v === "string" && !isUnknown(v));
}

export const configureRotation: BlueprintStackPolicy = {
    name: "configure-secret-rotation",
    description: "Secrets Manager secrets should have a rotation schedule (aws.secretsmanager.SecretRotation).",
    enforcementLevel: "advisory",
    severity: "low",
    topics: ["secrets"],
    anchors: ["Checkov CKV2_AWS_57"],
    rationale: "A rotated secret limits how long a leaked password stays useful.",
    remediationSteps:
        "Add a SecretRotation with a rotation function; secrets managed by RDS (manageMasterUserPassword) are rotated by RDS and are not resources here.",
    validateStack: (args: StackValidationArgs, reportViolation: ReportViolation) => {
        const secrets = args.resources.filter((r) => r.type === T.secret);
        const rotations = args.resources.filter((r) => r.type === T.secretRotation);
        const rotated = new Set<PolicyResource>();
        for (const rotation of rotations) {
            const secretId = unwrapProps(rotation.props).secretId;
            const linked = [...(rotation.propertyDependencies?.secretId ?? []), ...(rotation.dependencies ?? [])];
            const matches = secrets.filter(
                (s) => linked.includes(s) || (typeof secretId === "string" && identifiers(s).includes(secretId)),
            );
            if (matches.length === 0 && (isUnknown(secretId) || secretId === undefined)) {
                return; // a rotation we cannot attribute during preview: flag nothing rather than guess
            }
            matches.forEach((s) => rotated.add(s));
        }
        for (const secret of secrets) {
            if (!rotated.has(secret)) {
                reportViolation(`secret ${secret.name} has no SecretRotation`, secret.urn);
            }
        }
    },
};
