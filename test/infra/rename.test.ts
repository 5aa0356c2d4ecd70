import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import type { PlannedResource } from "../../tools/plan/mocks";
import { repositoryRoot, type StackPlan } from "../../tools/plan/run";
import { fixturePlan, fixturePlanWith, isSecretValue, type FixtureStack } from "../helpers/stackPlan";

/**
 * What renaming a stack (`pulumi stack rename`) or the project does to a deployed stack, proven on plans: the same
 * fixture stack planned under two names must give the same resources (type, logical name, parent) and the same
 * inputs, but for the few that follow `<project>-<stack>` and change in place (below) or that the program keeps
 * with ignoreChanges. Physical names Pulumi generated stay as they are in the state (pulumi-aws reuses them), and the
 * plan's mocks derive names from logical names only, as the state would give them back. docs/naming.md lists the same.
 */

/**
 * Inputs that follow `<project>-<stack>` and that AWS changes in place: `pulumi up` after a rename updates them and
 * replaces nothing. Each with why it changes in place.
 */
const RENAME_UPDATES: readonly { readonly type: string; readonly input: string; readonly why: string }[] = [
    { type: "pulumi:providers:aws", input: "defaultTags", why: "the project and stack tags: tags change in place on every resource (TagResource)" },
    { type: "aws:ec2/securityGroup:SecurityGroup", input: "tags", why: "the Name tag: tags change in place" },
    { type: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", input: "tags", why: "the Name tag: tags change in place" },
    { type: "aws:ec2/vpcEndpoint:VpcEndpoint", input: "tags", why: "the Name tag: tags change in place" },
    { type: "aws:lambda/function:Function", input: "environment", why: "POWERTOOLS_METRICS_NAMESPACE, the app's metric namespace: UpdateFunctionConfiguration" },
    { type: "aws:cloudwatch/metricAlarm:MetricAlarm", input: "namespace", why: "alarms on the app's metrics follow its namespace: PutMetricAlarm overwrites" },
    { type: "aws:cloudwatch/metricAlarm:MetricAlarm", input: "metricQueries", why: "alarms on the app's metrics follow its namespace: PutMetricAlarm overwrites" },
    { type: "aws:cloudwatch/dashboard:Dashboard", input: "dashboardBody", why: "its title and the app's namespace: PutDashboard overwrites" },
    { type: "aws:rds/instance:Instance", input: "finalSnapshotIdentifier", why: "used only when the instance is deleted; not ForceNew in terraform-provider-aws" },
];

/** What holds data a replacement would lose. */
const STATEFUL = [
    "aws:rds/instance:Instance",
    "aws:kms/key:Key",
    "aws:secretsmanager/secret:Secret",
    "aws:cloudwatch/eventBus:EventBus",
    "aws:sqs/queue:Queue",
    "aws:cloudwatch/logGroup:LogGroup",
];

/** `<parent type>::<parent name>` of a URN (`urn:pulumi:<stack>::<project>::<type chain>::<name>`), free of the stack and project. */
function parentOf(resource: PlannedResource): string {
    const parts = resource.options.parent.split("::");
    return parts.length < 4 ? "" : `${parts[2]!.split("$").pop()}::${parts[3]}`;
}

const identity = (r: PlannedResource) => `${r.type}::${r.name} in ${parentOf(r) || "the stack"}`;

/** Secret-marked values compare as secrets: the plan's generated passwords are the state's, not the program's. */
function comparable(value: unknown): unknown {
    if (isSecretValue(value)) {
        return "[secret]";
    }
    if (Array.isArray(value)) {
        return value.map(comparable);
    }
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, comparable(v)]));
    }
    return value;
}

interface Difference {
    readonly resource: PlannedResource;
    readonly input: string;
}

/** Whether `urn` is the URN of `resource`, whatever the stack and project in it. */
const isUrnOf = (urn: string, resource: PlannedResource) => urn.endsWith(`::${resource.name}`) && urn.split("::").slice(-2, -1)[0]!.split("$").pop() === resource.type;

/**
 * The renamed plan as the deployed stack would see it: an input the program keeps with ignoreChanges keeps its old
 * value in the state, and so does every output taken from it (a log group's name and ARN), in the inputs of the
 * resources that use them. The plan's mocks cannot know the old value; the plan before the rename has it.
 */
function withKeptInputs(before: StackPlan, after: StackPlan): PlannedResource[] {
    const beforeByIdentity = new Map(before.resources.map((r) => [identity(r), r]));
    let resources = after.resources.map((r) => ({ ...r, inputs: { ...r.inputs } }));
    for (const resource of after.resources) {
        const old = beforeByIdentity.get(identity(resource));
        for (const input of resource.options.ignoreChanges) {
            const [from, to] = [resource.inputs[input], old?.inputs[input]];
            if (typeof from !== "string" || typeof to !== "string" || from === to) {
                continue;
            }
            resources = resources.map((r) =>
                r.options.dependsOn.some((urn) => isUrnOf(urn, resource))
                    ? { ...r, inputs: JSON.parse(JSON.stringify(r.inputs).split(JSON.stringify(from).slice(1, -1)).join(JSON.stringify(to).slice(1, -1))) as Record<string, unknown> }
                    : r,
            );
        }
    }
    return resources;
}

/** The resources of two plans must match one to one; the inputs that differ, resource by resource. */
function differences(before: StackPlan, after: StackPlan): Difference[] {
    assert.deepEqual(after.resources.map(identity).sort(), before.resources.map(identity).sort(), "a rename must plan the same resources under the same logical names and parents");
    const byIdentity = new Map(withKeptInputs(before, after).map((r) => [identity(r), r]));
    return before.resources.flatMap((resource) => {
        const renamed = byIdentity.get(identity(resource))!;
        const inputs = new Set([...Object.keys(resource.inputs), ...Object.keys(renamed.inputs)]);
        return [...inputs]
            .filter((input) => JSON.stringify(comparable(resource.inputs[input])) !== JSON.stringify(comparable(renamed.inputs[input])))
            .map((input) => ({ resource: renamed, input }));
    });
}

const kept = (d: Difference) => d.resource.options.ignoreChanges.includes(d.input);
const updatedInPlace = (d: Difference) => RENAME_UPDATES.some((u) => u.type === d.resource.type && u.input === d.input);
const describeDifference = (d: Difference) => `${d.resource.type} ${d.resource.name}: ${d.input}`;

/** A fixture stack as committed, and as the same stack file would plan under other names; secret mode too, for its secret. */
async function renamedPlans(stack: FixtureStack, as: { project?: string; stack?: string }): Promise<[StackPlan, StackPlan][]> {
    const before = await fixturePlan(stack);
    // An override in the renamed project's namespace, where the renamed stack file's keys move.
    const secretMode = (plan: StackPlan) => ({ [`${as.project ?? plan.project}:dbAuth`]: "secret" });
    return [
        [before, await fixturePlanWith(stack, {}, as)],
        [await fixturePlanWith(stack, { dbAuth: "secret" }), await fixturePlanWith(stack, secretMode(before), as)],
    ];
}

describe("renaming: what `pulumi stack rename` and a project rename replace", () => {
    for (const stack of ["small", "hardened"] as const) {
        it(`plans no replacement when the ${stack} stack is renamed: same resources, only in-place or kept inputs differ`, async () => {
            for (const [before, after] of await renamedPlans(stack, { stack: `${stack}-renamed` })) {
                assert.notEqual(after.stack, before.stack);
                const changed = differences(before, after);
                // The rename is visible to the program: the tags follow it, so the comparison can fail.
                assert.ok(changed.some((d) => d.input === "defaultTags"), "the plans under two stack names do not differ at all");
                assert.deepEqual(changed.filter((d) => !kept(d) && !updatedInPlace(d)).map(describeDifference), []);
            }
        });

        it(`replaces no stateful resource when the project of the ${stack} stack is renamed, and nothing else either`, async () => {
            const planned = new Set<string>();
            for (const [before, after] of await renamedPlans(stack, { project: "renamed-project" })) {
                assert.notEqual(after.project, before.project);
                before.resources.forEach((r) => planned.add(r.type));
                const changed = differences(before, after);
                assert.deepEqual(changed.filter((d) => !kept(d) && !updatedInPlace(d)).map(describeDifference), []);
                // Stateful resources: nothing but the final snapshot's name, which is used only at deletion.
                const stateful = changed.filter((d) => STATEFUL.includes(d.resource.type) && !kept(d));
                assert.deepEqual(
                    stateful.map(describeDifference).filter((d) => !d.endsWith(": finalSnapshotIdentifier")),
                    [],
                );
            }
            // Every stateful type is really among the plans compared (the secret only in secret mode).
            assert.deepEqual(STATEFUL.filter((type) => !planned.has(type)), []);
        });
    }

    it("changes in place only what docs/naming.md says a rename changes", () => {
        const doc = fs.readFileSync(path.join(repositoryRoot, "docs", "naming.md"), "utf8");
        for (const update of RENAME_UPDATES) {
            assert.ok(doc.includes(`\`${update.type}\``) && doc.includes(`\`${update.input}\``), `docs/naming.md does not list ${update.type} ${update.input}`);
        }
    });
});
