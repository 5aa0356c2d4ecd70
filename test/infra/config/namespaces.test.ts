import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { READ_NAMESPACES, namespaceProblems } from "../../../infra/config/namespaces";
import { repositoryRoot } from "../../../tools/plan/run";

const project = "acme-orders";
const settings = ["flowLogs", "dbMultiAz", "events"];
const check = (keys: string[], stack = "small") => namespaceProblems({ project, stack, keys, settings });

describe("config/namespaces: namespaceProblems", () => {
    it("accepts the project's keys, the providers' and the engine's", () => {
        assert.deepEqual(check(["aws:region", "acme-orders:flowLogs", "pulumi:tags", "random:x", "awsx:y"]), []);
    });

    it("refuses a key in a misspelt namespace, naming the key, the stack file, the namespace expected and the fix", () => {
        const problems = check(["aws:region", "acme-orders:events", "acme-order:flowLogs"]);
        assert.equal(problems.length, 1);
        const [problem] = problems;
        assert.match(problem!, /^acme-order:flowLogs in Pulumi\.small\.yaml is in namespace "acme-order", which nothing in this program reads/);
        assert.match(problem!, /the project's settings are in "acme-orders" \(Pulumi\.yaml's name\)/);
        assert.match(problem!, /Did you mean acme-orders:flowLogs\?/);
        assert.match(problem!, /Fix: rename it to acme-orders:flowLogs in Pulumi\.small\.yaml$/);
    });

    it("suggests the setting too when both the namespace and the name are near misses", () => {
        assert.match(check(["acme-orders:events", "acme-ordrs:flowlog"])[0]!, /Did you mean acme-orders:flowLogs\?/);
    });

    it("suggests a provider's namespace when that is the near miss", () => {
        assert.match(check(["acme-orders:events", "awz:region"])[0]!, /Did you mean aws:region\?/);
    });

    it("refuses a key in a namespace near nothing, with the command that removes it and no guess", () => {
        const [problem] = check(["acme-orders:events", "billing:owner"], "hardened");
        assert.doesNotMatch(problem!, /Did you mean/);
        assert.match(problem!, /Fix: move it to acme-orders:<setting> .* or remove it: pulumi config rm billing:owner --stack hardened$/);
    });

    it("says so in one message when every setting sits in another project's namespace", () => {
        const problems = check(["aws:region", "northwind:flowLogs", "northwind:dbMultiAz", "northwind:events"]);
        assert.deepEqual(problems, [
            `every setting in Pulumi.small.yaml is in namespace "northwind" but the project is "acme-orders" (Pulumi.yaml's name), so none ` +
                `of them would be read and every setting would fall back to its default. Fix: rename the keys (northwind:<key> → acme-orders:<key>) ` +
                `or Pulumi.yaml's name (name: northwind)`,
        ]);
    });

    it("lists each stray key when they sit in several namespaces", () => {
        assert.equal(check(["aws:region", "northwind:flowLogs", "contoso:events"]).length, 2);
    });

    it("reads every provider package the program imports, and only those", () => {
        const imported = new Set<string>();
        const walk = (dir: string): void => {
            for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
                const file = path.join(dir, entry.name);
                if (entry.isDirectory()) {
                    walk(file);
                } else if (file.endsWith(".ts")) {
                    for (const [, pkg] of fs.readFileSync(file, "utf8").matchAll(/from "@pulumi\/([a-z0-9-]+)"/g)) {
                        imported.add(pkg!);
                    }
                }
            }
        };
        walk(path.join(repositoryRoot, "infra"));
        imported.delete("pulumi"); // the SDK itself; its namespace is the engine's pulumi:
        assert.deepEqual(
            [...imported].sort(),
            READ_NAMESPACES.filter((n) => n !== "pulumi"),
            "READ_NAMESPACES (infra/config/namespaces.ts) must list the provider packages infra/ imports",
        );
    });
});
