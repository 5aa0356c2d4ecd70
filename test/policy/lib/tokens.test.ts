import { strict as assert } from "node:assert";
import { findTokenFindings } from "../../../policy/lib/tokens";
import { randomChars, TOKENS } from "../../helpers/policyTokens";

describe("lib: tokens", () => {
    it("reports each rule once, masked, naming the source", async () => {
        const a = TOKENS["github-pat"]!.make();
        const b = TOKENS["github-pat"]!.make();
        const findings = await findTokenFindings(`${a} ${b}`);
        assert.equal(findings.length, 1);
        assert.match(findings[0]!.message, /^contains a GitHub token ghp_…\(40 chars\) \(secretlint: github\)$/);
        assert.ok(!findings[0]!.message.includes(a.slice(4)));
    });

    it("applies an own format's guard (Twilio needs its vendor's name nearby)", async () => {
        const key = TOKENS["twilio-api-key"]!.make();
        assert.deepEqual(await findTokenFindings(`value ${key}`), []);
        assert.deepEqual((await findTokenFindings(`twilio ${key}`)).map((f) => f.anchor), ["gitleaks:twilio-api-key"]);
    });

    it("drops documented examples and templated matches", async () => {
        const example = `aws_secret_access_key = ${randomChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 30)}EXAMPLEKEY`;
        assert.deepEqual(await findTokenFindings(example), []);
    });
});
