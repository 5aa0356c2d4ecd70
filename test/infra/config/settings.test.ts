import { strict as assert } from "node:assert";
import { ConfigSource, SETTINGS, parseConfig } from "../../../infra/config";
import { GROUPS, Setting, valueKind } from "../../../infra/config/setting";

const settings = Object.entries(SETTINGS) as [string, Setting][];
const source: ConfigSource = { project: "acme-orders", stack: "test", config: { "aws:region": "us-east-1" } };

/** Where a setting lands in the typed configuration: stack-wide ones at the top, the API's callers under api.auth, thresholds under observability. */
function pathOf(spec: Setting): string[] {
    switch (spec.group) {
        case "stack":
            return [spec.field];
        case "apiAuth":
            return ["api", "auth", spec.field];
        case "thresholds":
            return ["observability", "thresholds", spec.field];
        default:
            return [spec.group, spec.field];
    }
}

function at(value: unknown, path: readonly string[]): unknown {
    return path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);
}

describe("config/settings: the one schema", () => {
    for (const [name, spec] of settings) {
        it(`${name}: its default passes its own rule, and it says what it accepts and does`, () => {
            assert.ok(spec.schema.safeParse(spec.default).success, `${name}'s default ${JSON.stringify(spec.default)} fails its rule`);
            assert.ok(spec.accepts.trim().length > 0 && spec.description.trim().length > 0);
            assert.ok(spec.group in GROUPS);
            assert.doesNotThrow(() => valueKind(spec.schema));
        });
    }

    it("gives every setting its own place in the typed configuration", () => {
        const paths = settings.map(([, spec]) => pathOf(spec).join("."));
        assert.equal(new Set(paths).size, paths.length, "two settings share a field");
    });

    it("puts each setting's value where its group and field say, and nothing else besides the names and the region", () => {
        const config = parseConfig(source) as unknown as Record<string, unknown>;
        for (const [name, spec] of settings) {
            if (name === "tags") {
                continue; // merged with the three tags the blueprint adds, checked in parse.test.ts
            }
            if (spec.group === "apiAuth" && name !== "apiAuth") {
                continue; // the issuer and audiences exist only with apiAuth jwt, checked in parse.test.ts
            }
            assert.deepEqual(at(config, pathOf(spec)), spec.schema.parse(spec.default), name);
        }
        const leaves = (node: unknown, path: string[]): string[] =>
            typeof node === "object" && node !== null && !Array.isArray(node) && path[0] !== "tags"
                ? Object.entries(node).flatMap(([k, v]) => leaves(v, [...path, k]))
                : [path.join(".")];
        const expected = new Set([...settings.map(([, spec]) => pathOf(spec).join(".")), "project", "stack", "region", "name"]);
        for (const leaf of leaves(config, [])) {
            assert.ok(expected.has(leaf), `${leaf} comes from no setting`);
        }
    });
});
