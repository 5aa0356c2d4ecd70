import { strict as assert } from "node:assert";
import { disallowPublicBucketPolicy as rule } from "../../../../policy/rules/s3/disallowPublicBucketPolicy";
import { T } from "../../../../policy/lib/types";
import { runPolicy } from "../../../helpers/policy";
import { ACCOUNT } from "../../../helpers/policyFixtures";
import { describeExposureCases } from "../../../helpers/resourcePolicyCases";

const BUCKET_ARN = "arn:aws:s3:::orders-uploads";
const bucketPolicy = (policy: string) => ({ type: T.s3BucketPolicy, props: { bucket: "orders-uploads", policy } });
const bucket = (policy: string) => ({ type: T.s3Bucket, props: { bucket: "orders-uploads", policy } });
const bucketV2 = (policy: string) => ({ type: T.s3BucketV2, props: { bucket: "orders-uploads", policy } });

describe("rule: disallow-public-bucket-policy", () => {
    it("passes the usual Deny of plain HTTP to everyone, and CloudFront's origin access control", async () => {
        const policy = JSON.stringify({
            Statement: [
                { Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [BUCKET_ARN, `${BUCKET_ARN}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } },
                {
                    Effect: "Allow",
                    Principal: { Service: "cloudfront.amazonaws.com" },
                    Action: "s3:GetObject",
                    Resource: `${BUCKET_ARN}/*`,
                    Condition: { StringEquals: { "AWS:SourceArn": `arn:aws:cloudfront::${ACCOUNT}:distribution/E1A2B3C4D5` } },
                },
            ],
        });
        assert.deepEqual(await runPolicy(rule, bucketPolicy(policy)), []);
    });

    it("reports a public-read bucket, the staple of static-site samples", async () => {
        const policy = JSON.stringify({ Statement: [{ Sid: "PublicRead", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: `${BUCKET_ARN}/*` }] });
        assert.deepEqual(await runPolicy(rule, bucketPolicy(policy)), ['policy statement 0 ("PublicRead"): allows "s3:GetObject" to Principal "*" with no condition']);
    });

    describeExposureCases({ rule, resources: [bucketPolicy, bucket, bucketV2], action: "s3:GetObject", arn: `${BUCKET_ARN}/*` });
});
