import { spawn, execFile, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { createConnection, type Connection } from "mysql2/promise";
import { generateCertificates, type TestCertificates } from "./certificates";

const run = promisify(execFile);

/** A throwaway MariaDB on loopback with TLS, for tests, the dev server and the benchmark. */
export interface LocalMariaDb {
    /**
     * `localhost`, not 127.0.0.1: mysql2 checks the certificate against the host *name* only, and with an IP
     * address it has no name to check. The server listens on 127.0.0.1 only.
     */
    readonly host: "localhost";
    readonly port: number;
    readonly database: string;
    /** Plays the RDS master user: all privileges, grant option; its password is generated per run. */
    readonly admin: { readonly username: string; readonly password: string };
    readonly certificates: TestCertificates;
    readonly dir: string;
    /** A new TLS connection as the admin user (verified against the test CA). */
    connectAdmin(): Promise<Connection>;
    /** Stops the server, keeping its data; `start()` brings it back on the same port. */
    stop(): Promise<void>;
    start(): Promise<void>;
    /** Stops the server and deletes its directory. */
    destroy(): Promise<void>;
}

const binaryCandidates = ["/usr/sbin/mariadbd", "/usr/bin/mariadbd", "/usr/local/bin/mariadbd"];

/** Path of `mariadbd`, or undefined when MariaDB is not installed. */
export function findMariaDbBinary(): string | undefined {
    return binaryCandidates.find((candidate) => existsSync(candidate));
}

function onPath(command: string): boolean {
    return (process.env.PATH ?? "").split(path.delimiter).some((dir) => dir !== "" && existsSync(path.join(dir, command)));
}

/** The tools the local MariaDB needs that this machine lacks; empty when it can start. */
export function missingTools(): string[] {
    return [
        ...(findMariaDbBinary() === undefined ? ["mariadbd"] : []),
        ...(onPath("mariadb-install-db") ? [] : ["mariadb-install-db"]),
        ...(onPath("openssl") ? [] : ["openssl"]),
    ];
}

/** A port that was free a moment ago on loopback. */
export async function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.once("error", reject);
        server.listen(0, "127.0.0.1", () => {
            const address = server.address();
            server.close(() => (typeof address === "object" && address !== null ? resolve(address.port) : reject(new Error("no port"))));
        });
    });
}

async function waitFor<T>(what: string, attempt: () => Promise<T>, timeoutMs: number, logFile: string): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    while (Date.now() < deadline) {
        try {
            return await attempt();
        } catch (error) {
            lastError = error;
            await new Promise((resolve) => setTimeout(resolve, 100));
        }
    }
    const log = existsSync(logFile) ? readFileSync(logFile, "utf8").split("\n").slice(-15).join("\n") : "(no log)";
    throw new Error(`${what} timed out: ${String(lastError)}\n${log}`);
}

/**
 * Starts MariaDB in a new temp directory: generates certificates, initialises a data directory, starts
 * `mariadbd` on a free loopback port with TLS required for TCP clients, and creates an admin user and an
 * empty database. About 3-5 s; start one per test run, not one per test.
 */
export interface MariaDbOptions {
    readonly database?: string;
    /**
     * Serve every connection from one pool of server threads instead of a thread per connection. For the
     * benchmark, which times two connections side by side: with a thread each, where the scheduler places
     * each thread made one connection ~30 µs faster than the other for a whole run (measured on 2 cores),
     * and which one was luck. Tests keep MariaDB's default.
     */
    readonly threadPool?: boolean;
}

export async function startMariaDb(options: MariaDbOptions = {}): Promise<LocalMariaDb> {
    const binary = findMariaDbBinary();
    const missing = missingTools();
    if (binary === undefined || missing.length > 0) {
        throw new Error(`Cannot start MariaDB, missing: ${missing.join(", ")} (apt-get install mariadb-server openssl)`);
    }
    const mariadbd: string = binary;
    // mariadbd refuses to run as root unless told to; as any other user, it runs as that user.
    const user = userInfo().username;
    const dir = mkdtempSync(path.join(tmpdir(), "blueprint-mariadb-"));
    const dataDir = path.join(dir, "data");
    const socket = path.join(dir, "mysqld.sock");
    const logFile = path.join(dir, "error.log");
    // Each server's own temporary directory: at start-up a server deletes the `#sql*` files it finds in its tmpdir,
    // so two servers sharing /tmp (parallel test workers, another run) break each other's bootstrap.
    const tmpDir = path.join(dir, "tmp");
    mkdirSync(dataDir);
    mkdirSync(tmpDir);
    const certificates = generateCertificates(dir);
    const database = options.database ?? "orders";
    const admin = { username: "admin", password: randomBytes(18).toString("base64url") };
    const port = await freePort();

    await run("mariadb-install-db", [
        "--no-defaults", `--datadir=${dataDir}`, `--user=${user}`, "--auth-root-authentication-method=normal",
        "--skip-test-db", "--skip-name-resolve", `--tmpdir=${tmpDir}`,
    ]);

    let child: ChildProcess | undefined;
    // Last resort when the owner exits without destroy() (Ctrl-C, a crashed test run): no stray server, no stray files.
    const exitOnQuit = () => {
        child?.kill("SIGKILL");
        rmSync(dir, { recursive: true, force: true });
    };

    async function start(): Promise<void> {
        child = spawn(
            mariadbd,
            [
                "--no-defaults", `--user=${user}`, `--datadir=${dataDir}`, `--tmpdir=${tmpDir}`, `--socket=${socket}`, `--port=${port}`,
                "--bind-address=127.0.0.1", "--skip-name-resolve", `--pid-file=${path.join(dir, "mysqld.pid")}`,
                `--log-error=${logFile}`, `--ssl-ca=${certificates.caFile}`, `--ssl-cert=${certificates.certFile}`,
                `--ssl-key=${certificates.keyFile}`, "--require-secure-transport=ON", "--default-time-zone=+00:00",
                "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci",
                // Small and not durable: a throwaway server on a shared CI machine.
                "--innodb-buffer-pool-size=32M", "--innodb-log-file-size=16M", "--innodb-flush-log-at-trx-commit=0",
                "--innodb-doublewrite=0", "--performance-schema=OFF", "--skip-log-bin", "--max-connections=200",
                ...(options.threadPool ? ["--thread-handling=pool-of-threads", "--thread-pool-size=1"] : []),
            ],
            { stdio: "ignore" },
        );
        // The server must never keep a finished test run (or the dev server) alive, nor outlive it.
        child.unref();
        process.once("exit", exitOnQuit);
        const started = child;
        await waitFor(
            "mariadbd start",
            async () => {
                if (started.exitCode !== null) {
                    throw new Error(`mariadbd exited with ${started.exitCode}`);
                }
                const connection = await createConnection({ socketPath: socket, user: "root", password: "" });
                await connection.end();
            },
            60_000,
            logFile,
        );
    }

    async function stop(): Promise<void> {
        const running = child;
        child = undefined;
        process.removeListener("exit", exitOnQuit);
        if (running === undefined || running.exitCode !== null) {
            return;
        }
        const exited = new Promise<void>((resolve) => running.once("exit", () => resolve()));
        running.kill("SIGTERM");
        const timer = setTimeout(() => running.kill("SIGKILL"), 15_000);
        await exited;
        clearTimeout(timer);
    }

    await start();
    const root = await createConnection({ socketPath: socket, user: "root", password: "" });
    try {
        await root.query(`CREATE DATABASE IF NOT EXISTS ??`, [database]);
        await root.query("CREATE USER ?@'%' IDENTIFIED BY ?", [admin.username, admin.password]);
        await root.query("GRANT ALL PRIVILEGES ON *.* TO ?@'%' WITH GRANT OPTION", [admin.username]);
    } finally {
        await root.end();
    }

    const caPem = readFileSync(certificates.caFile, "utf8");
    return {
        host: "localhost",
        port,
        database,
        admin,
        certificates,
        dir,
        connectAdmin: () =>
            createConnection({
                host: "localhost",
                port,
                user: admin.username,
                password: admin.password,
                database,
                ssl: { ca: caPem, rejectUnauthorized: true, verifyIdentity: true },
            }),
        stop,
        start,
        async destroy() {
            await stop();
            rmSync(dir, { recursive: true, force: true });
        },
    };
}
