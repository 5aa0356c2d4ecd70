import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";

// Where a component's resources land, asked of the AWS provider the component inherits: the entry point sets one
// provider (`providers: { aws }`) and every component asks it, so no Args interface forwards account, partition or
// region. An invoke given only a `parent` runs on the parent's provider for the invoke's package: InvokeOptions.parent
// is "an optional parent to use for default options for this invoke (e.g. the default provider to use)"
// (pulumi/pulumi sdk/nodejs/invoke.ts), and sdk/nodejs/runtime/invoke.ts picks
// `opts.provider ? opts.provider : opts.parent ? opts.parent.getProvider(tok) : undefined` (read in 3.270). The parent
// adds no dependency: the invoke does not wait for the component's `dependsOn`. test/infra/components/awsScope.test.ts checks
// that every invoke of the plan names the stack's provider.

/** The account the provider deploys into (`sts:GetCallerIdentity`). */
export function accountIdOf(parent: pulumi.Resource): pulumi.Output<string> {
    return aws.getCallerIdentityOutput({}, { parent }).accountId;
}

/** The provider's partition (`aws`, `aws-cn`, `aws-us-gov`), the second field of every ARN. */
export function partitionOf(parent: pulumi.Resource): pulumi.Output<string> {
    return aws.getPartitionOutput({}, { parent }).partition;
}

/** The provider's region (`region`; `name` is deprecated in provider v7). */
export function regionOf(parent: pulumi.Resource): pulumi.Output<string> {
    return aws.getRegionOutput({}, { parent }).region;
}
