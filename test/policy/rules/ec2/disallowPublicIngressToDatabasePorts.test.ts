import { strict as assert } from "node:assert";
import { disallowPublicIngressToDatabasePorts as rule } from "../../../../policy/rules/ec2/disallowPublicIngressToDatabasePorts";
import { runPolicy, UNKNOWN, withProp } from "../../../helpers/policy";
import { securityGroup, securityGroupIngressRule, securityGroupRule } from "../../../helpers/policyFixtures";

describe("rule: disallow-public-ingress-to-database-ports", () => {
    it("passes the blueprint's group-to-group rules", async () => {
        for (const resource of [securityGroup(), securityGroupRule(), securityGroupIngressRule()]) {
            assert.deepEqual(await runPolicy(rule, resource), [], resource.name);
        }
    });

    it("reports an inline ingress from 0.0.0.0/0 to 3306", async () => {
        const sg = withProp(securityGroup(), "ingress", [{ protocol: "tcp", fromPort: 3306, toPort: 3306, cidrBlocks: ["0.0.0.0/0"] }]);
        assert.deepEqual(await runPolicy(rule, sg), ["ingress[0] allows database port(s) 3306 from 0.0.0.0/0"]);
    });

    it("reports an ingress rule from ::/0 on all protocols", async () => {
        const rule6 = withProp(withProp(securityGroupIngressRule(), "cidrIpv6", "::/0"), "ipProtocol", "-1");
        assert.deepEqual(await runPolicy(rule, rule6), ["rule allows all ports from ::/0"]);
    });

    it("reports a SecurityGroupRule covering 0-65535 from the world", async () => {
        const open = { ...securityGroupRule(), props: { ...securityGroupRule().props, fromPort: 0, toPort: 65535, cidrBlocks: ["0.0.0.0/0"] } };
        assert.deepEqual(await runPolicy(rule, open), ["rule allows all ports from 0.0.0.0/0"]);
    });

    it("does not report HTTPS from the world or egress rules", async () => {
        const https = withProp(securityGroup(), "ingress", [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }]);
        assert.deepEqual(await runPolicy(rule, https), []);
        const egress = { ...securityGroupRule(), props: { ...securityGroupRule().props, type: "egress", cidrBlocks: ["0.0.0.0/0"] } };
        assert.deepEqual(await runPolicy(rule, egress), []);
    });

    it("reports configured ports only", async () => {
        const sg = withProp(securityGroup(), "ingress", [{ protocol: "tcp", fromPort: 8080, toPort: 8080, cidrBlocks: ["0.0.0.0/0"] }]);
        assert.equal((await runPolicy(rule, sg, { ports: [8080] })).length, 1);
    });

    it("does not report ports or CIDRs unknown during preview", async () => {
        const sg = withProp(securityGroup(), "ingress", [
            { protocol: "tcp", fromPort: UNKNOWN.number, toPort: UNKNOWN.number, cidrBlocks: ["0.0.0.0/0"] },
            { protocol: "tcp", fromPort: 3306, toPort: 3306, cidrBlocks: [UNKNOWN.string] },
        ]);
        assert.deepEqual(await runPolicy(rule, sg), []);
    });
});
