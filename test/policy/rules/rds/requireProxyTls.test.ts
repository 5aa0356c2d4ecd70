import { strict as assert } from "node:assert";
import { requireProxyTls } from "../../../../policy/rules/rds/requireProxyTls";
import { runPolicy, UNKNOWN, withProp } from "../../../helpers/policy";
import { rdsProxy } from "../../../helpers/policyFixtures";

describe("rule: require-tls-on-database-proxy", () => {
    it("passes the blueprint's proxy", async () => {
        assert.deepEqual(await runPolicy(requireProxyTls, rdsProxy()), []);
    });

    it("reports a proxy when requireTls is false", async () => {
        assert.deepEqual(await runPolicy(requireProxyTls, withProp(rdsProxy(), "requireTls", false)), ["requireTls is not true"]);
    });

    it("reports a proxy when requireTls is unset (the AWS default is false)", async () => {
        assert.equal((await runPolicy(requireProxyTls, withProp(rdsProxy(), "requireTls", undefined))).length, 1);
    });

    it("does not report an unknown value during preview", async () => {
        assert.deepEqual(await runPolicy(requireProxyTls, withProp(rdsProxy(), "requireTls", UNKNOWN.boolean)), []);
    });
});
