import { resourceRule } from "../../lib/rule";
import { T } from "../../lib/types";
import { asArray, knownString } from "../../lib/unknown";

interface Config {
    disallowedPolicies: string[];
    disallowAnyFullAccess: boolean;
    allowedPolicies: string[];
}

/** AWS managed policies that grant far more than a function or a migration job needs. */
export const BROAD_MANAGED_POLICIES: readonly string[] = [
    "AdministratorAccess",
    "PowerUserAccess",
    "IAMFullAccess",
    "SecretsManagerReadWrite",
    "AmazonRDSFullAccess",
    "AmazonRDSDataFullAccess",
    "AWSLambda_FullAccess",
    "AWSLambdaFullAccess",
    "AmazonEC2FullAccess",
    "AmazonVPCFullAccess",
    "AmazonS3FullAccess",
    "AWSKeyManagementServicePowerUser",
    "AmazonAPIGatewayAdministrator",
    "CloudWatchFullAccess",
    "AmazonSSMFullAccess",
];

/** The name of an AWS managed policy ARN (`arn:aws:iam::aws:policy/service-role/X` gives "X"), else undefined. */
export function awsManagedPolicyName(arn: string): string | undefined {
    const match = /^arn:aws[a-z-]*:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(arn.trim());
    return match?.[1];
}

/** Resources that attach one managed policy (`policyArn`). */
const ATTACHMENT_TYPES = [T.iamRolePolicyAttachment, T.iamUserPolicyAttachment, T.iamGroupPolicyAttachment, T.iamPolicyAttachment];
/** Resources that attach a list of managed policies (`policyArns`) to a role, user or group. */
const EXCLUSIVE_ATTACHMENT_TYPES: readonly string[] = [T.iamRolePolicyAttachmentsExclusive, T.iamUserPolicyAttachmentsExclusive, T.iamGroupPolicyAttachmentsExclusive];

/** The managed policy ARNs a resource attaches, and the prop that holds them. */
function attachedArns(type: string, props: Record<string, unknown>): { where: string; arns: unknown[] } {
    if (type === T.iamRole) {
        return { where: "managedPolicyArns", arns: asArray(props.managedPolicyArns) };
    }
    if (EXCLUSIVE_ATTACHMENT_TYPES.includes(type)) {
        return { where: "policyArns", arns: asArray(props.policyArns) };
    }
    return { where: "policyArn", arns: [props.policyArn] };
}

export const disallowBroadManagedPolicies = resourceRule<Config>({
    name: "disallow-broad-managed-policies",
    description:
        "Roles, users and groups must not get broad AWS managed policies (AdministratorAccess, PowerUserAccess, SecretsManagerReadWrite, *FullAccess, ...).",
    enforcementLevel: "mandatory",
    severity: "critical",
    topics: ["iam", "least-privilege"],
    rationale: "Public samples of this stack attach SecretsManagerReadWrite or *FullAccess; they grant far more than a function needs.",
    remediationSteps:
        "Write an inline policy with the actions and resources needed; for Lambda VPC access use the narrow AWSLambdaVPCAccessExecutionRole.",
    configSchema: {
        properties: {
            disallowedPolicies: {
                type: "array",
                items: { type: "string" },
                default: [...BROAD_MANAGED_POLICIES],
                description: "AWS managed policy names that must not be attached.",
            },
            disallowAnyFullAccess: {
                type: "boolean",
                default: true,
                description: "Also disallow every AWS managed policy whose name ends in FullAccess.",
            },
            allowedPolicies: {
                type: "array",
                items: { type: "string" },
                default: [],
                description: "AWS managed policy names allowed even if matched above.",
            },
        },
    },
    types: [T.iamRole, ...ATTACHMENT_TYPES, ...EXCLUSIVE_ATTACHMENT_TYPES],
    check: (props, report, { type, config }) => {
        const { where, arns } = attachedArns(type, props);
        for (const arn of arns.map(knownString)) {
            const name = arn === undefined ? undefined : awsManagedPolicyName(arn);
            if (name === undefined || config.allowedPolicies.includes(name)) {
                continue;
            }
            if (config.disallowedPolicies.includes(name) || (config.disallowAnyFullAccess && /FullAccess$/.test(name))) {
                report(`${where} attaches the broad AWS managed policy ${name}`);
            }
        }
    },
});
