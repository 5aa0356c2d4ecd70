import { strict as assert } from "node:assert";
import type { StackPlan } from "../../tools/plan/run";
import { projectConfig } from "../../tools/plan/stackFile";
import { repositoryRoot } from "../../tools/plan/run";
import { fixturePlan, fixturePlanWith } from "../helpers/stackPlan";

/** `<urn>::<id>`: the URN's last segment is the resource's name. */
const urnOf = (reference: string) => reference.slice(0, reference.lastIndexOf("::"));
const nameOfUrn = (urn: string) => urn.split("::").pop() ?? "";
const typeOfUrn = (urn: string) => (urn.split("::")[2] ?? "").split("$").pop() ?? "";

/**
 * What relies on `pulumi:disable-default-providers: [aws]` in Pulumi.yaml: with it the engine refuses any AWS resource
 * or call that would fall to a default provider, so each must name the stack's one explicit provider, directly or
 * through its parents.
 */
function defaultProviderUses(plan: StackPlan): string[] {
    const explicit = plan.resources.filter((r) => r.type === "pulumi:providers:aws").map((r) => r.name);
    const onExplicit = (reference: string | undefined) => reference !== undefined && explicit.includes(nameOfUrn(urnOf(reference)));
    const registrations = plan.registrations ?? [];
    const registration = (urn: string) => registrations.find((r) => r.name === nameOfUrn(urn) && r.type === typeOfUrn(urn));
    /** A remote component gets the aws provider from the nearest component above it that was given one. */
    const inheritsAws = (parentUrn: string): boolean => {
        const parent = registration(parentUrn);
        return parent !== undefined && (parent.providers.includes("aws") || (parent.parent !== "" && inheritsAws(parent.parent)));
    };
    // The program's own components are `blueprint:*`; other packages than aws, random and the providers are remote.
    const isRemoteComponent = (type: string) => !/^(aws|random|blueprint|pulumi):/.test(type);
    return [
        ...plan.resources.filter((r) => r.type.startsWith("aws:") && !onExplicit(r.provider)).map((r) => `resource ${r.type} ${r.name}`),
        ...(plan.invokes ?? []).filter((i) => i.token.startsWith("aws:") && !onExplicit(i.provider)).map((i) => `invoke ${i.token}`),
        ...plan.resources.filter((r) => isRemoteComponent(r.type) && !inheritsAws(r.options.parent)).map((r) => `remote component ${r.type} ${r.name}`),
    ];
}

describe("providers: no default aws provider (pulumi:disable-default-providers)", () => {
    it("is set in Pulumi.yaml for aws, so the engine refuses what would fall to a default provider", () => {
        assert.deepEqual(JSON.parse(projectConfig(repositoryRoot)["pulumi:disable-default-providers"] ?? "[]"), ["aws"]);
    });

    for (const [what, plan] of [
        ["a small stack", () => fixturePlan("small")],
        ["a hardened stack", () => fixturePlan("hardened")],
        ["a stack with events off, a secret login and JWT callers", () => fixturePlanWith("small", { events: "false", dbAuth: "secret", apiAuth: "jwt", jwtIssuer: "https://idp.example.com/", jwtAudience: '["orders"]' })],
    ] as const) {
        it(`puts every AWS resource, call and remote component of ${what} on the stack's explicit provider`, async () => {
            const planned = await plan();
            assert.ok(planned.resources.some((r) => r.type.startsWith("awsx:")), "the plan has the awsx VPC");
            assert.ok((planned.registrations ?? []).some((r) => r.type.startsWith("blueprint:")), "the plan recorded the components");
            assert.deepEqual(defaultProviderUses(planned), []);
        });
    }

    it("notices a resource left on the default provider", async () => {
        const planned = await fixturePlan("small");
        const [first] = planned.resources.filter((r) => r.type.startsWith("aws:"));
        const tampered = { ...planned, resources: [...planned.resources, { ...first!, name: "stray", provider: undefined }] };
        assert.deepEqual(defaultProviderUses(tampered as StackPlan), [`resource ${first!.type} stray`]);
    });

    it("notices a remote component under no component that was given the aws provider", async () => {
        const planned = await fixturePlan("small");
        const vpc = planned.resources.find((r) => r.type.startsWith("awsx:"))!;
        const orphan = { ...vpc, name: "orphan", options: { ...vpc.options, parent: "" } };
        assert.deepEqual(defaultProviderUses({ ...planned, resources: [...planned.resources, orphan] }), [`remote component ${vpc.type} orphan`]);
    });
});
