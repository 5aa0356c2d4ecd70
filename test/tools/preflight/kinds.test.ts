import { strict as assert } from "node:assert";
import { nameProblems, physicalName, rangeRule, readPath, type NameSpec } from "../../../tools/preflight/kinds";

const SPEC: NameSpec = {
    what: "thing name",
    property: "name",
    prefixProperty: "namePrefix",
    prefixRandomLength: 26,
    autoname: { separator: "-", randomLength: 7 },
    maxLength: 20,
    allowed: /[a-z0-9-]/,
    allowedText: "lower-case letters, digits and hyphens",
    first: { pattern: /[a-z]/, text: "a letter" },
    noDoubleHyphen: true,
    noTrailingHyphen: true,
};

const resource = (inputs: Record<string, unknown> = {}) => ({ type: "aws:x/thing:Thing", name: "app-dev-thing", inputs });

describe("preflight: kinds", () => {
    describe("physicalName", () => {
        it("is the explicit input when the program sets one", () => {
            assert.deepEqual(physicalName(resource({ name: "given" }), SPEC), { value: "given", origin: "explicit", generated: 0 });
        });

        it("is the prefix plus the characters the provider adds when only the prefix is set", () => {
            assert.deepEqual(physicalName(resource({ namePrefix: "p-" }), SPEC), { value: `p-${"x".repeat(26)}`, origin: "prefix", generated: 26 });
        });

        it("is the project's autonaming pattern when the project and stack are known, the type's separator left out", () => {
            const names = { project: "app", stack: "dev" };
            assert.deepEqual(physicalName(resource(), SPEC, names), { value: "app-dev-app-dev-thing-xxxxxxx", origin: "autoname", generated: 7 });
            assert.equal(physicalName(resource(), { ...SPEC, autoname: { separator: "", randomLength: 7 } }, names)?.value, "app-dev-app-dev-thing-xxxxxxx");
            assert.equal(physicalName(resource({ name: "given" }), SPEC, names)?.value, "given");
        });

        it("is the logical name, the separator and Pulumi's random characters without a pattern", () => {
            assert.equal(physicalName(resource(), SPEC)?.value, "app-dev-thing-xxxxxxx");
            assert.equal(physicalName(resource(), { ...SPEC, autoname: { separator: "", randomLength: 7 } })?.value, "app-dev-thingxxxxxxx");
            assert.equal(
                physicalName(resource(), { ...SPEC, autoname: { separator: "-", randomLength: 7, transform: (n) => `alias/${n}` } })?.value,
                "alias/app-dev-thing-xxxxxxx",
            );
        });

        it("is undefined while the explicit name is unknown, and without autonaming when nothing is set", () => {
            assert.equal(physicalName(resource({ name: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" }), SPEC), undefined);
            assert.equal(physicalName(resource(), { ...SPEC, autoname: undefined }), undefined);
        });
    });

    describe("nameProblems", () => {
        it("accepts a name within every constraint", () => {
            assert.deepEqual(nameProblems("app-dev-1", SPEC), []);
        });

        it("names each constraint a name breaks", () => {
            const kinds = (name: string) => nameProblems(name, SPEC).map((p) => p.kind);
            assert.deepEqual(kinds("a".repeat(21)), ["length"]);
            assert.deepEqual(kinds("App"), ["characters", "first"]);
            assert.deepEqual(kinds("a--b"), ["hyphens"]);
            assert.deepEqual(kinds("ab-"), ["hyphens"]);
            assert.deepEqual(kinds("1ab"), ["first"]);
        });

        it("lists the refused characters once each", () => {
            assert.deepEqual(nameProblems("a_b_c.d", SPEC)[0]?.characters, ["_", "."]);
        });

        it("applies required and forbidden prefixes, forbidden names and always-allowed names", () => {
            const spec: NameSpec = { ...SPEC, requiredPrefix: "alias/", forbiddenPrefixes: ["alias/aws/"], forbiddenNames: ["default"], allowed: /./ };
            assert.deepEqual(nameProblems("alias/aws/x", spec).map((p) => p.kind), ["reserved"]);
            assert.deepEqual(nameProblems("key", spec).map((p) => p.kind), ["prefix"]);
            assert.deepEqual(nameProblems("$default", { ...SPEC, alwaysAllowed: ["$default"] }), []);
            assert.deepEqual(nameProblems("DEFAULT", { ...SPEC, allowed: /./, first: undefined, forbiddenNames: ["default"] }).map((p) => p.kind), ["reserved"]);
        });
    });

    describe("rangeRule", () => {
        const rule = rangeRule({
            id: "x-range",
            types: ["aws:x/thing:Thing"],
            path: ["pool", "size"],
            what: "pool size",
            min: 1,
            max: 10,
            integer: true,
            description: "d",
            fix: "f",
            sources: [],
        });
        const context = { resources: [], dependencies: () => [], dependents: () => [], provider: () => undefined };
        const check = (inputs: Record<string, unknown>) => rule.check(resource(inputs), context);

        it("accepts the bounds and refuses just outside them", () => {
            assert.deepEqual(check({ pool: { size: 1 } }), []);
            assert.deepEqual(check({ pool: { size: 10 } }), []);
            assert.match(check({ pool: { size: 11 } })[0]?.message ?? "", /pool size is 11; AWS accepts a whole number from 1 to 10/);
            assert.equal(check({ pool: { size: 2.5 } }).length, 1);
        });

        it("skips an absent or unknown value, and reads numbers the provider passes as strings", () => {
            assert.deepEqual(check({}), []);
            assert.deepEqual(check({ pool: "dd056dcd-154b-4c76-9bd3-c8f88648b5ff" }), []);
            assert.equal(check({ pool: { size: "0" } }).length, 1);
        });
    });

    describe("readPath", () => {
        it("reads nested and JSON-encoded objects", () => {
            assert.equal(readPath({ a: { b: 1 } }, ["a", "b"]), 1);
            assert.equal(readPath({ a: '{"b":2}' }, ["a", "b"]), 2);
            assert.equal(readPath({}, ["a", "b"]), undefined);
        });
    });
});
