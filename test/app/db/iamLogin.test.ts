import { strict as assert } from "node:assert";
import { randomBytes } from "node:crypto";
import type { Connection, RowDataPacket } from "mysql2/promise";
import { loadApiConfig } from "../../../app/src/config";
import { createApiContainer, type ApiContainer } from "../../../app/src/container";
import { invoke } from "../support/invoke";
import { useLocalEnvironment } from "../support/localEnvironment";
import { silentLogger } from "../support/silentLogger";

/**
 * The API's IAM path against a real server. MariaDB has no RDS IAM plugin, so the stand-in is a user
 * whose password is the stub signer's token: the server really checks what the signer produced, over
 * TLS, and a token it does not know is refused. What only RDS can show (the token's signature, the
 * cleartext plugin negotiation, the proxy) is listed in the README.
 */
describe("db: IAM login (against MariaDB)", function () {
    this.timeout(30_000);
    const local = useLocalEnvironment();
    const user = `iam_${randomBytes(4).toString("hex")}`;
    let admin: Connection;
    let token: string;
    let signed: number;
    const containers: ApiContainer[] = [];

    const newToken = () => randomBytes(24).toString("base64url");
    const container = () => {
        const api = createApiContainer(loadApiConfig({ ...local.env().apiEnv, DB_AUTH: "iam", DB_USER: user, DB_SECRET_ARN: "" }), {
            logger: silentLogger(),
            signer: {
                getAuthToken: async () => {
                    signed += 1;
                    return token;
                },
            },
        });
        containers.push(api);
        return api;
    };
    async function killConnectionsOf(name: string): Promise<void> {
        const [rows] = await admin.query<RowDataPacket[]>("SELECT ID FROM information_schema.PROCESSLIST WHERE USER = ?", [name]);
        for (const row of rows) {
            await admin.query("KILL ?", [row.ID]);
        }
    }

    before(async () => {
        admin = await local.env().mariadb.connectAdmin();
        token = newToken();
        // REQUIRE SSL: the server itself refuses this user on a connection without TLS.
        await admin.query("CREATE USER ?@'%' IDENTIFIED BY ? REQUIRE SSL", [user, token]);
        await admin.query("GRANT SELECT, INSERT ON ?? TO ?@'%'", [`${local.env().mariadb.database}.events`, user]);
    });
    beforeEach(() => {
        signed = 0;
    });
    after(async () => {
        await Promise.all(containers.splice(0).map((c) => c.db.close()));
        await admin?.query("DROP USER IF EXISTS ?@'%'", [user]);
        await admin?.end();
    });

    it("logs in with the signed token over TLS and serves requests on that one connection", async () => {
        const api = container();
        assert.equal((await invoke(api, "GET", "/time")).status, 200);
        assert.equal((await invoke(api, "GET", "/ready")).status, 200);
        assert.equal(signed, 1, "one token for one connection");
        const rows = await api.db.query<RowDataPacket[]>("SELECT CURRENT_USER() AS who", [], { retryOnFatal: true });
        assert.equal(rows[0]?.who, `${user}@%`);
        const cipher = await api.db.query<RowDataPacket[]>("SHOW SESSION STATUS LIKE 'Ssl_cipher'", [], { retryOnFatal: true });
        assert.notEqual(String(cipher[0]?.Value ?? ""), "", "the session is encrypted");
    });

    it("signs a fresh token for the next connection, which the server checks again", async () => {
        const api = container();
        assert.equal((await invoke(api, "GET", "/time")).status, 200);
        token = newToken();
        await admin.query("ALTER USER ?@'%' IDENTIFIED BY ?", [user, token]);
        await killConnectionsOf(user);
        assert.equal((await invoke(api, "GET", "/time")).status, 200);
        assert.equal(signed, 2);
    });

    it("answers 503 without details when the server refuses the token", async () => {
        const api = container();
        const accepted = token;
        token = newToken();
        try {
            const reply = await invoke(api, "GET", "/time");
            assert.equal(reply.status, 503, reply.text);
            assert.equal(reply.body.error, "service_unavailable");
            assert.ok(!reply.text.includes(token) && !reply.text.includes(user), "no token or user in the response");
        } finally {
            token = accepted;
        }
    });
});
