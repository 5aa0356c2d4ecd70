import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { anonymousCaller, type CallerId } from "../orders/caller";
import { CallerNotIdentifiedError } from "./errors";

/** The part of payload 2.0's `requestContext.authorizer` this API reads; absent on a route without authorization. */
interface AuthorizerContext {
    readonly iam?: { readonly userArn?: unknown };
    readonly jwt?: { readonly claims?: Readonly<Record<string, unknown>> };
    readonly lambda?: unknown;
}

/**
 * Who sent the request, from what API Gateway's authorizer put into the event; never from a header, which is
 * whatever the client chose to send. Pure.
 *
 * - `AWS_IAM` route: `iam:<requestContext.authorizer.iam.userArn>`, the signer's ARN. For an assumed role
 *   that is `arn:aws:sts::<account>:assumed-role/<role>/<session>`: the session name is part of the identity,
 *   as it is in CloudTrail, so two people behind one SSO role are two callers.
 * - `JWT` route: `jwt:<iss>#<sub>`. `sub` is unique only within its issuer; an OIDC issuer is an https URL
 *   with no fragment, so `#` cannot occur in it and the pair is unambiguous.
 * - No authorizer (`apiAuth: none`, the public `GET /health`): the shared anonymous scope.
 *
 * Payload 2.0 fields: https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
 * and, for JWT claims, https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html
 * @throws CallerNotIdentifiedError (403) when an authorizer vouched for a caller without saying who it is.
 */
export function callerOf(event: APIGatewayProxyEventV2): CallerId {
    const authorizer = (event.requestContext as { authorizer?: AuthorizerContext | null }).authorizer ?? {};
    if (authorizer.iam !== undefined) {
        const arn = authorizer.iam.userArn;
        if (typeof arn !== "string" || arn === "") {
            throw new CallerNotIdentifiedError("The signed request carries no caller ARN");
        }
        return `iam:${arn}`;
    }
    if (authorizer.jwt !== undefined) {
        const { iss, sub } = authorizer.jwt.claims ?? {};
        if (typeof sub !== "string" || sub === "") {
            throw new CallerNotIdentifiedError("The token carries no sub claim; this API needs one to tell callers apart");
        }
        return `jwt:${typeof iss === "string" ? iss : ""}#${sub}`;
    }
    if (authorizer.lambda !== undefined) {
        // A Lambda authorizer (CUSTOM) says who the caller is in a context of its own making: a fork that adds one
        // must decide here which field identifies the caller. Folding its callers into the anonymous scope would
        // silently share their idempotency keys, so this is a 500 until then.
        throw new Error("Unsupported Lambda authorizer context: extend callerOf() in app/src/http/caller.ts");
    }
    return anonymousCaller;
}
