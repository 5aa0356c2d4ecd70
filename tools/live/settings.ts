import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { validateNamePrefix } from "../../infra/lib/naming";
import { projectName, repositoryRoot, stackConfig } from "../plan/run";
import { JWT_ENV } from "./auth";
import { LiveUsageError } from "./errors";
import { liveStackConfig, liveStackName, type ConfigMap } from "./liveStack";

/** Everything a live run needs from its arguments, the environment and the repository, validated. */
export interface LiveSettings {
    readonly root: string;
    readonly project: string;
    /** The committed stack whose settings are deployed, e.g. `dev`. */
    readonly stack: string;
    /** The stack the run creates, e.g. `dev-live-3f9a1c`. */
    readonly stackName: string;
    readonly config: ConfigMap;
    /** `aws:region` of the stack: signs requests when the API URL does not name its region. */
    readonly region: string | undefined;
    readonly backendUrl: string;
    readonly policyPack: string;
    readonly policyConfig: string;
    /** Bearer token for an API behind a JWT authorizer. */
    readonly jwt: string | undefined;
}

export interface LiveArguments {
    readonly stack?: string;
    readonly backend?: string;
    /** Random unless given; names the live stack. */
    readonly suffix: string;
}

/** The default backend: a gitignored folder in the repository, so state never leaves the machine. */
export const DEFAULT_BACKEND_DIR = ".pulumi-live";

/**
 * Reads the arguments and the environment once, checks every prerequisite that can be checked
 * before anything is deployed, and says how to fix each (LiveUsageError: exit 2).
 */
export function liveSettings(args: LiveArguments, env: Readonly<Record<string, string | undefined>>, root = repositoryRoot): LiveSettings {
    if (!args.stack) {
        throw new LiveUsageError("--stack is required");
    }
    const stack = args.stack;
    const stackName = liveStackName(stack, args.suffix);
    const project = projectName(root);
    // The live name is 12 characters longer than the committed one: a prefix that fits as `dev`
    // may not as `dev-live-3f9a1c`. The program would refuse it too, but only after stack init.
    const nameProblems = validateNamePrefix(project, stackName);
    if (nameProblems.length > 0) {
        throw new LiveUsageError(`the live stack name ${stackName} does not fit this project's resource names:\n${nameProblems.map((p) => `  - ${p}`).join("\n")}`);
    }
    let committed: Record<string, string>;
    try {
        committed = stackConfig(stack, root);
    } catch (error) {
        throw new LiveUsageError((error as Error).message, { cause: error });
    }
    const policyPack = path.join(root, "policy");
    const policyConfig = path.join(policyPack, "config", `${stack}.json`);
    if (!fs.existsSync(policyConfig)) {
        throw new LiveUsageError(`no policy config ${path.relative(root, policyConfig)}: the live run enforces the policy pack with the stack's own config`);
    }
    if (!env.PULUMI_CONFIG_PASSPHRASE) {
        throw new LiveUsageError(
            "PULUMI_CONFIG_PASSPHRASE is not set: the live stack encrypts its secrets (database passwords in its state) with a passphrase; " +
                "export one, and keep it until the run has destroyed the stack",
        );
    }
    return {
        root,
        project,
        stack,
        stackName,
        config: liveStackConfig(stack, committed),
        region: committed["aws:region"],
        backendUrl: args.backend ?? pathToFileURL(path.join(root, DEFAULT_BACKEND_DIR)).href,
        policyPack,
        policyConfig,
        jwt: env[JWT_ENV] || undefined,
    };
}
