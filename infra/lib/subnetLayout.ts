/**
 * The isolated subnets' CIDR blocks, fixed per AZ index.
 *
 * awsx's `Auto` strategy sizes each AZ's share from the number of AZs, so going from two AZs to
 * three moved every subnet: the replacements overlap the old subnets, and those still hold the
 * network interfaces of RDS, the proxy, the endpoint and the Lambdas. Here the VPC is cut into
 * {@link SUBNET_SLOTS} equal blocks once and for all; the subnet of AZ `i` is always block `i`. Adding
 * an AZ appends a subnet and never moves one. Blocks past {@link MAX_AZS} stay free for a fork that
 * adds a tier (for example private subnets behind a NAT gateway).
 */
export const SUBNET_SLOTS = 8;
export const MAX_AZS = 4;

/** How many more prefix bits a subnet has than the VPC (SUBNET_SLOTS = 2^SUBNET_EXTRA_BITS). */
const SUBNET_EXTRA_BITS = Math.log2(SUBNET_SLOTS);

/** The smallest subnet allowed: RDS, RDS Proxy, the endpoint and Lambda's ENIs share it (see docs/deploy-review.md). */
export const MAX_SUBNET_PREFIX = 25;
export const MIN_VPC_PREFIX = 16; // the largest VPC CIDR block AWS allows
export const MAX_VPC_PREFIX = MAX_SUBNET_PREFIX - SUBNET_EXTRA_BITS;

export interface Ipv4Cidr {
    /** The network address as an unsigned 32-bit integer. */
    readonly base: number;
    readonly prefix: number;
}

/** Why a CIDR block was refused, phrased to follow "vpcCidr …". */
export class CidrError extends Error {
    override readonly name = "CidrError";
}

export function parseIpv4Cidr(text: string): Ipv4Cidr {
    const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
    if (!match) {
        throw new CidrError("is not an IPv4 CIDR block such as 10.0.0.0/16");
    }
    const octets = match.slice(1, 5).map(Number);
    const prefix = Number(match[5]);
    if (octets.some((o) => o > 255) || prefix > 32) {
        throw new CidrError("is not an IPv4 CIDR block such as 10.0.0.0/16");
    }
    const base = octets.reduce((acc, o) => acc * 256 + o, 0);
    const size = 2 ** (32 - prefix);
    if (base % size !== 0) {
        // AWS takes only the network address; anything else would be a different block than the one written.
        throw new CidrError(`has host bits set: the block starting there is ${formatIpv4Cidr({ base: base - (base % size), prefix })}`);
    }
    return { base, prefix };
}

export function formatIpv4Cidr({ base, prefix }: Ipv4Cidr): string {
    const octets = [24, 16, 8, 0].map((shift) => Math.floor(base / 2 ** shift) % 256);
    return `${octets.join(".")}/${prefix}`;
}

/** Checks a VPC block: /16 (AWS's largest) to {@link MAX_VPC_PREFIX}, so every subnet keeps room for its interfaces. */
export function validateVpcCidr(text: string): Ipv4Cidr {
    const cidr = parseIpv4Cidr(text);
    if (cidr.prefix < MIN_VPC_PREFIX || cidr.prefix > MAX_VPC_PREFIX) {
        throw new CidrError(
            `must be from /${MIN_VPC_PREFIX} to /${MAX_VPC_PREFIX}: AWS allows /16 at most, and each of the ${SUBNET_SLOTS} subnet blocks must be /${MAX_SUBNET_PREFIX} or larger`,
        );
    }
    return cidr;
}

/** The CIDR block of the isolated subnet in each of the first `azCount` AZs. */
export function isolatedSubnetCidrs(vpcCidr: string, azCount: number): string[] {
    if (!Number.isInteger(azCount) || azCount < 1 || azCount > MAX_AZS) {
        throw new CidrError(`availability zone count must be 1 to ${MAX_AZS}, got ${azCount}`);
    }
    const vpc = validateVpcCidr(vpcCidr);
    const prefix = vpc.prefix + SUBNET_EXTRA_BITS;
    const size = 2 ** (32 - prefix);
    return Array.from({ length: azCount }, (_, slot) => formatIpv4Cidr({ base: vpc.base + slot * size, prefix }));
}
