import { spawn, type ChildProcess } from "node:child_process";
import { startEventBridgeStub } from "../dev/eventBridgeStub";

/**
 * The EventBridge stub in a process of its own, for the relay's drain rate: EventBridge does not share the relay's
 * CPU, and on a busy machine a stub in the relay's process would bill its JSON parsing and answers to the relay.
 * Run as a script it starts the stub (latency from argv[2]), prints its endpoint, and keeps no entries.
 */
export interface StubProcess {
    readonly endpoint: string;
    stop(): Promise<void>;
}

export async function startStubProcess(latencyMs: number): Promise<StubProcess> {
    // The bench runs under tsx; the child loads this file the same way.
    const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", __filename, String(latencyMs)], { stdio: ["ignore", "pipe", "inherit"] });
    const endpoint = await new Promise<string>((resolve, reject) => {
        child.once("error", reject);
        child.once("exit", (code) => reject(new Error(`bench: the stub process exited (${String(code)}) before it listened`)));
        child.stdout?.once("data", (chunk: Buffer) => resolve(String(chunk).trim()));
    });
    return {
        endpoint,
        stop: () =>
            new Promise<void>((resolve) => {
                child.removeAllListeners("exit");
                child.once("exit", () => resolve());
                child.kill();
            }),
    };
}

if (require.main === module) {
    void (async () => {
        const bus = await startEventBridgeStub({ latencyMs: Number(process.argv[2] ?? 0) });
        // Nothing reads what it accepted: drop it as it comes, so a long drain does not grow the process.
        setInterval(() => bus.accepted.splice(0), 1_000);
        process.stdout.write(`${bus.endpoint}\n`);
    })();
}
