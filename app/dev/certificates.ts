import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import * as path from "node:path";

export interface TestCertificates {
    /** The CA that signed the server certificate: what a client must trust. */
    readonly caFile: string;
    readonly certFile: string;
    readonly keyFile: string;
    /** A second, unrelated CA: a client trusting only this one must fail to connect. */
    readonly otherCaFile: string;
}

function openssl(cwd: string, args: string[]): void {
    execFileSync("openssl", args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
}

function createCa(dir: string, name: string, subject: string): void {
    openssl(dir, [
        "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", `${name}.key`, "-out", `${name}.pem`, "-days", "2", "-subj", subject,
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
    ]);
}

/**
 * Generates throwaway TLS material with the openssl CLI: a CA, a server certificate for `localhost`
 * (connecting by another name must fail host name verification), and an unrelated second CA.
 */
export function generateCertificates(dir: string): TestCertificates {
    createCa(dir, "ca", "/CN=Blueprint local test CA");
    createCa(dir, "other-ca", "/CN=Unrelated CA");
    openssl(dir, ["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost"]);
    writeFileSync(
        path.join(dir, "server.ext"),
        "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1\n",
    );
    openssl(dir, ["x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "server.ext"]);
    return {
        caFile: path.join(dir, "ca.pem"),
        certFile: path.join(dir, "server.pem"),
        keyFile: path.join(dir, "server.key"),
        otherCaFile: path.join(dir, "other-ca.pem"),
    };
}
