import { strict as assert } from "node:assert";
import { disallowPublicEventBusPolicy as rule } from "../../../../policy/rules/events/disallowPublicEventBusPolicy";
import { T } from "../../../../policy/lib/types";
import { runPolicy } from "../../../helpers/policy";
import { ACCOUNT, REGION } from "../../../helpers/policyFixtures";
import { describeExposureCases } from "../../../helpers/resourcePolicyCases";

const BUS_ARN = `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/orders`;
const busPolicy = (policy: string) => ({ type: T.eventBusPolicy, props: { eventBusName: "orders", policy } });

describe("rule: disallow-public-event-bus-policy", () => {
    it("passes a bus shared with the organization", async () => {
        const policy = JSON.stringify({
            Statement: [{ Effect: "Allow", Principal: "*", Action: "events:PutEvents", Resource: BUS_ARN, Condition: { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } }],
        });
        assert.deepEqual(await runPolicy(rule, busPolicy(policy)), []);
    });

    it("reports a bus anyone may put events on", async () => {
        const policy = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "events:PutEvents", Resource: BUS_ARN }] });
        assert.deepEqual(await runPolicy(rule, busPolicy(policy)), ['policy statement 0: allows "events:PutEvents" to Principal "*" with no condition']);
    });

    describeExposureCases({ rule, resources: [busPolicy], action: "events:PutEvents", arn: BUS_ARN });
});
