import type * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { LambdaBundle } from "../../app/build";
import { readinessTrigger } from "../lib/readinessTrigger";
import { appDatabaseAccess, type AppDatabaseAccessArgs } from "./appDatabaseAccess";
import { appLoginVersion } from "./appLogin";
import { invokeOnDeploy } from "./deployInvocation";
import { VpcFunction, type VpcFunctionArgs } from "./vpcFunction";

/**
 * Where the probe runs and logs, as for any VpcFunction. `securityGroupId` is the API function's group: the probe takes
 * the API's own path to the proxy (and to the Secrets Manager endpoint in secret mode), so a rule missing from that path
 * fails the deploy instead of the first request.
 */
export interface ReadinessArgs
    extends AppDatabaseAccessArgs,
        Pick<VpcFunctionArgs, "subnetIds" | "securityGroupId" | "detachedSecurityGroupId" | "logRetentionDays" | "logLevel"> {
    /** The probe's code (app/src/probe.ts), bundled like the API's for the stack's login mode (app/build.ts). */
    readonly code: LambdaBundle;
    /** The proxy target's id and the instance's resource id: a new registration runs the check again. */
    readonly proxyTargetId: pulumi.Input<string>;
    readonly dbResourceId: pulumi.Input<string>;
}

/**
 * The probe's timeout. Lambda allows 900 s at most (https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html).
 * The provider creates the proxy target as soon as RegisterDBProxyTargets answers, without waiting for the target's
 * health (proxy_target.go in terraform-provider-aws), and a target goes REGISTERING → UNAVAILABLE → AVAILABLE
 * (API_TargetHealth): minutes on a first deploy. Ten minutes waits that out, and a broken chain still fails the deploy
 * within them. The probe stops retrying 40 s before the end to report which link failed (app/src/probe.ts).
 */
export const READINESS_TIMEOUT_SECONDS = 600;

/**
 * The deploy-time readiness check: a probe function that logs in through the proxy as the app user, in the stack's
 * auth mode, with the API's environment, permissions and security group, and an `aws.lambda.Invocation` that runs it
 * synchronously. The provider fails the deploy when the function throws, with the probe's message, which names the
 * broken link (app/src/db/linkDiagnosis.ts). What waits for `check` is updated only once the chain works.
 *
 * The invocation keeps the provider's default `lifecycleScope` (CREATE_ONLY): it runs when it is created or replaced,
 * that is when its trigger changes (lib/readinessTrigger.ts), and nothing runs on destroy.
 */
export class Readiness extends pulumi.ComponentResource {
    /** The invocation: depend on it to wait for a working chain. */
    readonly check: aws.lambda.Invocation;
    readonly functionName: pulumi.Output<string>;
    /** What the last passing run reported (attempts, elapsed time, auth mode, endpoint); never credentials. */
    readonly result: pulumi.Output<string>;
    readonly timeoutSeconds = READINESS_TIMEOUT_SECONDS;

    constructor(name: string, args: ReadinessArgs, opts?: pulumi.ComponentResourceOptions) {
        super("blueprint:readiness:Readiness", name, {}, opts);
        const parent = { parent: this };
        // Exactly what the API gets: the same environment (so the same login) and the same single permission.
        const access = appDatabaseAccess(args, this);

        const fn = new VpcFunction(
            "readiness",
            {
                description: "readiness check at deploy time: logs in through the proxy as the app user",
                files: { "index.js": new pulumi.asset.StringAsset(args.code.code) },
                environment: { ...access.environment, POWERTOOLS_SERVICE_NAME: "orders-readiness" },
                subnetIds: args.subnetIds,
                securityGroupId: args.securityGroupId,
                detachedSecurityGroupId: args.detachedSecurityGroupId,
                memoryMb: 256,
                timeoutSeconds: READINESS_TIMEOUT_SECONDS,
                logRetentionDays: args.logRetentionDays,
                logLevel: args.logLevel,
                statements: access.statements,
            },
            parent,
        );

        const trigger = pulumi
            .all([args.proxyEndpoint, args.proxyTargetId, args.dbResourceId, appLoginVersion(args.login)])
            .apply(([proxyEndpoint, proxyTargetId, databaseResourceId, appLogin]) =>
                readinessTrigger({ proxyEndpoint, proxyTargetId, databaseResourceId, appLogin, code: args.code.code }),
            );
        this.check = invokeOnDeploy("readiness-check", fn, trigger, this);

        this.functionName = fn.functionName;
        this.result = this.check.result;
        this.registerOutputs({ functionName: this.functionName, result: this.result });
    }
}
