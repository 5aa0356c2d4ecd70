import { strict as assert } from "node:assert";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { baseConnectionOptions } from "../../../app/src/db/connectionOptions";

const target = { host: "db.example.internal", port: 3306, database: "orders" } as const;
const verified = { rejectUnauthorized: true, verifyIdentity: true, minVersion: "TLSv1.2" };
// Stands in for the RDS CA bundle that the migrate function passes; any PEM-shaped text will do here.
const defaultCa = () => ["-----BEGIN CERTIFICATE-----\nrds\n-----END CERTIFICATE-----\n"];

describe("db: baseConnectionOptions", () => {
    let dir: string;
    let caFile: string;
    before(() => {
        dir = mkdtempSync(path.join(tmpdir(), "ca-"));
        caFile = path.join(dir, "ca.pem");
        writeFileSync(caFile, "-----BEGIN CERTIFICATE-----\nlocal\n-----END CERTIFICATE-----\n");
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it("verifies the certificate and the host name, with Node's trust store when given no CA", () => {
        const options = baseConnectionOptions({ ...target, tls: { mode: "required" } });
        assert.deepEqual(options.ssl, verified);
        assert.equal(options.multipleStatements, false);
        assert.equal(options.host, target.host);
    });

    it("trusts the default CA bundle when one is given and no CA file is configured", () => {
        assert.deepEqual(baseConnectionOptions({ ...target, tls: { mode: "required" } }, defaultCa).ssl, { ...verified, ca: defaultCa() });
    });

    it("prefers a configured CA file over the default bundle", () => {
        const options = baseConnectionOptions({ ...target, tls: { mode: "required", caFile } }, defaultCa);
        assert.deepEqual(options.ssl, { ...verified, ca: "-----BEGIN CERTIFICATE-----\nlocal\n-----END CERTIFICATE-----\n" });
    });

    it("sends no TLS options only when TLS is disabled", () => {
        assert.equal(baseConnectionOptions({ ...target, tls: { mode: "disabled" } }, defaultCa).ssl, undefined);
    });
});
