import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ApiAuthSettings, LogLevel } from "../config";
import type { LambdaBundle } from "../../app/build";
import { physicalPrefix } from "../lib/naming";
import { appDatabaseAccess } from "./appDatabaseAccess";
import type { AppLogin } from "./appLogin";
import { accountIdOf, partitionOf, regionOf } from "./awsScope";
import { VpcFunction } from "./vpcFunction";

export interface ApiArgs {
    /**
     * The API function's code, bundled by the entry point for this stack's `dbAuth` (app/build.ts): each auth mode
     * ships only what it loads, IAM mode no AWS SDK at all, secret mode its Secrets Manager client.
     */
    readonly code: LambdaBundle;
    readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    readonly securityGroupId: pulumi.Input<string>;
    readonly detachedSecurityGroupId: pulumi.Input<string>;
    readonly proxyEndpoint: pulumi.Input<string>;
    readonly proxyArn: pulumi.Input<string>;
    readonly dbName: string;
    readonly login: AppLogin;
    readonly kmsKeyArn: pulumi.Input<string>;
    readonly secretTtlSeconds: number;
    readonly memoryMb: number;
    readonly timeoutSeconds: number;
    readonly logRetentionDays: number;
    readonly logLevel: LogLevel;
    readonly throttleRateLimit: number;
    readonly throttleBurstLimit: number;
    /** How callers authenticate to the HTTP API (not to be confused with `login`, the function's database login). */
    readonly callerAuth: ApiAuthSettings;
    /** CloudWatch namespace of the app's own metrics (app/src/metrics.ts). */
    readonly metricsNamespace: string;
}

/** The API function's `service`: in its logs and as the dimension of its metrics. */
export const API_SERVICE_NAME = "orders-api";

/** The only stage: each environment is its own stack with its own API, so URLs carry no stage prefix. */
const STAGE = "$default";

/**
 * Route keys that stay public whatever `apiAuth` says: probes and uptime checks call `GET /health` without
 * credentials. The policy pack's `disallow-unauthorized-api-routes` allows exactly this list by default.
 */
export const PUBLIC_ROUTE_KEYS = ["GET /health"] as const;

/**
 * The throttle of each public route, per second across all callers: enough for any number of uptime checks, small
 * enough that anonymous traffic stays cheap (the route never reaches the database: app/src/http/api.ts). Route
 * settings override the stage's defaults for their route
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-throttling.html).
 */
export const PUBLIC_ROUTE_THROTTLE = { rateLimit: 5, burstLimit: 10 } as const;

/** The `authorizationType` of the routes that require a caller, per `apiAuth`. */
export function routeAuthorizationType(auth: ApiAuthSettings): "AWS_IAM" | "JWT" | "NONE" {
    switch (auth.mode) {
        case "iam":
            return "AWS_IAM";
        case "jwt":
            return "JWT";
        case "none":
            return "NONE";
    }
}

/**
 * What an IAM caller must be allowed `execute-api:Invoke` on: every route of this API's `$default` stage.
 * Endpoint ARNs of HTTP APIs are `arn:<partition>:execute-api:<region>:<account>:<api-id>/<stage>/<method>/<path>`,
 * except the `$default` route's, which is `.../<api-id>/<stage>/$default` with no method
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html). Hence `<stage>/*`
 * (IAM's `*` spans slashes): one wildcard for the method and another for the path would need a second slash,
 * and so miss the `$default` route, that is every path the app serves but `GET /health`.
 */
export function executeApiInvokeArn(parts: { partition: string; region: string; accountId: string; apiId: string }): string {
    return `arn:${parts.partition}:execute-api:${parts.region}:${parts.accountId}:${parts.apiId}/${STAGE}/*`;
}

/** Fields of each access log line; `$context` variables of HTTP APIs. */
const ACCESS_LOG_FORMAT = JSON.stringify({
    requestId: "$context.requestId",
    ip: "$context.identity.sourceIp",
    requestTime: "$context.requestTime",
    method: "$context.httpMethod",
    path: "$context.path",
    routeKey: "$context.routeKey",
    status: "$context.status",
    protocol: "$context.protocol",
    responseLength: "$context.responseLength",
    latencyMs: "$context.responseLatency",
    integrationLatencyMs: "$context.integrationLatency",
    integrationError: "$context.integrationErrorMessage",
    // Who called: the signer (AWS_IAM routes) or the token's subject (JWT routes), and why a caller was refused.
    callerArn: "$context.identity.userArn",
    callerSub: "$context.authorizer.claims.sub",
    authorizerError: "$context.authorizer.error",
});

/**
 * The orders API: an HTTP API whose `$default` route proxies every request to the API function,
 * which does its own routing (so unknown paths get the app's 404 and wrong methods its 405), behind
 * the authorization `apiAuth` chooses; `GET /health` alone stays public.
 * The function gets only non-secret references in its environment and may read exactly one
 * secret (secret mode) or connect as exactly one database user through the proxy (IAM mode).
 */
export class Api extends pulumi.ComponentResource {
    readonly url: pulumi.Output<string>;
    readonly functionName: pulumi.Output<string>;
    /** ApiId and Stage: the dimensions of the API's CloudWatch metrics. */
    readonly apiId: pulumi.Output<string>;
    readonly stageName: pulumi.Output<string>;
    /** `apiAuth`: how callers authenticate. */
    readonly auth: pulumi.Output<ApiAuthSettings["mode"]>;
    /** With `apiAuth: iam`, the resource callers need `execute-api:Invoke` on; undefined otherwise. */
    readonly invokeArn: pulumi.Output<string> | undefined;

    constructor(name: string, args: ApiArgs, opts?: pulumi.ComponentResourceOptions) {
        super("blueprint:api:Api", name, {}, opts);
        const parent = { parent: this };

        const access = appDatabaseAccess(args, this);

        const fn = new VpcFunction(
            "api",
            {
                description: "orders API behind API Gateway",
                files: { "index.js": new pulumi.asset.StringAsset(args.code.code) },
                environment: {
                    ...access.environment,
                    POWERTOOLS_SERVICE_NAME: API_SERVICE_NAME,
                    POWERTOOLS_METRICS_NAMESPACE: args.metricsNamespace,
                },
                subnetIds: args.subnetIds,
                securityGroupId: args.securityGroupId,
                detachedSecurityGroupId: args.detachedSecurityGroupId,
                memoryMb: args.memoryMb,
                timeoutSeconds: args.timeoutSeconds,
                logRetentionDays: args.logRetentionDays,
                logLevel: args.logLevel,
                statements: access.statements,
            },
            parent,
        );

        const api = new aws.apigatewayv2.Api(
            "http-api",
            { protocolType: "HTTP", description: "orders API" },
            parent,
        );
        const integration = new aws.apigatewayv2.Integration(
            "lambda",
            {
                apiId: api.id,
                integrationType: "AWS_PROXY",
                integrationUri: fn.functionArn,
                payloadFormatVersion: "2.0",
                timeoutMilliseconds: 30_000,
            },
            parent,
        );
        const target = pulumi.interpolate`integrations/${integration.id}`;

        const { callerAuth } = args;
        const authorizer =
            callerAuth.mode === "jwt"
                ? new aws.apigatewayv2.Authorizer(
                      "jwt",
                      {
                          apiId: api.id,
                          // Unique within the API: no stack name needed.
                          name: "jwt",
                          authorizerType: "JWT",
                          // `Authorization: Bearer <token>` (the Bearer prefix is optional for API Gateway).
                          identitySources: ["$request.header.Authorization"],
                          jwtConfiguration: { issuer: callerAuth.issuer, audiences: [...callerAuth.audience] },
                      },
                      parent,
                  )
                : undefined;

        // Route layout. An HTTP API matches a request to the route with the same method and path first, then to a
        // greedy path, and uses `$default` only when nothing else matches
        // (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html, "Routing API
        // requests"). So `$default` carries the authorization and keeps proxying every other request to the
        // function, which routes itself: authenticated callers still get the app's 404 and 405 (with Allow), and
        // anonymous ones get API Gateway's 401/403 before the function runs. `$default` can carry an authorizer
        // (AWS's JWT example sets one on it: http-api-jwt-authorizer.html). The public routes are explicit and
        // exact: only `GET /health` matches, while HEAD or POST /health and /health/ fall to `$default`.
        // Renaming `-default-route` would replace the route: its name predates authorization.
        new aws.apigatewayv2.Route(
            "default-route",
            {
                apiId: api.id,
                routeKey: "$default",
                target,
                authorizationType: routeAuthorizationType(callerAuth),
                ...(authorizer === undefined ? {} : { authorizerId: authorizer.id }),
            },
            parent,
        );
        const publicRoutes = PUBLIC_ROUTE_KEYS.map((routeKey) => {
            const slug = routeKey.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
            return new aws.apigatewayv2.Route(`${slug}-route`, { apiId: api.id, routeKey, target, authorizationType: "NONE" }, parent);
        });

        // Access logs are vended logs: API Gateway adds each destination group to the account's CloudWatch Logs
        // resource policy (at most 5,120 characters, entries never removed), and near that limit only groups
        // under /aws/vendedlogs/ still work (CloudWatch Logs "Enabling logging from AWS services"; Step Functions
        // "Avoiding CloudWatch Logs resource policy size restrictions"; serverless/serverless#10469). The name is
        // set at creation and kept on a rename (ignoreChanges), like the functions' log groups (docs/naming.md).
        const accessLogs = new aws.cloudwatch.LogGroup(
            "api-access-logs",
            { name: `/aws/vendedlogs/apigateway/${physicalPrefix()}`, retentionInDays: args.logRetentionDays },
            { ...parent, ignoreChanges: ["name"] },
        );
        const stage = new aws.apigatewayv2.Stage(
            "stage",
            {
                apiId: api.id,
                name: STAGE,
                autoDeploy: true,
                accessLogSettings: { destinationArn: accessLogs.arn, format: ACCESS_LOG_FORMAT },
                defaultRouteSettings: {
                    throttlingRateLimit: args.throttleRateLimit,
                    throttlingBurstLimit: args.throttleBurstLimit,
                    detailedMetricsEnabled: true,
                },
                // Anyone may call the public routes, so they get a budget of their own: a flood of anonymous probes
                // is throttled there and cannot use up the authenticated callers' stage limit.
                routeSettings: PUBLIC_ROUTE_KEYS.map((routeKey) => ({
                    routeKey,
                    throttlingRateLimit: PUBLIC_ROUTE_THROTTLE.rateLimit,
                    throttlingBurstLimit: PUBLIC_ROUTE_THROTTLE.burstLimit,
                    detailedMetricsEnabled: true,
                })),
            },
            // API Gateway refuses route settings for a route key that does not exist yet.
            { ...parent, dependsOn: publicRoutes },
        );

        new aws.lambda.Permission(
            "invoke-from-api",
            {
                action: "lambda:InvokeFunction",
                function: fn.functionName,
                principal: "apigateway.amazonaws.com",
                // Only this API, any stage and route of it, may invoke the function.
                sourceArn: pulumi.interpolate`${api.executionArn}/*/*`,
            },
            parent,
        );

        this.url = stage.invokeUrl;
        this.functionName = fn.functionName;
        this.apiId = api.id;
        this.stageName = stage.name;
        this.auth = pulumi.output(callerAuth.mode);
        this.invokeArn =
            callerAuth.mode === "iam"
                ? pulumi
                      .all([partitionOf(this), regionOf(this), accountIdOf(this), api.id])
                      .apply(([partition, region, accountId, apiId]) => executeApiInvokeArn({ partition, region, accountId, apiId }))
                : undefined;
        this.registerOutputs({ url: this.url, functionName: this.functionName, auth: this.auth, invokeArn: this.invokeArn });
    }
}
