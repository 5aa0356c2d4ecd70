import { strict as assert } from "node:assert";
import { shellCredentials, shellLineCredentials, shellWords } from "../../../../policy/lib/decode/shell";
import { generatedPassword } from "../../../helpers/policyFixtures";

describe("lib/decode: shell", () => {
    const pw = generatedPassword();

    it("splits words as the shell does, quotes and command substitutions inside a word included", () => {
        assert.deepEqual(shellWords(`A="x y" b 'c d' --o=\"e\"`), ["A=x y", "b", "c d", "--o=e"]);
        // Quotes go wherever they are; a substitution stays one word, which the scanner reads as a reference.
        assert.deepEqual(shellWords('T=$(curl -X PUT "http://x" -H "a: b") next'), ["T=$(curl -X PUT http://x -H a: b)", "next"]);
        assert.deepEqual(shellWords("T=`cat /run/secrets/t` next"), ["T=`cat /run/secrets/t`", "next"]);
    });

    const cases: [string, string, string][] = [
        ["an assignment before a command", `PGPASSWORD=${pw} psql -h db -U app`, "PGPASSWORD"],
        ["assignments after env", `env MYSQL_PWD=${pw} mysql -h db`, "MYSQL_PWD"],
        ["curl -u user:password", `curl -fsS -u admin:${pw} https://internal/api`, "password"],
        ["curl --user=user:password", `curl --user=admin:${pw} https://internal/api`, "password"],
        ["docker login -p", `docker login -u ci -p ${pw} registry.internal`, "password"],
        ["docker login --password", `docker login -u ci --password ${pw} registry.internal`, "password"],
        ["mysql -p attached", `mysql -uapp -p${pw} -h db`, "password"],
        ["sshpass -p", `sshpass -p ${pw} ssh host`, "password"],
        ["--password=", `./migrate --host=db --password=${pw}`, "password"],
        ["docker run -e", `docker run -e DB_PASSWORD=${pw} orders`, "DB_PASSWORD"],
        ["an Authorization header", `curl -H "Authorization: Bearer ${pw}" https://internal/api`, "authorization token"],
        ["an API key header", `curl --header 'X-Api-Key: ${pw}' https://internal/api`, "X-Api-Key"],
    ];
    for (const [what, line, name] of cases) {
        it(`finds ${what}`, () => {
            assert.ok(
                shellLineCredentials(line).some((c) => c.name === name && c.value === pw),
                JSON.stringify(shellLineCredentials(line)),
            );
        });
    }

    it("reads -p as a port or a path outside a registry login", () => {
        for (const line of ["docker run -d -p 8080:80 nginx", "podman run -p 5432:5432 postgres", "mkdir -p /opt/app", "helm install -p values orders ./chart"]) {
            assert.deepEqual(shellLineCredentials(line), [], line);
        }
    });

    it("finds nothing in a password passed on stdin or a plain mysql -p prompt", () => {
        assert.deepEqual(shellLineCredentials("echo $TOKEN | docker login -u ci --password-stdin registry.internal").filter((c) => c.name === "password"), []);
        assert.deepEqual(shellLineCredentials("mysql -u app -p -h db"), []);
    });

    it("reads every line of a script, continuation lines joined", () => {
        const script = `#!/bin/bash\nset -e\ncurl -fsS \\\n  -u admin:${pw} https://internal/api\n`;
        assert.deepEqual(shellCredentials(script), [{ name: "password", value: pw }]);
    });
});
