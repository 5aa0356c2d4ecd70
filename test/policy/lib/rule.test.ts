import { strict as assert } from "node:assert";
import { configDefaults, resourceRule } from "../../../policy/lib/rule";
import { makeResourceArgs } from "../../../policy/lib/args";
import { runPolicy, UNKNOWN } from "../../helpers/policy";

const seen: { type: string; props: Record<string, unknown>; config: { limit: number } }[] = [];
const probe = resourceRule<{ limit: number }>({
    name: "require-probe",
    description: "A probe.",
    enforcementLevel: "mandatory",
    severity: "low",
    topics: ["test"],
    rationale: "test rule",
    configSchema: { properties: { limit: { type: "integer", default: 3 }, other: { type: "string" } } },
    types: ["aws:a/b:C"],
    check: (props, report, { type, config }) => {
        seen.push({ type, props, config });
        report("seen");
    },
});

describe("lib: rule", () => {
    beforeEach(() => seen.splice(0));

    it("collects the defaults of a config schema", () => {
        assert.deepEqual(configDefaults(probe.configSchema), { limit: 3 });
        assert.deepEqual(configDefaults(undefined), {});
    });

    it("runs the check only for its types", async () => {
        assert.deepEqual(await runPolicy(probe, { type: "aws:x/y:Z", props: {} }), []);
        assert.deepEqual(await runPolicy(probe, { type: "aws:a/b:C", props: {} }), ["seen"]);
    });

    it("hands the check plain props (unknowns as sentinels) and config over defaults", async () => {
        await runPolicy(probe, { type: "aws:a/b:C", props: { x: UNKNOWN.string } }, { limit: 9 });
        assert.equal(seen[0]!.props.x, UNKNOWN.string);
        assert.equal(seen[0]!.config.limit, 9);
    });

    it("applies the schema defaults itself when the engine passes no config", async () => {
        const args = makeResourceArgs({ type: "aws:a/b:C", name: "c", urn: "urn:c", props: {}, config: {} });
        await (probe.validateResource as (a: typeof args, r: (m: string) => void) => Promise<void>)(args, () => undefined);
        assert.equal(seen[0]!.config.limit, 3);
    });
});
