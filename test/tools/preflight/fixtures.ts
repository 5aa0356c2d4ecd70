/**
 * A small plan every preflight rule accepts: one resource of each type the rules look at, linked the
 * way the program links them (dependency URNs, an explicit provider). Rule tests start from it and
 * change one thing.
 */
import type { PreflightResource } from "../../../tools/preflight/types";
import { FIXTURE_REGION } from "../../helpers/fixtureValues";

type Inputs = Record<string, unknown>;

export const PREFIX = "app-dev";

export function urnOf(resource: Pick<PreflightResource, "type" | "name">): string {
    return `urn:pulumi:dev::app::blueprint:component:Parent$${resource.type}::${resource.name}`;
}

function resource(type: string, suffix: string, inputs: Inputs, dependsOn: PreflightResource[] = [], provider?: PreflightResource): PreflightResource {
    return {
        type,
        name: `${PREFIX}-${suffix}`,
        inputs,
        provider: provider ? `${urnOf(provider)}::${provider.name}-id` : undefined,
        options: { dependsOn: dependsOn.map(urnOf) },
    };
}

/** A fresh copy of the valid baseline plan. */
export function baseline(): PreflightResource[] {
    const provider = resource("pulumi:providers:aws", "aws", {
        region: FIXTURE_REGION,
        // Provider inputs arrive JSON-encoded.
        defaultTags: JSON.stringify({ tags: { project: "app", stack: "dev", "managed-by": "pulumi" } }),
    });
    const subnetA = resource("aws:ec2/subnet:Subnet", "isolated-1", { availabilityZone: `${FIXTURE_REGION}a`, cidrBlock: "10.0.0.0/19" });
    const subnetB = resource("aws:ec2/subnet:Subnet", "isolated-2", { availabilityZone: `${FIXTURE_REGION}b`, cidrBlock: "10.0.32.0/19" });
    const subnetIds = ["subnet-1", "subnet-2"];
    const subnetGroup = resource("aws:rds/subnetGroup:SubnetGroup", "db-subnets", { subnetIds }, [subnetA, subnetB], provider);
    const parameterGroup = resource("aws:rds/parameterGroup:ParameterGroup", "mysql8-4", { family: "mysql8.4" }, [], provider);
    const instance = resource(
        "aws:rds/instance:Instance",
        "db",
        {
            engine: "mysql",
            engineVersion: "8.4",
            instanceClass: "db.t4g.micro",
            storageType: "gp3",
            allocatedStorage: 20,
            maxAllocatedStorage: 100,
            backupRetentionPeriod: 1,
            username: "dbadmin",
            dbName: "orders",
            performanceInsightsEnabled: false,
            finalSnapshotIdentifier: `${PREFIX}-db-final-0a1b2c3d`,
            tags: { team: "orders" },
        },
        [subnetGroup, parameterGroup],
        provider,
    );
    const proxy = resource(
        "aws:rds/proxy:Proxy",
        "proxy",
        {
            engineFamily: "MYSQL",
            idleClientTimeout: 1800,
            vpcSubnetIds: subnetIds,
            auths: [{ authScheme: "SECRETS", clientPasswordAuthType: "MYSQL_CACHING_SHA2_PASSWORD" }],
        },
        [subnetA, subnetB],
        provider,
    );
    const targetGroup = resource(
        "aws:rds/proxyDefaultTargetGroup:ProxyDefaultTargetGroup",
        "proxy-pool",
        { connectionPoolConfig: { maxConnectionsPercent: 90, maxIdleConnectionsPercent: 50, connectionBorrowTimeout: 5 } },
        [proxy],
        provider,
    );
    const target = resource("aws:rds/proxyTarget:ProxyTarget", "proxy-target", { targetGroupName: "default" }, [proxy, targetGroup, instance], provider);
    const role = resource("aws:iam/role:Role", "api-role", { description: `${PREFIX}-api: orders API` }, [], provider);
    const rolePolicy = resource("aws:iam/rolePolicy:RolePolicy", "api-permissions", { policy: "{}" }, [role], provider);
    const fn = resource(
        "aws:lambda/function:Function",
        "api-fn",
        { memorySize: 512, timeout: 10, description: "orders API", environment: { variables: { DB_HOST: "proxy.example", LOG_LEVEL: "INFO" } } },
        [role, proxy],
        provider,
    );
    const api = resource("aws:apigatewayv2/api:Api", "http-api", { protocolType: "HTTP", description: `${PREFIX}: orders API` }, [], provider);
    const bus = resource("aws:cloudwatch/eventBus:EventBus", "orders-bus", { description: `${PREFIX}: order events` }, [], provider);
    const eventRule = resource("aws:cloudwatch/eventRule:EventRule", "projector-rule", { eventPattern: '{"source":["orders"]}', eventBusName: `${PREFIX}-orders-bus-0a1b2c3` }, [bus], provider);
    const schedule = resource("aws:scheduler/schedule:Schedule", "relay-schedule", { scheduleExpression: "rate(1 minute)", target: { retryPolicy: { maximumRetryAttempts: 0, maximumEventAgeInSeconds: 60 } } }, [], provider);
    const queue = resource("aws:sqs/queue:Queue", "events-dlq", { sqsManagedSseEnabled: true, messageRetentionSeconds: 1_209_600 }, [], provider);
    const eventTarget = resource(
        "aws:cloudwatch/eventTarget:EventTarget",
        "projector-target",
        { eventBusName: `${PREFIX}-orders-bus-0a1b2c3`, retryPolicy: { maximumRetryAttempts: 185, maximumEventAgeInSeconds: 86_400 } },
        [eventRule, queue],
        provider,
    );
    const invokeConfig = resource(
        "aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig",
        "projector-async",
        { maximumRetryAttempts: 2, maximumEventAgeInSeconds: 21_600 },
        [fn, queue],
        provider,
    );
    const integration = resource(
        "aws:apigatewayv2/integration:Integration",
        "lambda",
        { integrationType: "AWS_PROXY", timeoutMilliseconds: 30_000 },
        [api, fn],
        provider,
    );
    const permission = resource("aws:lambda/permission:Permission", "invoke-from-api", { action: "lambda:InvokeFunction" }, [fn, api], provider);
    const stage = resource("aws:apigatewayv2/stage:Stage", "stage", { name: "$default" }, [api], provider);
    const logGroup = resource("aws:cloudwatch/logGroup:LogGroup", "api-logs", { name: `/aws/lambda/${PREFIX}-api`, retentionInDays: 7 }, [], provider);
    const key = resource("aws:kms/key:Key", "key", { deletionWindowInDays: 30, description: `${PREFIX}: database and secrets` }, [], provider);
    const alias = resource("aws:kms/alias:Alias", "key-alias", { namePrefix: `alias/${PREFIX}-` }, [key], provider);
    const secret = resource("aws:secretsmanager/secret:Secret", "app-db", { recoveryWindowInDays: 7, description: `${PREFIX}: app user` }, [key], provider);
    const dashboard = resource("aws:cloudwatch/dashboard:Dashboard", "dashboard", { dashboardName: PREFIX, dashboardBody: "{}" }, [], provider);
    const group = resource("aws:ec2/securityGroup:SecurityGroup", "db-sg", { description: "RDS for MySQL: accepts MySQL from the proxy" }, [], provider);
    const rule = resource(
        "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
        "proxy-to-db-in",
        { description: "RDS Proxy to database", fromPort: 3306 },
        [group],
        provider,
    );
    return [
        provider,
        subnetA,
        subnetB,
        subnetGroup,
        parameterGroup,
        instance,
        proxy,
        targetGroup,
        target,
        role,
        rolePolicy,
        fn,
        api,
        integration,
        permission,
        stage,
        logGroup,
        key,
        alias,
        secret,
        dashboard,
        group,
        rule,
        bus,
        eventRule,
        schedule,
        queue,
        eventTarget,
        invokeConfig,
    ];
}

/** The baseline with the inputs of the (first) resource of `type` changed; `undefined` removes an input. */
export function changed(type: string, patch: Inputs, plan: PreflightResource[] = baseline()): PreflightResource[] {
    let done = false;
    return plan.map((r) => {
        if (done || r.type !== type) {
            return r;
        }
        done = true;
        const inputs: Inputs = { ...r.inputs, ...patch };
        for (const [k, v] of Object.entries(patch)) {
            if (v === undefined) {
                delete inputs[k];
            }
        }
        return { ...r, inputs };
    });
}

/** The baseline with the (first) resource of `type` renamed. */
export function renamed(type: string, name: string, plan: PreflightResource[] = baseline()): PreflightResource[] {
    const old = plan.find((r) => r.type === type);
    if (!old) {
        throw new Error(`no ${type} in the plan`);
    }
    const oldUrn = urnOf(old);
    const newUrn = urnOf({ type, name });
    return plan.map((r) => ({
        ...(r === old ? { ...r, name } : r),
        options: { dependsOn: (r.options?.dependsOn ?? []).map((u) => (u === oldUrn ? newUrn : u)) },
    }));
}

export function find(plan: readonly PreflightResource[], type: string): PreflightResource {
    const found = plan.find((r) => r.type === type);
    if (!found) {
        throw new Error(`no ${type} in the plan`);
    }
    return found;
}
