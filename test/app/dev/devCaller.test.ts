import { strict as assert } from "node:assert";
import type { IncomingMessage } from "node:http";
import { apiGatewayEvent, devTokenIssuer, fromNodeRequest } from "../../../app/dev/apiGatewayEvent";
import { callerOf } from "../../../app/src/http/caller";
import { anonymousCaller } from "../../../app/src/orders/caller";

function nodeRequest(headers: Record<string, string>): IncomingMessage {
    return { url: "/orders", method: "POST", headers, socket: { remoteAddress: "127.0.0.1" } } as unknown as IncomingMessage;
}

describe("dev: X-Dev-Caller", () => {
    it("turns an ARN into the IAM authorizer context an AWS_IAM route would add", () => {
        const arn = "arn:aws:sts::123456789012:assumed-role/dev/alice";
        const event = fromNodeRequest(nodeRequest({ "x-dev-caller": arn }), Buffer.alloc(0));
        assert.deepEqual((event.requestContext as unknown as { authorizer: { iam: { userArn: string; accountId: string } } }).authorizer.iam.userArn, arn);
        assert.equal(callerOf(event), `iam:${arn}`);
    });

    it("turns anything else into the sub of a token, as a JWT route would", () => {
        const event = fromNodeRequest(nodeRequest({ "X-Dev-Caller": "user-1" }), Buffer.alloc(0));
        assert.equal(callerOf(event), `jwt:${devTokenIssuer}#user-1`);
    });

    it("takes the header out of the event, so the handler can only see the identity the authorizer reports", () => {
        const event = fromNodeRequest(nodeRequest({ "x-dev-caller": "user-1", accept: "application/json" }), Buffer.alloc(0));
        assert.equal(event.headers["x-dev-caller"], undefined);
        assert.equal(event.headers.accept, "application/json");
    });

    it("leaves a request without the header anonymous, as apiAuth none would", () => {
        assert.equal(callerOf(fromNodeRequest(nodeRequest({}), Buffer.alloc(0))), anonymousCaller);
        assert.equal(callerOf(fromNodeRequest(nodeRequest({ "x-dev-caller": "  " }), Buffer.alloc(0))), anonymousCaller);
        assert.equal("authorizer" in apiGatewayEvent("GET", "/time").requestContext, false);
    });
});
