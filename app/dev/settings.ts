import type { Server } from "node:net";

/** A mistake in how `npm run dev` was started: its message names the variable or port and the fix. */
export class DevStartError extends Error {
    override readonly name = "DevStartError";
}

export interface DevSettings {
    readonly port: number;
    readonly relayIntervalMs: number;
}

function wholeNumber(env: NodeJS.ProcessEnv, variable: string, fallback: number, min: number, max: number): number {
    const raw = env[variable];
    if (raw === undefined || raw === "") {
        return fallback;
    }
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
        throw new DevStartError(`${variable} must be a whole number from ${min} to ${max} (got ${JSON.stringify(raw)}). Fix: ${variable}=${fallback} npm run dev`);
    }
    return value;
}

/** PORT (default 3000; 0 picks a free one) and RELAY_INTERVAL_MS (default 1000), checked before anything starts. */
export function devSettings(env: NodeJS.ProcessEnv): DevSettings {
    return {
        port: wholeNumber(env, "PORT", 3000, 0, 65535),
        relayIntervalMs: wholeNumber(env, "RELAY_INTERVAL_MS", 1000, 100, 3_600_000),
    };
}

/**
 * Listens on localhost, or fails with a DevStartError that says what to do: a busy port otherwise surfaces as an
 * unhandled 'error' event, a raw stack trace, after MariaDB has already been started.
 */
export function listen(server: Server, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
        const onError = (error: NodeJS.ErrnoException) => {
            server.off("listening", onListening);
            const fix = "stop whatever uses it, or pick another port: PORT=3001 npm run dev";
            if (error.code === "EADDRINUSE") {
                reject(new DevStartError(`port ${port} on 127.0.0.1 is already in use; ${fix}`, { cause: error }));
            } else if (error.code === "EACCES") {
                reject(new DevStartError(`port ${port} needs privileges this user lacks; ${fix}`, { cause: error }));
            } else {
                reject(error);
            }
        };
        const onListening = () => {
            server.off("error", onError);
            const address = server.address();
            resolve(typeof address === "object" && address !== null ? address.port : port);
        };
        server.once("error", onError);
        server.once("listening", onListening);
        server.listen(port, "127.0.0.1");
    });
}
