import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { LocalWorkspace, Stack, type EngineEvent, type OutputMap } from "@pulumi/pulumi/automation";
import { describeChanges } from "./changes";
import { LiveUsageError } from "./errors";
import { destroyPreparation, retainedResources, type ConfigMap, type StateResource } from "./liveStack";
import type { LiveStack, LiveWorkspace, LogSink } from "./ports";

export interface AutomationOptions {
    /** The repository root: Pulumi.yaml, the program and the stack settings files. */
    readonly root: string;
    readonly project: string;
    /** The stack this run creates (`<stack>-live-<suffix>`). */
    readonly stackName: string;
    /** The committed stack's config, copied into the live stack. */
    readonly config: ConfigMap;
    /** `file://<dir>` by default: state stays on this machine (or CI runner). */
    readonly backendUrl: string;
    /** The policy pack directory and its config for the committed stack. */
    readonly policyPack: string;
    readonly policyConfig: string;
    readonly log: LogSink;
    /** Cancels `up` and `preview` (Ctrl-C). Never passed to the teardown, which must run to the end. */
    readonly signal?: AbortSignal;
}

/** Turns the engine's output chunks into lines for a line-oriented log. */
function lineWriter(log: LogSink): { write: (chunk: string) => void; flush: () => void } {
    let pending = "";
    return {
        write(chunk) {
            const lines = (pending + chunk).split(/\r?\n/);
            pending = lines.pop() ?? "";
            for (const line of lines) {
                log(line);
            }
        },
        flush() {
            if (pending !== "") {
                log(pending);
                pending = "";
            }
        },
    };
}

function plainOutputs(outputs: OutputMap): Record<string, unknown> {
    return Object.fromEntries(Object.entries(outputs).map(([key, output]) => [key, output.value]));
}

async function stateResources(stack: Stack): Promise<StateResource[]> {
    const state = await stack.exportStack();
    return ((state.deployment as { resources?: StateResource[] } | undefined)?.resources ?? []) as StateResource[];
}

/**
 * The live workspace on the Pulumi Automation API: a LocalWorkspace on the repository itself (its
 * Pulumi.yaml and program, untouched), a passphrase secrets provider and the backend given, and a
 * stack under its own name whose settings file this run creates and deletes (see liveStackName).
 */
export async function automationWorkspace(options: AutomationOptions): Promise<LiveWorkspace> {
    const { root, stackName, log } = options;
    let workspace: LocalWorkspace;
    try {
        workspace = await LocalWorkspace.create({
            workDir: root,
            secretsProvider: "passphrase",
            // Set here rather than inherited: a shell that points PULUMI_BACKEND_URL at the team's
            // backend must not receive throwaway stacks. The passphrase and AWS credentials are
            // inherited from the environment.
            envVars: { PULUMI_BACKEND_URL: options.backendUrl, PULUMI_SKIP_UPDATE_CHECK: "true" },
        });
    } catch (error) {
        // The Automation API drives the `pulumi` binary; a missing or too old one is an environment problem.
        const message = (error as Error).message;
        const detail = message.includes("ENOENT") ? "`pulumi` is not on PATH" : message.replace(/\s+/g, " ").trim().slice(0, 300);
        throw new LiveUsageError(`cannot run the Pulumi CLI: ${detail}; install it: https://www.pulumi.com/docs/install/`, { cause: error });
    }

    if (options.backendUrl.startsWith("file://")) {
        fs.mkdirSync(fileURLToPath(options.backendUrl), { recursive: true });
    }

    const settingsFile = path.join(root, `Pulumi.${stackName}.yaml`);
    let createdSettingsFile = false;
    const deleteSettingsFile = () => {
        if (createdSettingsFile) {
            fs.rmSync(settingsFile, { force: true });
        }
    };
    const policy = { policyPacks: [options.policyPack], policyPackConfigs: [options.policyConfig] };
    const common = { color: "never" as const };

    /** Runs an engine operation with its output streamed to the log, whole lines only. */
    async function streamed<T>(operation: (onOutput: (chunk: string) => void) => Promise<T>): Promise<T> {
        const output = lineWriter(log);
        try {
            return await operation(output.write);
        } finally {
            output.flush();
        }
    }

    function liveStack(stack: Stack): LiveStack {
        return {
            async up() {
                const result = await streamed((onOutput) => stack.up({ ...common, ...policy, onOutput, onError: onOutput, signal: options.signal }));
                return plainOutputs(result.outputs);
            },
            async preview() {
                const events: EngineEvent[] = [];
                const result = await streamed((onOutput) =>
                    stack.preview({ ...common, ...policy, diff: true, onOutput, onError: onOutput, onEvent: (e) => events.push(e), signal: options.signal }),
                );
                return { changeSummary: result.changeSummary as Record<string, number>, changes: describeChanges(events) };
            },
            async prepareDestroy() {
                const preparation = destroyPreparation(options.project, await stateResources(stack));
                if (preparation === undefined) {
                    return [];
                }
                await stack.setAllConfig(preparation.config);
                await streamed((onOutput) =>
                    stack.up({ ...common, onOutput, onError: onOutput, target: [...preparation.targets], message: "live test: lift deletion guards before destroy" }),
                );
                // Something the config change did not release (a fork's own retained resource) would
                // outlive the run: say so now, destroy still runs after this step.
                const retained = retainedResources(await stateResources(stack));
                if (retained.length > 0) {
                    throw new Error(`destroy will leave these in the account (retainOnDelete): ${retained.join(", ")}; delete them by hand after the run`);
                }
                return preparation.changes;
            },
            async destroy() {
                await streamed((onOutput) => stack.destroy({ ...common, onOutput, onError: onOutput }));
            },
        };
    }

    return {
        stackName,
        async createStack() {
            if (fs.existsSync(settingsFile)) {
                // Not ours: a killed run's file (its stack may still hold resources) or a real stack.
                throw new LiveUsageError(`${path.basename(settingsFile)} already exists; see docs/live-test.md to clean up a killed run, or run again for another name`);
            }
            createdSettingsFile = true;
            let created = false;
            try {
                const stack = await Stack.create(stackName, workspace);
                created = true;
                await stack.setAllConfig(options.config);
                return liveStack(stack);
            } catch (error) {
                // Leave nothing behind: the stack is empty, removing it loses nothing.
                if (created) {
                    await workspace.removeStack(stackName).catch(() => undefined);
                }
                deleteSettingsFile();
                throw error;
            }
        },
        async removeStack() {
            await workspace.removeStack(stackName);
            deleteSettingsFile();
        },
    };
}
