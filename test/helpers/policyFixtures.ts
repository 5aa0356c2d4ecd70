/**
 * Compliant baselines, one per resource type, shaped like what the blueprint creates (input
 * property names as the policy SDK sees them). Every function returns a fresh copy, so a spec can
 * change one property and keep the rest compliant.
 */
import { randomBytes } from "node:crypto";
import { T } from "../../policy/lib/types";
import { FIXTURE_ACCOUNT, FIXTURE_REGION } from "./fixtureValues";
import type { TestResource } from "./policy";

export const ACCOUNT = FIXTURE_ACCOUNT;
export const REGION = FIXTURE_REGION;
export const KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/0b8f6c2e-4c1a-4e8e-9a57-6f1f3a2b9c01`;
export const ADMIN_SECRET_ARN = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:rds!db-3f1c2b7e-AbCdEf`;
export const APP_SECRET_ARN = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:orders-dev/app-AbCdEf`;
export const LOG_GROUP_ARN = `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/lambda/orders-api`;
export const DB_USER_ARN = `arn:aws:rds-db:${REGION}:${ACCOUNT}:dbuser:prx-0a1b2c3d4e5f67890/app`;
export const VPC_ACCESS_POLICY = "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole";

export type Doc = { Version: string; Statement: Record<string, unknown>[] };

export function lambdaEnvironment(): Record<string, string> {
    return {
        DB_HOST: `orders-dev-proxy.proxy-c1a2b3c4d5e6.${REGION}.rds.amazonaws.com`,
        DB_PORT: "3306",
        DB_NAME: "orders",
        DB_AUTH: "secret",
        DB_SECRET_ARN: APP_SECRET_ARN,
        DB_ADMIN_SECRET_ARN: ADMIN_SECRET_ARN,
        DB_APP_SECRET_ARN: APP_SECRET_ARN,
        DB_USER: "app",
        DB_TLS: "required",
        SECRET_TTL_SECONDS: "300",
        POWERTOOLS_SERVICE_NAME: "orders-api",
        POWERTOOLS_LOG_LEVEL: "INFO",
    };
}

export function lambdaFunction(): TestResource {
    return {
        type: T.lambdaFunction,
        name: "orders-api",
        props: {
            handler: "index.handler",
            runtime: "nodejs22.x",
            role: `arn:aws:iam::${ACCOUNT}:role/orders-api`,
            code: { assets: { "index.js": { text: "exports.handler = async () => ({ statusCode: 200 });\n" } } },
            environment: { variables: lambdaEnvironment() },
            vpcConfig: { subnetIds: ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"], securityGroupIds: ["sg-0a1b2c3d4e5f60001"] },
        },
    };
}

/** The runtime policy of the API function: ENI actions on "*", the rest scoped. */
export function runtimePolicy(): Doc {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "VpcAccess",
                Effect: "Allow",
                Action: [
                    "ec2:CreateNetworkInterface",
                    "ec2:DescribeNetworkInterfaces",
                    "ec2:DeleteNetworkInterface",
                    "ec2:AssignPrivateIpAddresses",
                    "ec2:UnassignPrivateIpAddresses",
                ],
                Resource: "*",
            },
            { Sid: "Logs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: `${LOG_GROUP_ARN}:*` },
            { Sid: "ReadAppSecret", Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: APP_SECRET_ARN },
            {
                Sid: "DecryptViaSecretsManager",
                Effect: "Allow",
                Action: "kms:Decrypt",
                Resource: KEY_ARN,
                Condition: { StringEquals: { "kms:ViaService": `secretsmanager.${REGION}.amazonaws.com` } },
            },
            { Sid: "ConnectAsApp", Effect: "Allow", Action: "rds-db:connect", Resource: DB_USER_ARN },
        ],
    };
}

export function trustPolicy(service = "lambda.amazonaws.com"): Doc {
    return {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }],
    };
}

export function iamRole(): TestResource {
    return {
        type: T.iamRole,
        name: "orders-api",
        props: {
            assumeRolePolicy: JSON.stringify(trustPolicy()),
            inlinePolicies: [{ name: "runtime", policy: JSON.stringify(runtimePolicy()) }],
            managedPolicyArns: [VPC_ACCESS_POLICY],
        },
    };
}

export function proxyRole(): TestResource {
    const trust = trustPolicy("rds.amazonaws.com");
    trust.Statement[0]!.Condition = { StringEquals: { "aws:SourceAccount": ACCOUNT } };
    return {
        type: T.iamRole,
        name: "orders-proxy",
        props: {
            assumeRolePolicy: trust,
            inlinePolicies: [
                {
                    name: "read-secrets",
                    policy: JSON.stringify({
                        Version: "2012-10-17",
                        Statement: [{ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: [ADMIN_SECRET_ARN, APP_SECRET_ARN] }],
                    }),
                },
            ],
        },
    };
}

export function iamPolicy(document: unknown = JSON.stringify(runtimePolicy())): TestResource {
    return { type: T.iamPolicy, name: "orders-runtime", props: { policy: document } };
}

export function rolePolicyAttachment(policyArn = VPC_ACCESS_POLICY): TestResource {
    return { type: T.iamRolePolicyAttachment, name: "orders-vpc-access", props: { role: "orders-api", policyArn } };
}

export function kmsKey(): TestResource {
    return {
        type: T.kmsKey,
        name: "orders-cmk",
        props: {
            enableKeyRotation: true,
            policy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [
                    { Sid: "AccountRoot", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" },
                    {
                        Sid: "SecretsManager",
                        Effect: "Allow",
                        Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
                        Action: ["kms:Decrypt", "kms:GenerateDataKey"],
                        Resource: "*",
                        Condition: { StringEquals: { "kms:ViaService": `secretsmanager.${REGION}.amazonaws.com` } },
                    },
                ],
            }),
        },
    };
}

export function vpcEndpoint(): TestResource {
    return {
        type: T.vpcEndpoint,
        name: "orders-secretsmanager",
        props: {
            serviceName: `com.amazonaws.${REGION}.secretsmanager`,
            vpcEndpointType: "Interface",
            privateDnsEnabled: true,
            policy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [
                    {
                        Effect: "Allow",
                        Principal: "*",
                        Action: "secretsmanager:GetSecretValue",
                        Resource: [ADMIN_SECRET_ARN, APP_SECRET_ARN],
                        Condition: { StringEquals: { "aws:PrincipalAccount": ACCOUNT } },
                    },
                ],
            }),
        },
    };
}

export function rdsInstance(): TestResource {
    return {
        type: T.rdsInstance,
        name: "orders-db",
        props: {
            engine: "mysql",
            engineVersion: "8.0",
            instanceClass: "db.t4g.micro",
            allocatedStorage: 20,
            username: "admin",
            manageMasterUserPassword: true,
            masterUserSecretKmsKeyId: KEY_ARN,
            storageEncrypted: true,
            kmsKeyId: KEY_ARN,
            iamDatabaseAuthenticationEnabled: true,
            publiclyAccessible: false,
            backupRetentionPeriod: 14,
            deletionProtection: true,
            dbSubnetGroupName: "orders-db",
            vpcSecurityGroupIds: ["sg-0a1b2c3d4e5f60002"],
        },
    };
}

export function rdsCluster(): TestResource {
    return {
        type: T.rdsCluster,
        name: "orders-cluster",
        props: {
            engine: "aurora-mysql",
            masterUsername: "admin",
            manageMasterUserPassword: true,
            storageEncrypted: true,
            kmsKeyId: KEY_ARN,
            iamDatabaseAuthenticationEnabled: true,
            backupRetentionPeriod: 14,
            deletionProtection: true,
        },
    };
}

export function rdsProxy(): TestResource {
    return {
        type: T.rdsProxy,
        name: "orders-proxy",
        props: {
            engineFamily: "MYSQL",
            requireTls: true,
            roleArn: `arn:aws:iam::${ACCOUNT}:role/orders-proxy`,
            vpcSubnetIds: ["subnet-0a1b2c3d4e5f60001"],
            vpcSecurityGroupIds: ["sg-0a1b2c3d4e5f60003"],
            auths: [{ authScheme: "SECRETS", iamAuth: "REQUIRED", secretArn: APP_SECRET_ARN }],
        },
    };
}

export function secret(): TestResource {
    return { type: T.secret, name: "orders-app-secret", props: { name: "orders-dev/app", kmsKeyId: KEY_ARN } };
}

export function secretRotation(secretId: unknown = APP_SECRET_ARN): TestResource {
    return {
        type: T.secretRotation,
        name: "orders-app-rotation",
        props: { secretId, rotationLambdaArn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:rotate`, rotationRules: { automaticallyAfterDays: 30 } },
    };
}

export function securityGroup(): TestResource {
    return {
        type: T.securityGroup,
        name: "orders-db-sg",
        props: {
            vpcId: "vpc-0a1b2c3d4e5f60001",
            ingress: [{ protocol: "tcp", fromPort: 3306, toPort: 3306, securityGroups: ["sg-0a1b2c3d4e5f60003"] }],
        },
    };
}

export function securityGroupRule(): TestResource {
    return {
        type: T.securityGroupRule,
        name: "orders-db-from-proxy",
        props: { type: "ingress", protocol: "tcp", fromPort: 3306, toPort: 3306, securityGroupId: "sg-0a1b2c3d4e5f60002", sourceSecurityGroupId: "sg-0a1b2c3d4e5f60003" },
    };
}

export function securityGroupIngressRule(): TestResource {
    return {
        type: T.securityGroupIngressRule,
        name: "orders-proxy-from-lambda",
        props: { securityGroupId: "sg-0a1b2c3d4e5f60003", referencedSecurityGroupId: "sg-0a1b2c3d4e5f60001", fromPort: 3306, toPort: 3306, ipProtocol: "tcp" },
    };
}

export function apiStage(): TestResource {
    return {
        type: T.apiStage,
        name: "orders-default",
        props: {
            apiId: "a1b2c3d4e5",
            name: "$default",
            autoDeploy: true,
            accessLogSettings: {
                destinationArn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/apigateway/orders`,
                format: JSON.stringify({ requestId: "$context.requestId", status: "$context.status" }),
            },
            defaultRouteSettings: { throttlingBurstLimit: 100, throttlingRateLimit: 50 },
        },
    };
}

/** The blueprint's `$default` route with its default `apiAuth: iam`. */
export function apiRoute(): TestResource {
    return {
        type: T.apiRoute,
        name: "orders-default-route",
        props: { apiId: "a1b2c3d4e5", routeKey: "$default", target: "integrations/abc123", authorizationType: "AWS_IAM" },
    };
}

export function lambdaPermission(): TestResource {
    return {
        type: T.lambdaPermission,
        name: "orders-api-invoke",
        props: {
            action: "lambda:InvokeFunction",
            function: "orders-api",
            principal: "apigateway.amazonaws.com",
            sourceArn: `arn:aws:execute-api:${REGION}:${ACCOUNT}:a1b2c3d4e5/*/*`,
        },
    };
}

export function ssmParameter(): TestResource {
    return { type: T.ssmParameter, name: "orders-db-host", props: { name: "/orders/dev/db-host", type: "String", value: "orders-dev-proxy.example.internal" } };
}

export function ec2Instance(): TestResource {
    return { type: T.ec2Instance, name: "bastion", props: { ami: "ami-0a1b2c3d4e5f60001", instanceType: "t4g.micro", userData: "#!/bin/bash\ndnf -y update\n" } };
}

export function lambdaInvocation(): TestResource {
    return { type: "aws:lambda/invocation:Invocation", name: "orders-migrate", props: { functionName: "orders-migrate", input: JSON.stringify({ action: "migrate" }) } };
}

/** Roughly what the blueprint plans: must give zero mandatory violations with dev and prod config. */
export function blueprintResources(): TestResource[] {
    const appSecret = secret();
    return [
        kmsKey(),
        vpcEndpoint(),
        rdsInstance(),
        rdsProxy(),
        appSecret,
        iamRole(),
        proxyRole(),
        rolePolicyAttachment(),
        lambdaFunction(),
        securityGroup(),
        securityGroupRule(),
        securityGroupIngressRule(),
        apiStage(),
        apiRoute(),
        { ...apiRoute(), name: "orders-get-health-route", props: { ...apiRoute().props, routeKey: "GET /health", authorizationType: "NONE" } },
        lambdaPermission(),
        lambdaInvocation(),
    ];
}

/** A password-shaped value made at test time, for the cases a scanner must catch. */
export function generatedPassword(): string {
    return `Pw${randomBytes(15).toString("base64url")}9`;
}

/** An ECS task definition that reads its password from Secrets Manager (`secrets`, valueFrom). */
export function ecsTaskDefinition(): TestResource {
    return {
        type: T.ecsTaskDefinition,
        name: "orders-worker",
        props: {
            family: "orders-worker",
            containerDefinitions: JSON.stringify([
                {
                    name: "worker",
                    image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/orders-worker:1.4.2`,
                    command: ["node", "worker.js", "--queue", "orders"],
                    environment: [
                        { name: "DB_HOST", value: `orders-dev-proxy.proxy-c1a2b3c4d5e6.${REGION}.rds.amazonaws.com` },
                        { name: "DB_USER", value: "app" },
                        { name: "KMS_KEY_ID", value: "alias/orders" },
                    ],
                    secrets: [{ name: "DB_PASSWORD", valueFrom: APP_SECRET_ARN }],
                },
            ]),
        },
    };
}

/** The deploy role GitHub Actions assumes for this repository's main branch (the README's CI setup). */
export function githubOidcTrust(): Doc {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com` },
                Action: "sts:AssumeRoleWithWebIdentity",
                Condition: {
                    StringEquals: {
                        "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
                        "token.actions.githubusercontent.com:sub": "repo:example-org/orders:environment:prod",
                    },
                },
            },
        ],
    };
}

export function githubOidcRole(): TestResource {
    return { type: T.iamRole, name: "orders-deploy", props: { assumeRolePolicy: JSON.stringify(githubOidcTrust()) } };
}
