import { resourceRule } from "../../lib/rule";
import { T } from "../../lib/types";
import { isUnknown, knownString } from "../../lib/unknown";

interface Config {
    allowedPublicRoutes: string[];
}

/**
 * WebSocket route keys (`$connect`, `$disconnect`, custom action names) have no space and are not `$default`;
 * only `$connect` of a WebSocket API can carry authorization, so the others are not this rule's business.
 * A WebSocket API's `$default` cannot be told apart from an HTTP API's by the route alone: list it in
 * allowedPublicRoutes if needed.
 */
function isHttpRouteKey(routeKey: string): boolean {
    return routeKey === "$default" || /^[A-Z]+ \//.test(routeKey);
}

export const disallowUnauthorizedApiRoutes = resourceRule<Config>({
    name: "disallow-unauthorized-api-routes",
    description:
        "HTTP API routes must require authorization (authorizationType AWS_IAM, JWT or CUSTOM), except the route keys listed in allowedPublicRoutes (GET /health by default).",
    enforcementLevel: "mandatory",
    severity: "high",
    topics: ["api", "authentication"],
    anchors: ["Checkov CKV_AWS_309"],
    rationale: "A route without authorization lets anyone who finds the URL call the function behind it, and write to the database through it.",
    remediationSteps:
        "Set authorizationType to AWS_IAM, or to JWT or CUSTOM with an authorizerId (in this blueprint: apiAuth iam or jwt), or list the route key in allowedPublicRoutes if it is meant to be public.",
    configSchema: {
        properties: {
            allowedPublicRoutes: { type: "array", items: { type: "string" }, default: ["GET /health"] },
        },
    },
    types: [T.apiRoute],
    check: (props, report, { config }) => {
        const routeKey = knownString(props.routeKey);
        // Unknown during a preview: nothing to compare with the allowlist, so nothing to report yet.
        if (routeKey === undefined || isUnknown(props.authorizationType) || !isHttpRouteKey(routeKey)) {
            return;
        }
        const type = knownString(props.authorizationType);
        // NONE is also what API Gateway uses when the property is not set.
        if ((type === undefined || type.toUpperCase() === "NONE") && !config.allowedPublicRoutes.includes(routeKey)) {
            report(
                `route "${routeKey}" ${type === undefined ? "does not set authorizationType (API Gateway's default is NONE)" : "has authorizationType NONE"}: anyone can call it`,
            );
        }
    },
});
