import { contentHash } from "./hash";

/**
 * What identifies one proxy among those a stack's life will create, known when the program runs.
 *
 * A proxy's subnets force its replacement (`vpcSubnetIds` is ForceNew in the provider), and the subnets follow the
 * number of AZs and the VPC block. Its target must then be a new resource on the new proxy, not a replacement of
 * the old one: the target is `deleteBeforeReplace` (a proxy's default target group holds one instance, so an
 * instance replacement must free it first), and a replaced target would be deregistered from the proxy the
 * functions still use before they move to the new endpoint, taking the database off the running API. A target
 * whose logical name carries this value is created on the new proxy, the functions move to it, and the old target
 * and proxy go last, with the rest of the deletes.
 */
export function proxyGeneration(network: { readonly availabilityZones: number; readonly cidrBlock: string }): string {
    return contentHash(String(network.availabilityZones), network.cidrBlock).slice(0, 8);
}
