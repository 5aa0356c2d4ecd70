import type { PolicyResource, ReportViolation, StackValidationArgs } from "@pulumi/policy";
import { ALLOWED_METHODS_SCHEMA, describeMethod, escalationMethods } from "../../lib/escalation";
import { parsePolicyDocument, PolicyDocument } from "../../lib/iamDocument";
import { documentSources } from "../../lib/iamSources";
import { BlueprintStackPolicy } from "../../lib/rule";
import { T } from "../../lib/types";
import { isUnknown, unwrapProps } from "../../lib/unknown";

interface Config {
    allowedMethods: number[];
}

interface Found {
    where: string;
    document: PolicyDocument;
}

/** The values another resource's `role` or `policyArn` may hold to name this one. */
function identifiers(resource: PolicyResource): string[] {
    const props = unwrapProps(resource.props);
    return [props.name, props.arn, props.id, resource.urn, resource.name].filter((v): v is string => typeof v === "string" && !isUnknown(v));
}

/**
 * The resources of `candidates` that `resource`'s `prop` points at: by the engine's property
 * dependencies (exact), else by the resource's dependencies when only one candidate is among them
 * (a policy's document may depend on other roles' ARNs), else by the prop's value.
 */
function pointedAt(resource: PolicyResource, prop: string, candidates: PolicyResource[]): PolicyResource[] {
    const byProperty = candidates.filter((c) => resource.propertyDependencies?.[prop]?.includes(c));
    if (byProperty.length > 0) {
        return byProperty;
    }
    const byDependency = candidates.filter((c) => resource.dependencies?.includes(c));
    if (byDependency.length === 1) {
        return byDependency;
    }
    const value = unwrapProps(resource.props)[prop];
    return typeof value === "string" && !isUnknown(value) ? candidates.filter((c) => identifiers(c).includes(value)) : [];
}

/** Every identity document that applies to `role`: its inline policies, its RolePolicies, the Policies attached to it. */
function roleDocuments(role: PolicyResource, resources: PolicyResource[]): Found[] {
    const roles = resources.filter((r) => r.type === T.iamRole);
    const policies = resources.filter((r) => r.type === T.iamPolicy);
    const parsed = (where: string, type: string, props: Record<string, unknown>) =>
        documentSources(type, props)
            .filter((s) => s.kind === "identity")
            .map((s) => ({ where: `${where}${s.location === "policy" ? "" : ` ${s.location}`}`, document: parsePolicyDocument(s.document) }));
    const found = parsed(`role ${role.name}`, role.type, unwrapProps(role.props));
    for (const rolePolicy of resources.filter((r) => r.type === T.iamRolePolicy && pointedAt(r, "role", roles).includes(role))) {
        found.push(...parsed(`RolePolicy ${rolePolicy.name}`, rolePolicy.type, unwrapProps(rolePolicy.props)));
    }
    for (const attachment of resources.filter((r) => r.type === T.iamRolePolicyAttachment && pointedAt(r, "role", roles).includes(role))) {
        for (const policy of pointedAt(attachment, "policyArn", policies)) {
            found.push(...parsed(`Policy ${policy.name}`, policy.type, unwrapProps(policy.props)));
        }
    }
    return found;
}

export const disallowPrivilegeEscalationAcrossPolicies: BlueprintStackPolicy = {
    name: "disallow-privilege-escalation-across-policies",
    description:
        "A role's policies taken together (inline policies, RolePolicy resources, attached customer managed Policies) must not grant a privilege escalation method that none of them grants alone.",
    enforcementLevel: "mandatory",
    severity: "critical",
    topics: ["iam", "least-privilege", "privilege-escalation"],
    rationale:
        "The blueprint gives each role its permissions in separate RolePolicy resources; PassRole in one and lambda:CreateFunction in another escalate as surely as in one document.",
    anchors: ["Rhino Security Labs privilege escalation methods 1-28", "Cloudsplaining PrivilegeEscalation (per principal)"],
    remediationSteps: "Scope the pivot action (the PassRole, the policy or code update) to named resources in whichever policy grants it.",
    configSchema: ALLOWED_METHODS_SCHEMA,
    validateStack: async (args: StackValidationArgs, reportViolation: ReportViolation) => {
        // The engine may or may not have applied the schema's default.
        const allowed = args.getConfig<Partial<Config>>().allowedMethods ?? [];
        for (const role of args.resources.filter((r) => r.type === T.iamRole)) {
            const documents = roleDocuments(role, args.resources);
            if (documents.length < 2) {
                continue;
            }
            // What one document grants alone is disallow-privilege-escalation's finding; report the rest.
            const alone = new Set<number>();
            for (const { document } of documents) {
                (await escalationMethods(document, allowed)).forEach((f) => alone.add(f.method.id));
            }
            const together: PolicyDocument = { statements: documents.flatMap((d) => d.document.statements), unknown: false, errors: [] };
            const found = (await escalationMethods(together, allowed)).filter((f) => !alone.has(f.method.id));
            if (found.length > 0) {
                reportViolation(
                    `role ${role.name}: its policies together (${documents.map((d) => d.where).join(", ")}) allow privilege escalation by Rhino Security Labs' method ${found.map(describeMethod).join(", ")}`,
                    role.urn,
                );
            }
        }
    },
};
