import { strict as assert } from "node:assert";
import { createServer } from "node:net";
import { DevStartError, devSettings, listen } from "../../../app/dev/settings";

describe("dev: settings", () => {
    describe("devSettings", () => {
        it("defaults to port 3000 and a relay run every second", () => {
            assert.deepEqual(devSettings({}), { port: 3000, relayIntervalMs: 1000 });
        });

        it("takes PORT and RELAY_INTERVAL_MS from the environment", () => {
            assert.deepEqual(devSettings({ PORT: "0", RELAY_INTERVAL_MS: "250" }), { port: 0, relayIntervalMs: 250 });
        });

        for (const [variable, value] of [
            ["PORT", "abc"],
            ["PORT", "70000"],
            ["PORT", "80.5"],
            ["RELAY_INTERVAL_MS", "0"],
        ] as const) {
            it(`refuses ${variable}=${value}, naming the variable and the fix`, () => {
                assert.throws(
                    () => devSettings({ [variable]: value }),
                    (error: unknown) => error instanceof DevStartError && error.message.startsWith(`${variable} must be`) && error.message.includes(`Fix: ${variable}=`),
                );
            });
        }
    });

    describe("listen", () => {
        it("listens on localhost and answers the port it got", async () => {
            const server = createServer();
            try {
                const port = await listen(server, 0);
                assert.ok(port > 0);
                assert.deepEqual(server.address(), { address: "127.0.0.1", family: "IPv4", port });
            } finally {
                server.close();
            }
        });

        it("refuses a busy port with a DevStartError that names it and how to pick another", async () => {
            const holder = createServer();
            const port = await listen(holder, 0);
            const second = createServer();
            try {
                await assert.rejects(
                    listen(second, port),
                    (error: unknown) => error instanceof DevStartError && error.message.includes(`port ${port}`) && error.message.includes("PORT=") && (error.cause as NodeJS.ErrnoException).code === "EADDRINUSE",
                );
                assert.equal(second.listening, false);
            } finally {
                holder.close();
            }
        });
    });
});
