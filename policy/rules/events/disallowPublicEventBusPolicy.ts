import { RESOURCE_POLICY_TYPES } from "../../lib/iamSources";
import { exposureRule } from "../../lib/resourcePolicy";

export const disallowPublicEventBusPolicy = exposureRule({
    name: "disallow-public-event-bus-policy",
    subject: "EventBridge event bus policies",
    narrowTo: "an account, organization or source ARN",
    topics: ["events", "iam", "exposure"],
    rationale: "A bus open to \"*\" lets any AWS account put events on it: consumers and the read model act on forged events.",
    anchors: ["Prowler eventbridge_bus_exposed"],
    remediationSteps: "Name the account root or role ARNs that may put events, or keep \"*\" only with an aws:PrincipalOrgID condition.",
    types: RESOURCE_POLICY_TYPES.events,
});
