import { strict as assert } from "node:assert";
import { proxyGeneration } from "../../../infra/lib/proxyGeneration";
import { fixturePlanWith, fixtureSettings, single } from "../../helpers/stackPlan";

const TARGET = "aws:rds/proxyTarget:ProxyTarget";

describe("components: DatabaseProxy, its target across replacements", () => {
    const azs = Number(fixtureSettings("small").availabilityZones ?? 2);

    it("names the target by the proxy's generation, which an AZ or VPC change moves and nothing else does", () => {
        const base = { availabilityZones: azs, cidrBlock: "10.0.0.0/16" };
        assert.notEqual(proxyGeneration({ ...base, availabilityZones: azs + 1 }), proxyGeneration(base));
        assert.notEqual(proxyGeneration({ ...base, cidrBlock: "10.1.0.0/16" }), proxyGeneration(base));
        assert.equal(proxyGeneration({ ...base }), proxyGeneration(base));
        assert.match(proxyGeneration(base), /^[0-9a-f]{8}$/);
    });

    it("gives a proxy replaced by an AZ change a new target, registered before the old one goes", async () => {
        const before = single(await fixturePlanWith("small", { availabilityZones: String(azs) }), TARGET);
        const after = single(await fixturePlanWith("small", { availabilityZones: String(azs + 1) }), TARGET);
        // Another logical name: Pulumi creates it (on the new proxy) and deletes the old one with the other deletes,
        // after the functions have moved to the new endpoint.
        assert.notEqual(after.name, before.name);
        assert.match(after.name, /^proxy-target-[0-9a-f]{8}$/);
    });

    it("keeps the target's name, and delete-before-replace, when only the instance is replaced", async () => {
        const before = single(await fixturePlanWith("small", { dbName: "orders" }), TARGET);
        const after = single(await fixturePlanWith("small", { dbName: "shop" }), TARGET);
        assert.equal(after.name, before.name);
        // The proxy's default target group holds one instance: the old registration must go first.
        assert.equal(after.options.deleteBeforeReplace, true);
    });
});
