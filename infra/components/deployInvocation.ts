import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import type { VpcFunction } from "./vpcFunction";

/**
 * Runs `fn` during the deploy, synchronously, and again whenever `trigger` changes: the provider's Invocation invokes on
 * create and replacement only (`lifecycleScope` CREATE_ONLY, nothing on destroy), and `triggers` force the replacement.
 * The trigger is the input too, so the function's log says what it ran for. A function error fails the deploy with the
 * function's message (docs/deploy-review.md, the Invocation row).
 */
export function invokeOnDeploy(name: string, fn: VpcFunction, trigger: pulumi.Output<string>, parent: pulumi.Resource): aws.lambda.Invocation {
    return new aws.lambda.Invocation(
        name,
        {
            functionName: fn.functionName,
            input: trigger.apply((hash) => JSON.stringify({ trigger: hash })),
            triggers: { run: trigger },
        },
        // Created after the function, and after every update of it: it must run the code just deployed.
        { parent, dependsOn: [fn] },
    );
}
