import { strict as assert } from "node:assert";
import fc from "fast-check";
import {
    MAX_AZS,
    MAX_SUBNET_PREFIX,
    MAX_VPC_PREFIX,
    SUBNET_SLOTS,
    formatIpv4Cidr,
    isolatedSubnetCidrs,
    parseIpv4Cidr,
    validateVpcCidr,
} from "../../../infra/lib/subnetLayout";

/** Any valid VPC block: a random network address, aligned to a prefix from /16 to the largest allowed. */
const vpcCidr = fc
    .record({ address: fc.integer({ min: 0, max: 2 ** 32 - 1 }), prefix: fc.integer({ min: 16, max: MAX_VPC_PREFIX }) })
    .map(({ address, prefix }) => formatIpv4Cidr({ base: address - (address % 2 ** (32 - prefix)), prefix }));

const range = (cidr: string) => {
    const { base, prefix } = parseIpv4Cidr(cidr);
    return { first: base, last: base + 2 ** (32 - prefix) - 1 };
};

describe("lib: subnetLayout", () => {
    it("gives the default VPC /19 blocks in AZ order", () => {
        assert.deepEqual(isolatedSubnetCidrs("10.0.0.0/16", 3), ["10.0.0.0/19", "10.0.32.0/19", "10.0.64.0/19"]);
    });

    it("never moves a subnet when an AZ is added: the layout for n AZs is a prefix of the layout for n + 1", () => {
        fc.assert(
            fc.property(vpcCidr, fc.integer({ min: 1, max: MAX_AZS - 1 }), (cidr, azs) => {
                assert.deepEqual(isolatedSubnetCidrs(cidr, azs + 1).slice(0, azs), isolatedSubnetCidrs(cidr, azs));
            }),
        );
    });

    it("keeps every subnet inside the VPC, disjoint from the others, and no smaller than the minimum", () => {
        fc.assert(
            fc.property(vpcCidr, (cidr) => {
                const vpc = range(cidr);
                const subnets = isolatedSubnetCidrs(cidr, MAX_AZS).map((s) => ({ ...range(s), prefix: parseIpv4Cidr(s).prefix }));
                for (const [i, s] of subnets.entries()) {
                    assert.ok(s.first >= vpc.first && s.last <= vpc.last, `${cidr}: subnet ${i} leaves the VPC`);
                    assert.ok(s.prefix <= MAX_SUBNET_PREFIX);
                    for (const other of subnets.slice(i + 1)) {
                        assert.ok(s.last < other.first || other.last < s.first, `${cidr}: subnets overlap`);
                    }
                }
            }),
        );
    });

    it("leaves the upper half of the VPC free for a fork's own subnets", () => {
        const used = isolatedSubnetCidrs("10.0.0.0/16", MAX_AZS).map(range);
        assert.equal(SUBNET_SLOTS, 2 * MAX_AZS);
        assert.ok(used.every((s) => s.last < range("10.0.128.0/17").first));
    });

    it("round-trips addresses", () => {
        fc.assert(fc.property(vpcCidr, (cidr) => assert.equal(formatIpv4Cidr(parseIpv4Cidr(cidr)), cidr)));
    });

    it("refuses a block with host bits set, and names the block that was meant", () => {
        assert.throws(() => parseIpv4Cidr("10.0.1.0/16"), /host bits set: the block starting there is 10\.0\.0\.0\/16/);
    });

    it("refuses what is not an IPv4 block", () => {
        for (const text of ["10.0.0/16", "10.0.0.256/24", "10.0.0.0/33", "fd00::/48", " 10.0.0.0/16"]) {
            assert.throws(() => parseIpv4Cidr(text), /not an IPv4 CIDR block/, text);
        }
    });

    it("refuses VPC blocks larger than AWS allows or too small for eight usable subnets", () => {
        assert.throws(() => validateVpcCidr("10.0.0.0/15"), /from \/16 to \/22/);
        assert.throws(() => validateVpcCidr("10.0.0.0/23"), /from \/16 to \/22/);
        assert.doesNotThrow(() => validateVpcCidr("10.0.0.0/22"));
    });

    it("refuses an AZ count outside 1 to the maximum", () => {
        assert.throws(() => isolatedSubnetCidrs("10.0.0.0/16", 0), /1 to 4/);
        assert.throws(() => isolatedSubnetCidrs("10.0.0.0/16", MAX_AZS + 1), /1 to 4/);
    });
});
