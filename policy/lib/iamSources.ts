/**
 * Every place a policy document can appear in the resources this blueprint (or a fork) creates.
 *
 * The kind matters because the same JSON means different things: in an identity policy
 * `Resource: "*"` is every resource in the account, in a KMS key policy or a secret's resource
 * policy it means "this key" / "this secret", and a trust policy has no Resource at all.
 */
import { T } from "./types";
import { asArray, asRecord } from "./unknown";

export type DocumentKind = "identity" | "trust" | "endpoint" | "key" | "resource";

export interface DocumentSource {
    kind: DocumentKind;
    /** Where the document is, for messages: "inlinePolicies[0].policy". */
    location: string;
    document: unknown;
}

const IDENTITY_POLICY_TYPES: readonly string[] = [T.iamPolicy, T.iamRolePolicy, T.iamUserPolicy, T.iamGroupPolicy];

/**
 * Resources whose `policy` is a resource policy: the resource itself (a queue, a topic, a bucket
 * that takes an inline policy) or its separate policy resource. Both spellings exist in forks.
 */
export const RESOURCE_POLICY_TYPES = {
    secretsmanager: [T.secret, T.secretPolicy],
    sqs: [T.sqsQueue, T.sqsQueuePolicy],
    sns: [T.snsTopic, T.snsTopicPolicy],
    s3: [T.s3Bucket, T.s3BucketV2, T.s3BucketPolicy],
    events: [T.eventBusPolicy],
} as const satisfies Record<string, readonly string[]>;

const RESOURCE_POLICY_TYPE_LIST: readonly string[] = Object.values(RESOURCE_POLICY_TYPES).flat();

/** The policy documents in one resource's props. */
export function documentSources(type: string, props: Record<string, unknown>): DocumentSource[] {
    const sources: DocumentSource[] = [];
    const add = (kind: DocumentKind, location: string, document: unknown) => {
        if (document !== undefined && document !== null && document !== "") {
            sources.push({ kind, location, document });
        }
    };
    if (type === T.iamRole) {
        add("trust", "assumeRolePolicy", props.assumeRolePolicy);
        asArray(props.inlinePolicies).forEach((inline, i) =>
            add("identity", `inlinePolicies[${i}].policy`, asRecord(inline)?.policy),
        );
    } else if (IDENTITY_POLICY_TYPES.includes(type)) {
        add("identity", "policy", props.policy);
    } else if (type === T.vpcEndpoint || type === T.vpcEndpointPolicy) {
        add("endpoint", "policy", props.policy);
    } else if (type === T.kmsKey || type === T.kmsKeyPolicy) {
        add("key", "policy", props.policy);
    } else if (RESOURCE_POLICY_TYPE_LIST.includes(type)) {
        add("resource", "policy", props.policy);
    }
    return sources;
}

/** Every type token `documentSources` reads. */
export const DOCUMENT_TYPES: readonly string[] = [
    T.iamRole,
    ...IDENTITY_POLICY_TYPES,
    T.vpcEndpoint,
    T.vpcEndpointPolicy,
    T.kmsKey,
    T.kmsKeyPolicy,
    ...RESOURCE_POLICY_TYPE_LIST,
];
