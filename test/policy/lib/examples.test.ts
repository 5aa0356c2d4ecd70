import { strict as assert } from "node:assert";
import { isDocumentedExample, isPlaceholderValue, isStorageEmulatorAccount } from "../../../policy/lib/examples";
import { generatedPassword } from "../../helpers/policyFixtures";
import { randomChars } from "../../helpers/policyTokens";

describe("lib: examples", () => {
    const base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    it("knows AWS's documented example keys by their suffix (gitleaks aws-access-token allowlist)", () => {
        assert.equal(isDocumentedExample("AKIA" + randomChars(base32, 9) + "EXAMPLE"), true);
        assert.equal(isDocumentedExample(randomChars(base32, 30) + "EXAMPLEKEY"), true);
        assert.equal(isDocumentedExample("AKIA" + randomChars(base32, 16)), false);
    });

    it("knows unrendered templates (detect-secrets is_templated_secret)", () => {
        for (const value of ["{{ token }}", "Bearer {{ .Values.token }}", "${TOKEN}", "<your-token>", "%(password)s"]) {
            assert.equal(isPlaceholderValue(value), true, value);
        }
    });

    it("knows placeholder words, whole values only", () => {
        for (const value of ["changeme", "CHANGE_ME", "replace-me", "your_password", "xxxxxxxx", "redacted"]) {
            assert.equal(isPlaceholderValue(value), true, value);
        }
        for (const value of [`changeme-${generatedPassword()}`, generatedPassword(), "password1"]) {
            assert.equal(isPlaceholderValue(value), false, value);
        }
    });

    it("knows the storage emulator's account", () => {
        assert.equal(isStorageEmulatorAccount([{ name: "AccountName", value: "devstoreaccount1" }]), true);
        assert.equal(isStorageEmulatorAccount([{ name: "UseDevelopmentStorage", value: "true" }]), true);
        assert.equal(isStorageEmulatorAccount([{ name: "AccountName", value: "ordersprod" }]), false);
    });
});
