import { readFileSync } from "node:fs";
import { createConnection, type Connection } from "mysql2/promise";

/**
 * The floor that `npm run bench` holds the API's cold start against: mysql2 and a handler that keeps one
 * connection and runs one query, nothing else. No function that talks to MySQL can load or answer its
 * first request with less; the bench bundles it with the API's settings and stubs (`bundleFile`).
 * It reads its login from the environment as it is, which the bench controls.
 */
let connection: Promise<Connection> | undefined;

export async function handler(): Promise<{ statusCode: number; body: string }> {
    const env = process.env;
    connection ??= createConnection({
        host: env.DB_HOST,
        port: Number(env.DB_PORT),
        database: env.DB_NAME,
        user: env.DB_USER,
        password: env.DB_PASSWORD,
        ssl: { ca: env.DB_TLS_CA_FILE ? readFileSync(env.DB_TLS_CA_FILE, "utf8") : undefined, rejectUnauthorized: true, verifyIdentity: true },
    });
    const [rows] = await (await connection).query("SELECT NOW() AS now");
    return { statusCode: 200, body: JSON.stringify(rows) };
}
