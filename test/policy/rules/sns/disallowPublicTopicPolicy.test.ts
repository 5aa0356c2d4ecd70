import { strict as assert } from "node:assert";
import { disallowPublicTopicPolicy as rule } from "../../../../policy/rules/sns/disallowPublicTopicPolicy";
import { T } from "../../../../policy/lib/types";
import { runPolicy } from "../../../helpers/policy";
import { ACCOUNT, REGION } from "../../../helpers/policyFixtures";
import { describeExposureCases } from "../../../helpers/resourcePolicyCases";

const TOPIC_ARN = `arn:aws:sns:${REGION}:${ACCOUNT}:orders-alarms`;
const topicPolicy = (policy: string) => ({ type: T.snsTopicPolicy, props: { arn: TOPIC_ARN, policy } });
const topic = (policy: string) => ({ type: T.snsTopic, props: { name: "orders-alarms", policy } });

describe("rule: disallow-public-topic-policy", () => {
    it("passes CloudWatch publishing alarms, narrowed to the account", async () => {
        const policy = JSON.stringify({
            Statement: [{ Effect: "Allow", Principal: { Service: "cloudwatch.amazonaws.com" }, Action: "sns:Publish", Resource: TOPIC_ARN, Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } } }],
        });
        assert.deepEqual(await runPolicy(rule, topicPolicy(policy)), []);
    });

    it("reports the console's \"everyone\" template without its condition", async () => {
        const policy = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { AWS: "*" }, Action: ["SNS:Publish", "SNS:Subscribe"], Resource: TOPIC_ARN }] });
        assert.deepEqual(await runPolicy(rule, topic(policy)), ['policy statement 0: allows "SNS:Publish", "SNS:Subscribe" to {"AWS": "*"} with no condition']);
    });

    describeExposureCases({ rule, resources: [topicPolicy, topic], action: "sns:Publish", arn: TOPIC_ARN });
});
