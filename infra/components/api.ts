import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { LogLevel } from "../config";
import { buildLambdaBundle } from "../../app/build";
import { PolicyStatement, rdsConnectStatement, readEncryptedSecretsStatements } from "../lib/iam";
import { rdsDbConnectArn } from "../lib/arn";
import type { AppLogin } from "./appLogin";
import { VpcFunction } from "./vpcFunction";

export interface ApiArgs {
    readonly subnetIds: pulumi.Input<pulumi.Input<string>[]>;
    readonly securityGroupId: pulumi.Input<string>;
    readonly detachedSecurityGroupId: pulumi.Input<string>;
    readonly proxyEndpoint: pulumi.Input<string>;
    readonly proxyArn: pulumi.Input<string>;
    readonly dbName: string;
    readonly login: AppLogin;
    readonly kmsKeyArn: pulumi.Input<string>;
    readonly secretTtlSeconds: number;
    readonly region: string;
    readonly partition: pulumi.Input<string>;
    readonly accountId: pulumi.Input<string>;
    readonly memoryMb: number;
    readonly timeoutSeconds: number;
    readonly logRetentionDays: number;
    readonly logLevel: LogLevel;
    readonly throttleRateLimit: number;
    readonly throttleBurstLimit: number;
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
});

/**
 * The orders API: an HTTP API whose `$default` route proxies every request to the API function,
 * which does its own routing (so unknown paths get the app's 404 and wrong methods its 405).
 * The function gets only non-secret references in its environment and may read exactly one
 * secret (secret mode) or connect as exactly one database user through the proxy (IAM mode).
 */
export class Api extends pulumi.ComponentResource {
    readonly url: pulumi.Output<string>;
    readonly functionName: pulumi.Output<string>;

    constructor(name: string, args: ApiArgs, opts?: pulumi.ComponentResourceOptions) {
        super("blueprint:api:Api", name, {}, opts);
        const parent = { parent: this };

        const bundle = buildLambdaBundle("handler");
        const { login } = args;
        const statements: pulumi.Output<PolicyStatement[]> =
            login.mode === "iam"
                ? pulumi
                      .all([args.partition, args.accountId, args.proxyArn])
                      .apply(([partition, accountId, proxyArn]) => [
                          rdsConnectStatement(rdsDbConnectArn({ partition, region: args.region, accountId, proxyArn, dbUser: login.user })),
                      ])
                : pulumi.all([login.secretArn, args.kmsKeyArn]).apply(([secretArn, keyArn]) => readEncryptedSecretsStatements([secretArn], keyArn, args.region));

        const authEnvironment: Record<string, pulumi.Input<string>> =
            login.mode === "iam" ? { DB_AUTH: "iam", DB_USER: login.user } : { DB_AUTH: "secret", DB_SECRET_ARN: login.secretArn };

        const fn = new VpcFunction(
            `${name}-api`,
            {
                description: "orders API behind API Gateway",
                files: { "index.js": new pulumi.asset.StringAsset(bundle.code) },
                environment: {
                    DB_HOST: args.proxyEndpoint,
                    DB_PORT: "3306",
                    DB_NAME: args.dbName,
                    DB_TLS: "required",
                    SECRET_TTL_SECONDS: String(args.secretTtlSeconds),
                    POWERTOOLS_SERVICE_NAME: "orders-api",
                    ...authEnvironment,
                },
                subnetIds: args.subnetIds,
                securityGroupId: args.securityGroupId,
                detachedSecurityGroupId: args.detachedSecurityGroupId,
                memoryMb: args.memoryMb,
                timeoutSeconds: args.timeoutSeconds,
                logRetentionDays: args.logRetentionDays,
                logLevel: args.logLevel,
                statements,
            },
            parent,
        );

        const api = new aws.apigatewayv2.Api(
            `${name}-http-api`,
            { protocolType: "HTTP", description: `${name}: orders API` },
            parent,
        );
        const integration = new aws.apigatewayv2.Integration(
            `${name}-lambda`,
            {
                apiId: api.id,
                integrationType: "AWS_PROXY",
                integrationUri: fn.functionArn,
                payloadFormatVersion: "2.0",
                timeoutMilliseconds: 30_000,
            },
            parent,
        );
        new aws.apigatewayv2.Route(
            `${name}-default-route`,
            { apiId: api.id, routeKey: "$default", target: pulumi.interpolate`integrations/${integration.id}` },
            parent,
        );

        const accessLogs = new aws.cloudwatch.LogGroup(
            `${name}-api-access-logs`,
            { name: `/aws/apigateway/${name}`, retentionInDays: args.logRetentionDays },
            parent,
        );
        const stage = new aws.apigatewayv2.Stage(
            `${name}-stage`,
            {
                apiId: api.id,
                // Each environment is its own stack with its own API, so the stage is the API's
                // default one and URLs carry no stage prefix.
                name: "$default",
                autoDeploy: true,
                accessLogSettings: { destinationArn: accessLogs.arn, format: ACCESS_LOG_FORMAT },
                defaultRouteSettings: {
                    throttlingRateLimit: args.throttleRateLimit,
                    throttlingBurstLimit: args.throttleBurstLimit,
                    detailedMetricsEnabled: true,
                },
            },
            parent,
        );

        new aws.lambda.Permission(
            `${name}-invoke-from-api`,
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
        this.registerOutputs({ url: this.url, functionName: this.functionName });
    }
}
