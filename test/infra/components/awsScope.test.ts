import { strict as assert } from "node:assert";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { accountIdOf, partitionOf, regionOf } from "../../../infra/components/awsScope";
import { Endpoints } from "../../../infra/components/endpoints";
import { MOCK_ACCOUNT_ID, RecordingMocks } from "../../../tools/plan/mocks";
import { fixturePlan } from "../../helpers/stackPlan";

/** A component that only asks its provider where it deploys. */
class Probe extends pulumi.ComponentResource {
    readonly accountId: pulumi.Output<string>;
    readonly partition: pulumi.Output<string>;
    readonly region: pulumi.Output<string>;

    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
        super("test:scope:Probe", name, {}, opts);
        this.accountId = accountIdOf(this);
        this.partition = partitionOf(this);
        this.region = regionOf(this);
    }
}

const resolve = <T>(output: pulumi.Output<T>): Promise<T> => new Promise((done) => output.apply((value) => done(value)));

// The stack's own region, and another one that only the explicit provider carries.
const STACK_REGION = "ca-central-1";
const PROVIDER_REGION = "ap-southeast-2";

describe("component scope: account, partition and region come from the component's provider", () => {
    let mocks: RecordingMocks;
    beforeEach(async () => {
        pulumi.runtime.setAllConfig({ "aws:region": STACK_REGION });
        mocks = new RecordingMocks(STACK_REGION);
        await pulumi.runtime.setMocks(mocks, "scope", "test", false);
        mocks.recordOptionsFrom(pulumi.runtime.getMonitor());
    });
    afterEach(() => pulumi.runtime.disconnect());

    it("asks the provider the component was given (its region, not the stack's), for all three", async () => {
        const provider = new aws.Provider("elsewhere", { region: PROVIDER_REGION });
        const probe = new Probe("probe", { providers: { aws: provider } });
        assert.equal(await resolve(probe.region), PROVIDER_REGION);
        assert.equal(await resolve(probe.accountId), MOCK_ACCOUNT_ID);
        assert.equal(await resolve(probe.partition), "aws");
        assert.equal(mocks.invokes.length, 3);
        for (const invoke of mocks.invokes) {
            assert.match(invoke.provider, /::pulumi:providers:aws::elsewhere::/, invoke.token);
        }
    });

    it("asks the provider a nested component inherits from its parent", async () => {
        const provider = new aws.Provider("elsewhere", { region: PROVIDER_REGION });
        const outer = new Probe("outer", { providers: { aws: provider } });
        const inner = new Probe("inner", { parent: outer });
        assert.equal(await resolve(inner.region), PROVIDER_REGION);
    });

    it("falls to the default provider, and the stack's region, when no provider is given", async () => {
        const probe = new Probe("probe");
        assert.equal(await resolve(probe.region), STACK_REGION);
        assert.ok(mocks.invokes.every((invoke) => invoke.provider === ""));
    });

    it("puts the provider's region into what a component builds: the endpoint's service name", async () => {
        const provider = new aws.Provider("elsewhere", { region: PROVIDER_REGION });
        const endpoints = new Endpoints(
            "scope",
            { vpcId: "vpc-1", subnetIds: ["subnet-1"], securityGroupId: "sg-1", secretArns: ["arn:aws:secretsmanager:x:1:secret:s"] },
            { providers: { aws: provider } },
        );
        await resolve(endpoints.secretsManagerEndpointId);
        const [endpoint] = mocks.ofType("aws:ec2/vpcEndpoint:VpcEndpoint");
        assert.equal(endpoint?.inputs.serviceName, `com.amazonaws.${PROVIDER_REGION}.secretsmanager`);
        assert.match(String(endpoint?.inputs.policy), new RegExp(`"aws:PrincipalAccount":"${MOCK_ACCOUNT_ID}"`));
    });
});

describe("component scope in the program", () => {
    it("runs every provider function of a plan on the stack's explicit provider, none on the default one", async () => {
        const plan = await fixturePlan("hardened");
        const invokes = plan.invokes ?? [];
        assert.ok(invokes.length > 0, "the plan asked its provider nothing");
        const [provider] = plan.resources.filter((r) => r.type === "pulumi:providers:aws");
        assert.ok(provider !== undefined, "the plan has no explicit AWS provider");
        for (const invoke of invokes) {
            assert.match(invoke.provider, new RegExp(`::pulumi:providers:aws::${provider.name}::`), invoke.token);
        }
    });
});
