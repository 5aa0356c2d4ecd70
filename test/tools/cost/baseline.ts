import { FALLBACK_REGION, PRICES, type PricedRegion, type RegionPrices } from "../../../tools/cost/prices";
import type { CostResource } from "../../../tools/cost/types";

/**
 * The region the baseline deploys to, taken from the price table itself: a priced region other than
 * the fallback when there is one, so that "priced with its own numbers" and "priced as the fallback"
 * differ. Never a stack file's region: a fork moves that anywhere.
 */
export const BASELINE_REGION: PricedRegion = (Object.keys(PRICES) as PricedRegion[]).find((r) => r !== FALLBACK_REGION) ?? FALLBACK_REGION;

/** The prices of the baseline's region. */
export const baselinePrices: RegionPrices = PRICES[BASELINE_REGION];

/**
 * A small plan shaped like a development stack's priced parts (project `app`, stack `dev`: names of its own), for tests that change one input at a time.
 * Built fresh on each call so a test can change it freely.
 */
export function baselineResources(): CostResource[] {
    return [
        { type: "pulumi:providers:aws", name: "app-dev-aws", inputs: { region: BASELINE_REGION } },
        { type: "awsx:ec2:Vpc", name: "app-dev-vpc", inputs: { natGateways: { strategy: "None" }, numberOfAvailabilityZones: 2 } },
        { type: "aws:kms/key:Key", name: "app-dev-key", inputs: { enableKeyRotation: true } },
        {
            type: "aws:rds/instance:Instance",
            name: "app-dev-db",
            inputs: {
                instanceClass: "db.t4g.micro",
                multiAz: false,
                storageType: "gp3",
                allocatedStorage: 20,
                maxAllocatedStorage: 100,
                manageMasterUserPassword: true,
                performanceInsightsEnabled: false,
                enabledCloudwatchLogsExports: ["error", "slowquery"],
            },
        },
        { type: "aws:rds/proxy:Proxy", name: "app-dev-proxy", inputs: { engineFamily: "MYSQL" } },
        { type: "aws:rds/proxyTarget:ProxyTarget", name: "app-dev-proxy-target", inputs: { dbProxyName: "app-dev-proxy", dbInstanceIdentifier: "app-dev-db" } },
        {
            type: "aws:ec2/vpcEndpoint:VpcEndpoint",
            name: "app-dev-secretsmanager",
            inputs: { vpcEndpointType: "Interface", subnetIds: ["subnet-1", "subnet-2"], serviceName: `com.amazonaws.${BASELINE_REGION}.secretsmanager` },
        },
        { type: "aws:cloudwatch/logGroup:LogGroup", name: "app-dev-api-logs", inputs: { name: "/aws/lambda/app-dev-api", retentionInDays: 30 } },
        {
            type: "aws:lambda/function:Function",
            name: "app-dev-api-fn",
            inputs: {
                name: "app-dev-api",
                architectures: ["arm64"],
                memorySize: 1024,
                loggingConfig: { applicationLogLevel: "INFO", logGroup: "/aws/lambda/app-dev-api" },
                environment: { variables: { DB_AUTH: "iam", SECRET_TTL_SECONDS: "300" } },
            },
        },
        { type: "aws:apigatewayv2/api:Api", name: "app-dev-http-api", inputs: { protocolType: "HTTP" } },
        {
            type: "aws:apigatewayv2/integration:Integration",
            name: "app-dev-lambda",
            inputs: { integrationUri: `arn:aws:lambda:${BASELINE_REGION}:123456789012:function:app-dev-api` },
        },
        { type: "aws:iam/role:Role", name: "app-dev-api-role", inputs: {} },
    ];
}

/** The baseline with one resource's inputs changed (merged over the old ones). */
export function withInputs(resources: CostResource[], name: string, inputs: Record<string, unknown>): CostResource[] {
    return resources.map((r) => (r.name === name ? { ...r, inputs: { ...r.inputs, ...inputs } } : r));
}
