import { strict as assert } from "node:assert";
import { createContext, urnKey } from "../../../tools/preflight/context";
import { T } from "../../../tools/preflight/rules";
import { baseline, find } from "./fixtures";

describe("preflight: context", () => {
    it("keys a URN by its own type and name, whatever components it is nested in", () => {
        assert.equal(urnKey("urn:pulumi:dev::app::blueprint:a:A$blueprint:b:B$aws:rds/proxy:Proxy::app-dev-proxy"), "aws:rds/proxy:Proxy::app-dev-proxy");
        assert.equal(urnKey("urn:pulumi:dev::app::pulumi:providers:aws::app-dev-aws"), "pulumi:providers:aws::app-dev-aws");
    });

    it("finds what a resource waits for and what waits for it, through dependency URNs", () => {
        const plan = baseline();
        const context = createContext(plan);
        const target = find(plan, T.rdsProxyTarget);
        assert.deepEqual(
            context.dependencies(target).map((r) => r.type),
            [T.rdsProxy, T.rdsProxyTargetGroup, T.rdsInstance],
        );
        assert.ok(context.dependents(find(plan, T.rdsProxy)).includes(target));
    });

    it("finds a resource's explicit provider, and ignores URNs of resources not in the plan", () => {
        const plan = baseline();
        const instance = find(plan, T.rdsInstance);
        const context = createContext([...plan, { type: T.iamRole, name: "orphan", inputs: {}, options: { dependsOn: ["urn:pulumi:dev::app::x:y:Z::gone"] } }]);
        assert.equal(context.provider(instance)?.type, "pulumi:providers:aws");
        assert.deepEqual(context.dependencies(context.resources[context.resources.length - 1]!), []);
    });
});
