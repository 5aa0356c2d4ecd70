import { strict as assert } from "node:assert";
import { makeResourceArgs, makeStackArgs, normalizeProps, NotApplicableError } from "../../../policy/lib/args";
import { UNKNOWN } from "../../helpers/policy";

import { Instance } from "@pulumi/aws/rds/instance";
import { Proxy as RdsProxy } from "@pulumi/aws/rds/proxy";

const input = (props: Record<string, unknown>) => ({
    type: "aws:rds/instance:Instance",
    name: "db",
    urn: "urn:pulumi:dev::p::aws:rds/instance:Instance::db",
    props,
    config: { minimumRetentionDays: 14 },
});

describe("lib: args", () => {
    it("builds SDK-shaped resource args: isType/asType by type token, getConfig, notApplicable", () => {
        const args = makeResourceArgs(input({ engine: "mysql" }));
        assert.equal(args.isType(Instance), true);
        assert.equal(args.isType(RdsProxy), false);
        assert.equal(args.asType(Instance)?.engine, "mysql");
        assert.equal(args.asType(RdsProxy), undefined);
        assert.deepEqual(args.getConfig(), { minimumRetentionDays: 14 });
        assert.throws(() => args.notApplicable("no"), NotApplicableError);
    });

    it("wraps props in the SDK's unknown-checking proxy, as during preview", () => {
        const args = makeResourceArgs(input({ publiclyAccessible: UNKNOWN.boolean }));
        assert.throws(() => args.props.publiclyAccessible, /can't be known during preview/);
    });

    it("unwraps serialized secrets at any depth and drops undefined values", () => {
        const secret = (value: unknown) => ({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value });
        assert.deepEqual(normalizeProps({ a: secret("x"), b: [secret({ c: 1 })], d: undefined }), { a: "x", b: [{ c: 1 }] });
    });

    it("links stack resources to the resources they depend on, by name or URN", () => {
        const args = makeStackArgs(
            [
                { type: "t:a:A", name: "a", urn: "urn:a", props: {} },
                { type: "t:b:B", name: "b", urn: "urn:b", props: {}, dependsOn: ["a", "urn:missing"] },
            ],
            {},
        );
        assert.deepEqual(args.resources[1]!.dependencies.map((r) => r.name), ["a"]);
    });
});
