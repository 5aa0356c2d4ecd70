import * as pulumi from "@pulumi/pulumi";
import type { PlannedResource } from "./mocks";

/** Inputs that hold or may hold credentials; the plan never prints them. */
const SENSITIVE_INPUTS = new Set(["secretString", "password", "result", "secretBinary"]);

/** The inputs worth seeing per resource type; other types show their first few scalar inputs. */
const KEY_INPUTS: Record<string, readonly string[]> = {
    "awsx:ec2:Vpc": ["cidrBlock", "numberOfAvailabilityZones", "natGateways", "enableDnsHostnames", "enableDnsSupport"],
    "aws:rds/instance:Instance": [
        "engineVersion",
        "instanceClass",
        "multiAz",
        "publiclyAccessible",
        "storageEncrypted",
        "manageMasterUserPassword",
        "iamDatabaseAuthenticationEnabled",
        "backupRetentionPeriod",
        "deletionProtection",
        "performanceInsightsEnabled",
    ],
    "aws:rds/proxy:Proxy": ["engineFamily", "requireTls", "idleClientTimeout"],
    "aws:rds/proxyDefaultTargetGroup:ProxyDefaultTargetGroup": ["connectionPoolConfig"],
    "aws:rds/parameterGroup:ParameterGroup": ["family", "parameters"],
    "aws:kms/key:Key": ["enableKeyRotation"],
    "aws:ec2/vpcEndpoint:VpcEndpoint": ["serviceName", "vpcEndpointType", "privateDnsEnabled"],
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": ["ipProtocol", "fromPort", "toPort", "description"],
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": ["ipProtocol", "fromPort", "toPort", "description"],
    "aws:lambda/function:Function": ["runtime", "architectures", "memorySize", "timeout"],
    "aws:apigatewayv2/stage:Stage": ["name", "defaultRouteSettings"],
    "aws:cloudwatch/logGroup:LogGroup": ["name", "retentionInDays"],
    "aws:ec2/flowLog:FlowLog": ["trafficType", "logDestinationType"],
    "aws:iam/role:Role": ["description"],
    "aws:iam/rolePolicy:RolePolicy": ["role"],
    "aws:apigatewayv2/api:Api": ["protocolType"],
    "aws:apigatewayv2/integration:Integration": ["integrationType", "payloadFormatVersion"],
    "aws:apigatewayv2/route:Route": ["routeKey", "authorizationType"],
    "aws:apigatewayv2/authorizer:Authorizer": ["authorizerType", "jwtConfiguration"],
    "aws:lambda/permission:Permission": ["action", "principal", "sourceArn"],
    "aws:lambda/invocation:Invocation": ["functionName"],
    "aws:secretsmanager/secret:Secret": ["kmsKeyId", "recoveryWindowInDays"],
    "aws:secretsmanager/secretVersion:SecretVersion": ["secretId", "secretString"],
    "aws:rds/proxyTarget:ProxyTarget": ["dbInstanceIdentifier", "targetGroupName"],
    "random:index/randomPassword:RandomPassword": ["length", "special"],
};

export interface PlanRow {
    readonly type: string;
    readonly name: string;
    readonly inputs: Record<string, unknown>;
}

/** How the engine marks a secret value in resource inputs. */
export function isSecretValue(value: unknown): value is { value: unknown } {
    return (
        typeof value === "object" &&
        value !== null &&
        (value as Record<string, unknown>)[pulumi.runtime.specialSigKey] === pulumi.runtime.specialSecretSig
    );
}

/**
 * Drops secret-marked values and the values of sensitive inputs at any depth, keeping their
 * keys so the plan shows they are set.
 */
export function redact(value: unknown): unknown {
    if (isSecretValue(value)) {
        return "[secret]";
    }
    if (Array.isArray(value)) {
        return value.map(redact);
    }
    if (value && typeof value === "object") {
        return Object.fromEntries(
            Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SENSITIVE_INPUTS.has(k) ? "[secret]" : redact(v)]),
        );
    }
    return value;
}

export function planRows(resources: readonly PlannedResource[]): PlanRow[] {
    return resources.map((r) => ({ type: r.type, name: r.name, inputs: redact(r.inputs) as Record<string, unknown> }));
}

function summarize(row: PlanRow): string {
    const keys = KEY_INPUTS[row.type] ?? Object.keys(row.inputs).filter((k) => isScalar(row.inputs[k]) && k !== "tags").slice(0, 3);
    return keys
        .filter((k) => row.inputs[k] !== undefined)
        .map((k) => `${k}=${typeof row.inputs[k] === "string" ? row.inputs[k] : JSON.stringify(row.inputs[k])}`)
        .join(" ");
}

function isScalar(value: unknown): boolean {
    return ["string", "number", "boolean"].includes(typeof value);
}

/** A fixed-width table: type, name, key inputs. */
export function formatPlanTable(rows: readonly PlanRow[]): string {
    const header = { type: "TYPE", name: "NAME", inputs: "KEY INPUTS" };
    const lines = [header, ...rows.map((r) => ({ type: r.type, name: r.name, inputs: summarize(r) }))];
    const typeWidth = Math.max(...lines.map((l) => l.type.length));
    const nameWidth = Math.max(...lines.map((l) => l.name.length));
    return lines.map((l) => `${l.type.padEnd(typeWidth)}  ${l.name.padEnd(nameWidth)}  ${l.inputs}`.trimEnd()).join("\n");
}
