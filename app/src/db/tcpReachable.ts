import { connect } from "node:net";

/**
 * Whether `host:port` accepts a TCP connection within `timeoutMs`; the connection is closed at once, nothing is sent.
 * The readiness probe asks it after a connect timeout, to tell a dropped connection (security groups) from a proxy that
 * accepted it and stalled the login.
 */
export function tcpReachable(host: string, port: number, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
        const socket = connect({ host, port });
        const done = (reachable: boolean) => {
            socket.destroy();
            resolve(reachable);
        };
        socket.setTimeout(timeoutMs, () => done(false));
        socket.once("connect", () => done(true));
        socket.once("error", () => done(false));
    });
}
