import { strict as assert } from "node:assert";
import { stackDemands } from "../../../tools/live/demands";
import { fixturePlan, fixturePlanWith, fixtureSettings } from "../../helpers/stackPlan";

describe("live: stackDemands", () => {
    it("reads the database's class and engine version from the stack's plan", async () => {
        const settings = fixtureSettings("small");
        const demands = stackDemands(await fixturePlan("small"));
        assert.equal(demands.instanceClass, settings.dbInstanceClass);
        assert.match(demands.engineVersion, /^\d+\.\d+/);
    });

    it("follows the stack's settings", async () => {
        const demands = stackDemands(await fixturePlanWith("small", { dbInstanceClass: "db.m7g.large", dbEngineVersion: "8.0" }));
        assert.equal(demands.instanceClass, "db.m7g.large");
        assert.equal(demands.engineVersion, "8.0");
    });

    it("lists every function with reserved concurrency, and only those", async () => {
        const plan = await fixturePlan("hardened");
        const reserved = plan.resources.filter((r) => typeof r.inputs.reservedConcurrentExecutions === "number" && r.type.startsWith("aws:lambda/function:"));
        assert.deepEqual(Object.keys(stackDemands(plan).reservedConcurrency).sort(), reserved.map((r) => r.name).sort());
        const extra = { ...plan.resources[0]!, type: "aws:lambda/function:Function", name: "extra-fn", inputs: { reservedConcurrentExecutions: 3 } };
        const withOne = { ...plan, resources: [...plan.resources, extra] };
        assert.equal(stackDemands(withOne).reservedConcurrency["extra-fn"], 3);
    });

    it("says so when the plan has no database", async () => {
        const plan = await fixturePlan("small");
        assert.throws(() => stackDemands({ ...plan, resources: [] }), /has no database instance/);
    });
});
