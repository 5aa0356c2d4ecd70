import { strict as assert } from "node:assert";
import { documentSources } from "../../../policy/lib/iamSources";
import { T } from "../../../policy/lib/types";
import { iamRole, kmsKey, vpcEndpoint } from "../../helpers/policyFixtures";

describe("lib: iamSources", () => {
    it("finds a role's trust policy and each inline policy", () => {
        const role = iamRole();
        role.props.inlinePolicies = [...(role.props.inlinePolicies as unknown[]), { name: "b", policy: "{}" }];
        assert.deepEqual(
            documentSources(role.type, role.props).map((s) => [s.kind, s.location]),
            [
                ["trust", "assumeRolePolicy"],
                ["identity", "inlinePolicies[0].policy"],
                ["identity", "inlinePolicies[1].policy"],
            ],
        );
    });

    it("tells identity, endpoint, key and resource policies apart", () => {
        const kinds = [
            [T.iamPolicy, { policy: "{}" }],
            [T.iamRolePolicy, { policy: "{}" }],
            [T.iamUserPolicy, { policy: "{}" }],
            [T.iamGroupPolicy, { policy: "{}" }],
            [vpcEndpoint().type, vpcEndpoint().props],
            [T.vpcEndpointPolicy, { vpcEndpointId: "vpce-0a1b2c3d4e5f60001", policy: vpcEndpoint().props.policy }],
            [kmsKey().type, kmsKey().props],
            [T.kmsKeyPolicy, { policy: "{}" }],
            [T.secret, { policy: "{}" }],
            [T.secretPolicy, { policy: "{}" }],
        ].map(([type, props]) => documentSources(type as string, props as Record<string, unknown>)[0]?.kind);
        assert.deepEqual(kinds, ["identity", "identity", "identity", "identity", "endpoint", "endpoint", "key", "key", "resource", "resource"]);
    });

    it("reads the resource policies of queues, topics, buckets and event buses, inline or as their own resource", () => {
        for (const type of [T.sqsQueue, T.sqsQueuePolicy, T.snsTopic, T.snsTopicPolicy, T.s3Bucket, T.s3BucketV2, T.s3BucketPolicy, T.eventBusPolicy]) {
            assert.deepEqual(documentSources(type, { policy: "{}" }).map((s) => [s.kind, s.location]), [["resource", "policy"]], type);
        }
    });

    it("skips absent documents and other resource types", () => {
        assert.deepEqual(documentSources(T.vpcEndpoint, { serviceName: "x" }), []);
        assert.deepEqual(documentSources(T.lambdaFunction, { policy: "{}" }), []);
    });
});
