import { resourceRule } from "../../lib/rule";
import { T } from "../../lib/types";
import { asArray, asRecord, isUnknown, knownNumber, knownString } from "../../lib/unknown";

interface Config {
    ports: number[];
}

const WORLD = new Set(["0.0.0.0/0", "::/0"]);

interface Ingress {
    where: string;
    cidrs: unknown[];
    protocol: unknown;
    fromPort: unknown;
    toPort: unknown;
}

/** The ingress rules of the three resource shapes: inline `ingress`, `SecurityGroupRule`, `vpc.SecurityGroupIngressRule`. */
function ingressRules(type: string, props: Record<string, unknown>): Ingress[] {
    if (type === T.securityGroup) {
        return asArray(props.ingress).map((raw, i) => {
            const r = asRecord(raw) ?? {};
            return { where: `ingress[${i}]`, cidrs: [...asArray(r.cidrBlocks), ...asArray(r.ipv6CidrBlocks)], protocol: r.protocol, fromPort: r.fromPort, toPort: r.toPort };
        });
    }
    if (type === T.securityGroupRule) {
        if (knownString(props.type) !== "ingress") {
            return [];
        }
        return [{ where: "rule", cidrs: [...asArray(props.cidrBlocks), ...asArray(props.ipv6CidrBlocks)], protocol: props.protocol, fromPort: props.fromPort, toPort: props.toPort }];
    }
    return [{ where: "rule", cidrs: [props.cidrIpv4, props.cidrIpv6], protocol: props.ipProtocol, fromPort: props.fromPort, toPort: props.toPort }];
}

/** "all ports" | the matching database ports | [] (not a TCP rule reaching them) | undefined (unknown). */
function exposedPorts(rule: Ingress, ports: number[]): "all" | number[] | undefined {
    if (isUnknown(rule.protocol)) {
        return undefined;
    }
    const protocol = String(rule.protocol ?? "").toLowerCase();
    if (protocol === "-1" || protocol === "all") {
        return "all";
    }
    if (protocol !== "tcp" && protocol !== "6") {
        return [];
    }
    const from = knownNumber(rule.fromPort);
    const to = knownNumber(rule.toPort);
    if (from === undefined || to === undefined) {
        return undefined;
    }
    if (from <= 0 && to >= 65535) {
        return "all";
    }
    return ports.filter((p) => p >= from && p <= to);
}

export const disallowPublicIngressToDatabasePorts = resourceRule<Config>({
    name: "disallow-public-ingress-to-database-ports",
    description: "Security groups must not allow ingress from 0.0.0.0/0 or ::/0 to database ports or to all ports.",
    enforcementLevel: "mandatory",
    severity: "critical",
    topics: ["network", "database"],
    rationale: "An open database port is scanned within minutes of creation.",
    remediationSteps: "Allow ingress from the client's security group (referencedSecurityGroupId / sourceSecurityGroupId) instead of a CIDR.",
    configSchema: {
        properties: {
            ports: {
                type: "array",
                items: { type: "integer" },
                default: [3306, 5432, 1433, 1521, 5439, 27017, 6379, 11211, 9042],
                description: "Database ports that must never be open to the world.",
            },
        },
    },
    types: [T.securityGroup, T.securityGroupRule, T.securityGroupIngressRule],
    check: (props, report, { type, config }) => {
        for (const rule of ingressRules(type, props)) {
            const world = rule.cidrs.map(knownString).find((c) => c !== undefined && WORLD.has(c.trim()));
            if (world === undefined) {
                continue;
            }
            const exposed = exposedPorts(rule, config.ports);
            if (exposed === "all") {
                report(`${rule.where} allows all ports from ${world}`);
            } else if (exposed !== undefined && exposed.length > 0) {
                report(`${rule.where} allows database port(s) ${exposed.join(", ")} from ${world}`);
            }
        }
    },
});
