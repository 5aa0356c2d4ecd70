import { createHash, createHmac, randomBytes } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";

/** One resource the program asked Pulumi to create, as the engine would receive it. */
export interface PlannedResource {
    readonly type: string;
    readonly name: string;
    readonly inputs: Record<string, unknown>;
    /** The provider reference (`urn::id`) for custom resources, when one is set explicitly. */
    readonly provider?: string;
    /** The resource options the engine received (the mocks API itself passes none of them on). */
    readonly options: PlannedOptions;
}

/** The resource options that decide how a deploy, a replacement or a destroy proceeds. */
export interface PlannedOptions {
    readonly deleteBeforeReplace: boolean;
    readonly retainOnDelete: boolean;
    readonly protect: boolean;
    /** URNs of the resources this one waits for (a component in `dependsOn` expands to its children). */
    readonly dependsOn: readonly string[];
    /**
     * The parent's URN. A child is registered only once its parent is, and a component is registered
     * only once its own `dependsOn` are done, so a child also waits for everything its ancestors wait for.
     */
    readonly parent: string;
    readonly ignoreChanges: readonly string[];
    readonly replaceOnChanges: readonly string[];
}

/**
 * One registration the engine received, components included (which `resources` lacks: the mocks never see a local
 * component): enough to follow a resource's parents and the providers each was given.
 */
export interface PlannedRegistration {
    readonly type: string;
    readonly name: string;
    /** The parent's URN, empty at the top. */
    readonly parent: string;
    /**
     * Packages of the explicit `providers` it was registered with. For a component the engine passes them on to its
     * component children, remote ones included (pulumi/pulumi e387ba8, "Inherit the providers map between components").
     */
    readonly providers: readonly string[];
}

export const NO_OPTIONS: PlannedOptions = {
    deleteBeforeReplace: false,
    retainOnDelete: false,
    protect: false,
    dependsOn: [],
    parent: "",
    ignoreChanges: [],
    replaceOnChanges: [],
};

/** The part of the engine's RegisterResourceRequest (a generated protobuf class) read here. */
interface RegisterResourceRequest {
    getType(): string;
    getName(): string;
    getDeletebeforereplace(): boolean;
    getRetainondelete(): boolean;
    getProtect(): boolean;
    getDependenciesList(): string[];
    getParent(): string;
    getIgnorechangesList(): string[];
    getReplaceonchangesList(): string[];
    getProvidersMap(): { keys(): Iterable<string> };
}

interface ResourceMonitor {
    registerResource(req: RegisterResourceRequest, callback: unknown): unknown;
}

export const MOCK_ACCOUNT_ID = "123456789012";

/** One provider function the program called (`aws.getRegionOutput` and the like). */
export interface PlannedInvoke {
    readonly token: string;
    /** The provider reference (`urn::id`) the invoke ran on; empty when it fell to the default provider. */
    readonly provider: string;
}
/** Drawn once per process: generated passwords differ from run to run and agree within one. */
const RUN_KEY = randomBytes(32);

/**
 * Mocks for `pulumi.runtime.setMocks` that record every registration and answer with plausible
 * outputs (ARNs, endpoints, ids) so the program's ARN handling runs as it would against AWS.
 * `awsx.ec2.Vpc` is a remote component: under mocks it is one resource with no children, so its
 * outputs are invented here from its inputs.
 */
export class RecordingMocks implements pulumi.runtime.Mocks {
    readonly resources: PlannedResource[] = [];
    readonly invokes: PlannedInvoke[] = [];
    readonly registrations: PlannedRegistration[] = [];
    private readonly options = new Map<string, PlannedOptions>();
    /** The region of each explicit AWS provider, by the id the mocks gave it. */
    private readonly providerRegions = new Map<string, string>();

    constructor(private readonly region: string) {}

    /**
     * Records the options of every registration the mock monitor receives. `setMocks` hands
     * `newResource` only the type, name and inputs, yet `deleteBeforeReplace`, `retainOnDelete` and
     * `dependsOn` are what make a replacement or a destroy succeed, so they must be testable too.
     */
    recordOptionsFrom(monitor: unknown): void {
        const target = monitor as ResourceMonitor;
        const register = target.registerResource.bind(target);
        target.registerResource = (req, callback) => {
            this.options.set(`${req.getType()}::${req.getName()}`, {
                deleteBeforeReplace: req.getDeletebeforereplace(),
                retainOnDelete: req.getRetainondelete(),
                protect: req.getProtect(),
                dependsOn: req.getDependenciesList(),
                parent: req.getParent(),
                ignoreChanges: req.getIgnorechangesList(),
                replaceOnChanges: req.getReplaceonchangesList(),
            });
            this.registrations.push({ type: req.getType(), name: req.getName(), parent: req.getParent(), providers: [...req.getProvidersMap().keys()] });
            return register(req, callback);
        };
    }

    newResource(args: pulumi.runtime.MockResourceArgs): pulumi.runtime.MockResourceResult {
        const options = this.options.get(`${args.type}::${args.name}`) ?? NO_OPTIONS;
        this.resources.push({ type: args.type, name: args.name, inputs: args.inputs, provider: args.provider, options });
        const id = `${args.name}-id`;
        if (args.type === "pulumi:providers:aws" && typeof args.inputs.region === "string") {
            this.providerRegions.set(id, args.inputs.region);
        }
        return { id, state: { ...args.inputs, ...this.outputsFor(args, id) } };
    }

    /**
     * Answers the provider functions as AWS would for the provider the invoke ran on: getRegion gives that provider's
     * region (the stack's `aws:region` for the default provider), so a component asking its provider gets what it
     * would get from AWS.
     */
    call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
        const provider = args.provider ?? "";
        this.invokes.push({ token: args.token, provider });
        switch (args.token) {
            case "aws:index/getCallerIdentity:getCallerIdentity":
                return { accountId: MOCK_ACCOUNT_ID, arn: `arn:aws:iam::${MOCK_ACCOUNT_ID}:user/plan`, userId: "AIDAPLAN", id: MOCK_ACCOUNT_ID };
            case "aws:index/getPartition:getPartition":
                return { partition: "aws", dnsSuffix: "amazonaws.com", id: "aws" };
            case "aws:index/getRegion:getRegion": {
                // A provider reference is `<urn>::<id>`.
                const region = this.providerRegions.get(provider.slice(provider.lastIndexOf("::") + 2)) ?? this.region;
                return { region, name: region, id: region, description: region, endpoint: `ec2.${region}.amazonaws.com` };
            }
            default:
                return args.inputs;
        }
    }

    /** The recorded resources of one type token. */
    ofType(type: string): PlannedResource[] {
        return this.resources.filter((r) => r.type === type);
    }

    private outputsFor(args: pulumi.runtime.MockResourceArgs, id: string): Record<string, unknown> {
        const region = this.region;
        const account = MOCK_ACCOUNT_ID;
        const arn = (service: string, resource: string) => `arn:aws:${service}:${region}:${account}:${resource}`;
        // What AWS or Pulumi would make up (ids, name suffixes) is derived from the resource, not drawn at random: the
        // same program plans the same outputs, so two plans compare input by input (a stack rename plans no change).
        const suffix = stableHex(`${args.type}::${args.name}`, 8);
        switch (args.type) {
            case "awsx:ec2:Vpc": {
                const azs = Number(args.inputs.numberOfAvailabilityZones ?? 3);
                const subnets = Array.from({ length: azs }, (_, i) => `subnet-isolated-${i + 1}`);
                return { vpcId: `vpc-${suffix}`, isolatedSubnetIds: subnets, privateSubnetIds: [], publicSubnetIds: [], natGateways: [], eips: [] };
            }
            case "aws:kms/key:Key":
                return { arn: arn("kms", `key/${id}`), keyId: id };
            case "aws:secretsmanager/secret:Secret":
                return { arn: arn("secretsmanager", `secret:${args.name}-${suffix}`) };
            case "aws:secretsmanager/secretVersion:SecretVersion":
                // A new value is a new version, as in Secrets Manager.
                return { versionId: `version-${stableHex(JSON.stringify(args.inputs.secretString ?? null), 8)}`, arn: arn("secretsmanager", `secret:${args.name}`) };
            case "random:index/randomPassword:RandomPassword":
                // Generated per test run (a random key, never stored: no credential lives in the repository), and the same
                // for the same resource within a run, as the provider keeps it in the state: two plans of one stack agree.
                return { result: createHmac("sha256", RUN_KEY).update(`${args.type}::${args.name}`).digest().subarray(0, 24).toString("base64url"), bcryptHash: "" };
            case "random:index/randomId:RandomId": {
                // Random like the provider's: a re-created stack draws a new one (the final snapshot's name depends on it).
                const bytes = randomBytes(Number(args.inputs.byteLength ?? 8));
                return { hex: bytes.toString("hex"), b64Url: bytes.toString("base64url"), dec: BigInt(`0x${bytes.toString("hex")}`).toString() };
            }
            case "aws:rds/instance:Instance":
                return {
                    arn: arn("rds", `db:${args.name}`),
                    identifier: args.name,
                    address: `${args.name}.abcdefghijkl.${region}.rds.amazonaws.com`,
                    endpoint: `${args.name}.abcdefghijkl.${region}.rds.amazonaws.com:3306`,
                    port: 3306,
                    resourceId: `db-${suffix.toUpperCase()}`,
                    masterUserSecrets: [
                        { secretArn: arn("secretsmanager", `secret:rds!db-${suffix}`), kmsKeyId: args.inputs.masterUserSecretKmsKeyId, secretStatus: "active" },
                    ],
                };
            case "aws:rds/proxy:Proxy":
                return { arn: arn("rds", `db-proxy:prx-0${suffix}${suffix}`), name: args.name, endpoint: `${args.name}.proxy-abcdefghijkl.${region}.rds.amazonaws.com` };
            case "aws:rds/proxyDefaultTargetGroup:ProxyDefaultTargetGroup":
                return { name: "default", arn: arn("rds", `target-group:prx-tg-${suffix}`) };
            case "aws:rds/parameterGroup:ParameterGroup":
            case "aws:rds/subnetGroup:SubnetGroup":
                return { name: args.name, arn: arn("rds", `pg:${args.name}`) };
            case "aws:iam/role:Role":
                return { arn: `arn:aws:iam::${account}:role/${args.name}`, name: args.name };
            case "aws:cloudwatch/logGroup:LogGroup":
                return { arn: arn("logs", `log-group:${args.inputs.name ?? args.name}`), name: args.inputs.name ?? args.name };
            case "aws:lambda/function:Function":
                return {
                    arn: arn("lambda", `function:${args.name}`),
                    name: args.name,
                    invokeArn: `arn:aws:apigateway:${region}:lambda:path/2015-03-31/functions/${arn("lambda", `function:${args.name}`)}/invocations`,
                };
            case "aws:lambda/invocation:Invocation":
                return { result: JSON.stringify({ applied: [] }) };
            case "aws:apigatewayv2/api:Api":
                return {
                    apiEndpoint: `https://${id}.execute-api.${region}.amazonaws.com`,
                    executionArn: `arn:aws:execute-api:${region}:${account}:${id}`,
                    arn: `arn:aws:apigateway:${region}::/apis/${id}`,
                };
            case "aws:sns/topic:Topic":
                return { arn: arn("sns", `${args.name}-${suffix}`), name: `${args.name}-${suffix}` };
            case "aws:cloudwatch/metricAlarm:MetricAlarm":
                return { arn: arn("cloudwatch", `alarm:${args.name}-${suffix}`), name: `${args.name}-${suffix}` };
            case "aws:apigatewayv2/stage:Stage":
                return { invokeUrl: `https://api-id.execute-api.${region}.amazonaws.com/`, arn: arn("apigateway", `stage/${args.name}`) };
            // The events pipeline: autonamed like the others (logical name, "-", 7 characters), ARNs as AWS forms them.
            case "aws:cloudwatch/eventBus:EventBus":
                return { name: `${args.name}-${suffix}`, arn: arn("events", `event-bus/${args.name}-${suffix}`) };
            case "aws:cloudwatch/eventRule:EventRule":
                return { name: `${args.name}-${suffix}`, arn: arn("events", `rule/${String(args.inputs.eventBusName ?? "default")}/${args.name}-${suffix}`) };
            case "aws:scheduler/schedule:Schedule":
                return { name: `${args.name}-${suffix}`, arn: arn("scheduler", `schedule/default/${args.name}-${suffix}`) };
            case "aws:sqs/queue:Queue":
                return { name: `${args.name}-${suffix}`, arn: arn("sqs", `${args.name}-${suffix}`), url: `https://sqs.${region}.amazonaws.com/${account}/${args.name}-${suffix}` };
            default:
                return { arn: arn("mock", `${args.type.replace(/[^a-zA-Z0-9]/g, "-")}/${id}`) };
        }
    }
}

/** `length` hex digits that depend only on `seed`. */
function stableHex(seed: string, length: number): string {
    let hex = "";
    for (let i = 0; hex.length < length; i++) {
        hex += createHash("sha256").update(`${seed}#${i}`).digest("hex");
    }
    return hex.slice(0, length);
}
