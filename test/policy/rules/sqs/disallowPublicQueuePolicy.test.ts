import { strict as assert } from "node:assert";
import { disallowPublicQueuePolicy as rule } from "../../../../policy/rules/sqs/disallowPublicQueuePolicy";
import { T } from "../../../../policy/lib/types";
import { runPolicy } from "../../../helpers/policy";
import { ACCOUNT, REGION } from "../../../helpers/policyFixtures";
import { describeExposureCases } from "../../../helpers/resourcePolicyCases";

const QUEUE_ARN = `arn:aws:sqs:${REGION}:${ACCOUNT}:orders-dlq`;
const queuePolicy = (policy: string) => ({ type: T.sqsQueuePolicy, props: { queueUrl: `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/orders-dlq`, policy } });
const queue = (policy: string) => ({ type: T.sqsQueue, props: { name: "orders-dlq", policy } });

describe("rule: disallow-public-queue-policy", () => {
    it("passes the blueprint's dead-letter queue policy: EventBridge, narrowed to its rule", async () => {
        const policy = JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: "sqs:SendMessage", Resource: QUEUE_ARN, Condition: { ArnEquals: { "aws:SourceArn": `arn:aws:events:${REGION}:${ACCOUNT}:rule/orders-bus/projector` } } }],
        });
        assert.deepEqual(await runPolicy(rule, queuePolicy(policy)), []);
    });

    it("reports a queue anyone may read, naming the actions", async () => {
        const policy = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: ["sqs:ReceiveMessage", "sqs:DeleteMessage"], Resource: QUEUE_ARN }] });
        assert.deepEqual(await runPolicy(rule, queue(policy)), ['policy statement 0: allows "sqs:ReceiveMessage", "sqs:DeleteMessage" to Principal "*" with no condition']);
    });

    describeExposureCases({ rule, resources: [queuePolicy, queue], action: "sqs:SendMessage", arn: QUEUE_ARN });
});
