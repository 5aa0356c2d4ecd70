import { strict as assert } from "node:assert";
import type { StackPlan } from "../../../tools/plan/run";
import type { PlannedResource } from "../../../tools/plan/mocks";
import { fixturePlan, fixturePlanWith, fixtureSettings, idOf, ofType, single } from "../../helpers/stackPlan";

/** The one resource of a type with exactly this logical name. */
function named(plan: StackPlan, type: string, name: string): PlannedResource {
    const found = ofType(plan, type).filter((r) => r.name === name);
    assert.equal(found.length, 1, `expected one ${type} named ${name}, found ${found.length}`);
    return found[0]!;
}

const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
const SG = "aws:ec2/securityGroup:SecurityGroup";

for (const stack of ["small", "hardened"] as const) {
    describe(`component: Network (${stack})`, () => {
        it("builds an isolated VPC with DNS on and no NAT gateway", async () => {
            const plan = await fixturePlan(stack);
            const vpc = single(plan, "awsx:ec2:Vpc");
            assert.deepEqual(vpc.inputs.natGateways, { strategy: "None" });
            assert.equal(vpc.inputs.enableDnsHostnames, true);
            assert.equal(vpc.inputs.enableDnsSupport, true);
            const specs = vpc.inputs.subnetSpecs as { type: string }[];
            assert.ok(specs.length > 0 && specs.every((s) => s.type === "Isolated"), "only isolated subnets");
        });

        it("creates no NAT gateway, internet route or public address of its own", async () => {
            const plan = await fixturePlan(stack);
            assert.equal(ofType(plan, "aws:ec2/natGateway:NatGateway").length, 0);
            assert.equal(ofType(plan, "aws:ec2/eip:Eip").length, 0);
            assert.equal(ofType(plan, "aws:ec2/route:Route").length, 0);
        });

        it("uses standalone rules only, none of them open to an address range", async () => {
            const plan = await fixturePlan(stack);
            for (const group of ofType(plan, SG)) {
                assert.equal(group.inputs.ingress, undefined, `${group.name} has inline ingress`);
                assert.equal(group.inputs.egress, undefined, `${group.name} has inline egress`);
            }
            const rules = [...ofType(plan, INGRESS), ...ofType(plan, EGRESS)];
            assert.ok(rules.length >= 8);
            for (const rule of rules) {
                assert.equal(rule.inputs.cidrIpv4, undefined, `${rule.name} opens a CIDR`);
                assert.equal(rule.inputs.cidrIpv6, undefined, `${rule.name} opens a CIDR`);
                assert.ok(rule.inputs.referencedSecurityGroupId, `${rule.name} names no peer group`);
                assert.equal(rule.inputs.ipProtocol, "tcp");
                assert.equal(rule.inputs.fromPort, rule.inputs.toPort, `${rule.name} opens a port range`);
            }
        });

        it("chains every Lambda → proxy → database on 3306, migrate to Secrets Manager and the relay alone to EventBridge, on 443, in IAM mode", async () => {
            const plan = await fixturePlan(stack);
            const sg = (role: string) => idOf(named(plan, SG, `${role}-sg`));
            const edges = (type: string) =>
                ofType(plan, type)
                    .map((r) => `${r.inputs.securityGroupId as string} ${r.inputs.referencedSecurityGroupId as string} ${String(r.inputs.fromPort)}`)
                    .sort();
            const [api, migrate, proxy, db, endpoint, relay, projector, eventsEndpoint] = [
                "api-fn",
                "migrate-fn",
                "proxy",
                "db",
                "endpoint",
                "relay-fn",
                "projector-fn",
                "events-endpoint",
            ].map(sg);

            assert.deepEqual(
                edges(INGRESS),
                [
                    `${proxy} ${api} 3306`,
                    `${proxy} ${relay} 3306`,
                    `${proxy} ${projector} 3306`,
                    `${db} ${proxy} 3306`,
                    `${db} ${migrate} 3306`,
                    `${endpoint} ${migrate} 443`,
                    `${eventsEndpoint} ${relay} 443`,
                ].sort(),
            );
            assert.deepEqual(
                edges(EGRESS),
                [
                    `${api} ${proxy} 3306`,
                    `${relay} ${proxy} 3306`,
                    `${projector} ${proxy} 3306`,
                    `${proxy} ${db} 3306`,
                    `${migrate} ${db} 3306`,
                    `${migrate} ${endpoint} 443`,
                    `${relay} ${eventsEndpoint} 443`,
                ].sort(),
            );
        });

        it("plans no relay, projector or EventBridge endpoint group with events off", async () => {
            const plan = await fixturePlanWith(stack, { events: "false" });
            const names = ofType(plan, SG).map((r) => r.name);
            assert.ok(names.includes("api-fn-sg"));
            assert.deepEqual(names.filter((n) => /^(relay-fn|projector-fn|events-endpoint)-sg$/.test(n)), []);
        });

        it("lets the API, relay and projector functions reach the endpoint on 443 as well in secret mode, where they read the secret", async () => {
            const plan = await fixturePlanWith(stack, { dbAuth: "secret" });
            const [api, relay, projector, endpoint] = ["api-fn", "relay-fn", "projector-fn", "endpoint"].map((role) => idOf(named(plan, SG, `${role}-sg`)));
            const pair = (type: string, from: string, to: string) =>
                ofType(plan, type).filter((r) => r.inputs.securityGroupId === from && r.inputs.referencedSecurityGroupId === to && r.inputs.fromPort === 443);
            for (const fn of [api!, relay!, projector!]) {
                assert.equal(pair(EGRESS, fn, endpoint!).length, 1);
                assert.equal(pair(INGRESS, endpoint!, fn).length, 1);
            }
        });

        it("gives the API function no direct path to the database", async () => {
            const plan = await fixturePlan(stack);
            const api = idOf(named(plan, SG, "api-fn-sg"));
            const db = idOf(named(plan, SG, "db-sg"));
            const direct = ofType(plan, INGRESS).filter((r) => r.inputs.securityGroupId === db && r.inputs.referencedSecurityGroupId === api);
            assert.equal(direct.length, 0);
        });
    });
}

describe("component: Network subnet layout", () => {
    const subnetBlocks = async (overrides: Record<string, string> = {}) =>
        (single(await fixturePlanWith("small", overrides), "awsx:ec2:Vpc").inputs.subnetSpecs as { cidrBlocks: string[] }[])[0]!.cidrBlocks;

    it("gives awsx explicit subnet blocks, one per AZ, instead of letting it size them from the AZ count", async () => {
        assert.equal(fixtureSettings("hardened").availabilityZones, "3");
        const vpc = single(await fixturePlan("hardened"), "awsx:ec2:Vpc").inputs;
        assert.equal(vpc.subnetStrategy, "Auto");
        const [spec] = vpc.subnetSpecs as { type: string; cidrBlocks: string[] }[];
        assert.deepEqual(spec!.cidrBlocks, ["10.0.0.0/19", "10.0.32.0/19", "10.0.64.0/19"]);
    });

    it("keeps every existing subnet where it is when a stack grows from two AZs to three", async () => {
        const [two, three] = [await subnetBlocks({ availabilityZones: "2" }), await subnetBlocks({ availabilityZones: "3" })];
        assert.equal(two.length, 2);
        assert.deepEqual(three.slice(0, 2), two);
        assert.equal(three.length, 3);
    });

    it("adopts the VPC's default security group and strips its rules", async () => {
        const plan = await fixturePlan("small");
        const group = single(plan, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup").inputs;
        assert.equal(group.ingress, undefined);
        assert.equal(group.egress, undefined);
        assert.match(String(group.vpcId), /^vpc-/);
    });
});

describe("component: Network flow logs", () => {
    it("are delivered to CloudWatch when the stack turns them on, for all traffic, by a role only VPC Flow Logs of this account can assume", async () => {
        const plan = await fixturePlan("hardened");
        assert.equal(fixtureSettings("hardened").flowLogs, "true");
        const region = String(single(plan, "pulumi:providers:aws").inputs.region);
        const flowLog = single(plan, "aws:ec2/flowLog:FlowLog");
        assert.equal(flowLog.inputs.trafficType, "ALL");
        assert.equal(flowLog.inputs.logDestinationType, "cloud-watch-logs");
        const role = single(plan, "aws:iam/role:Role", "flow-logs-role");
        const trust = JSON.parse(role.inputs.assumeRolePolicy as string);
        assert.deepEqual(trust.Statement[0].Principal, { Service: "vpc-flow-logs.amazonaws.com" });
        assert.deepEqual(trust.Statement[0].Condition, {
            StringEquals: { "aws:SourceAccount": "123456789012" },
            ArnLike: { "aws:SourceArn": `arn:aws:ec2:${region}:123456789012:vpc-flow-log/*` },
        });
    });

    it("are off when the stack leaves them off", async () => {
        assert.equal(fixtureSettings("small").flowLogs, "false");
        const plan = await fixturePlan("small");
        assert.equal(ofType(plan, "aws:ec2/flowLog:FlowLog").length, 0);
    });
});
