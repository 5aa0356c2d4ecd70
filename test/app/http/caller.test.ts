import { strict as assert } from "node:assert";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { callerOf } from "../../../app/src/http/caller";
import { CallerNotIdentifiedError } from "../../../app/src/http/errors";
import { anonymousCaller } from "../../../app/src/orders/caller";
import { apiEvent } from "../support/apiEvents";

const roleSession = "arn:aws:sts::123456789012:assumed-role/orders-client/alice";

/** An event as an HTTP API delivers it (payload 2.0), with the authorizer context API Gateway adds. */
function withAuthorizer(authorizer: unknown, headers: Record<string, string> = {}): APIGatewayProxyEventV2 {
    const event = apiEvent("POST", "/orders", { headers });
    return { ...event, requestContext: { ...event.requestContext, authorizer } as APIGatewayProxyEventV2["requestContext"] };
}

const iam = (userArn: unknown) => ({
    iam: { accessKey: "ASIAEXAMPLE", accountId: "123456789012", callerId: "AROAEXAMPLE:alice", cognitoIdentity: null, principalOrgId: null, userArn, userId: "AROAEXAMPLE:alice" },
});
const jwt = (claims: Record<string, unknown>) => ({ jwt: { claims, scopes: null } });

describe("http: callerOf", () => {
    it("is anonymous when no authorizer ran (apiAuth none, the public GET /health)", () => {
        assert.equal(callerOf(apiEvent("POST", "/orders")), anonymousCaller);
        assert.equal(callerOf(withAuthorizer(null)), anonymousCaller);
    });

    it("is the signer's ARN on an AWS_IAM route, session name included", () => {
        assert.equal(callerOf(withAuthorizer(iam(roleSession))), `iam:${roleSession}`);
        assert.notEqual(
            callerOf(withAuthorizer(iam(roleSession))),
            callerOf(withAuthorizer(iam("arn:aws:sts::123456789012:assumed-role/orders-client/bob"))),
        );
    });

    it("is the token's issuer and subject on a JWT route", () => {
        const caller = callerOf(withAuthorizer(jwt({ iss: "https://idp.example.com/", sub: "user-1", aud: "orders" })));
        assert.equal(caller, "jwt:https://idp.example.com/#user-1");
        assert.notEqual(caller, callerOf(withAuthorizer(jwt({ iss: "https://other.example.com/", sub: "user-1" }))));
    });

    it("never takes the caller from a header, not even the dev server's", () => {
        const headers = { "x-dev-caller": roleSession, "x-amz-security-token": "x", authorization: "Bearer x" };
        assert.equal(callerOf(apiEvent("POST", "/orders", { headers })), anonymousCaller);
        assert.equal(callerOf(withAuthorizer(iam("arn:aws:iam::123456789012:user/carol"), headers)), "iam:arn:aws:iam::123456789012:user/carol");
    });

    it("refuses with 403 a token without sub, or a signature without an ARN, rather than guessing a scope", () => {
        for (const authorizer of [jwt({ iss: "https://idp.example.com/" }), jwt({ sub: 42 }), jwt({ sub: "" }), iam(undefined), iam("")]) {
            assert.throws(() => callerOf(withAuthorizer(authorizer)), (error: unknown) => {
                assert.ok(error instanceof CallerNotIdentifiedError);
                assert.equal(error.status, 403);
                return true;
            });
        }
    });

    it("fails loudly on a Lambda authorizer it does not know how to read", () => {
        assert.throws(() => callerOf(withAuthorizer({ lambda: { user: "x" } })), /extend callerOf/);
    });
});
